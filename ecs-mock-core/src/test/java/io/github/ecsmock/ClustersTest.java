package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterConfiguration;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.ClusterSettingName;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.ExecuteCommandConfiguration;
import software.amazon.awssdk.services.ecs.model.ExecuteCommandLogging;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.Tag;

/** CreateCluster, DeleteCluster, DescribeClusters, ListClusters, UpdateCluster and UpdateClusterSettings through the real EcsClient. */
class ClustersTest extends EcsApiTest {
    private static final String ARN_PREFIX = "arn:aws:ecs:us-east-1:123456789012:cluster/";

    // ---------------------------------------------------------------- CreateCluster

    @Test
    void createClusterWithoutNameCreatesDefault() {
        Cluster cluster = ecs.createCluster(r -> { }).cluster();

        assertThat(cluster.clusterName()).isEqualTo("default");
        assertThat(cluster.clusterArn()).isEqualTo(ARN_PREFIX + "default");
        assertThat(ecs.listClusters(r -> { }).clusterArns()).containsExactly(ARN_PREFIX + "default");
    }

    @Test
    void createdClusterHasArnStatusAndZeroCounters() {
        Cluster cluster = ecs.createCluster(r -> r.clusterName("production")).cluster();

        assertThat(cluster.clusterArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/production");
        assertThat(cluster.clusterName()).isEqualTo("production");
        assertThat(cluster.status()).isEqualTo("ACTIVE");
        assertThat(cluster.registeredContainerInstancesCount()).isZero();
        assertThat(cluster.runningTasksCount()).isZero();
        assertThat(cluster.pendingTasksCount()).isZero();
        assertThat(cluster.activeServicesCount()).isZero();
    }

    @Test
    void createdClusterHasDefaultSettingsAndEmptyLists() {
        Cluster cluster = ecs.createCluster(r -> r.clusterName("production")).cluster();

        assertThat(cluster.settings()).containsExactly(
                ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("disabled").build());
        assertThat(cluster.hasStatistics()).isTrue();
        assertThat(cluster.statistics()).isEmpty();
        assertThat(cluster.hasCapacityProviders()).isTrue();
        assertThat(cluster.capacityProviders()).isEmpty();
        assertThat(cluster.hasDefaultCapacityProviderStrategy()).isTrue();
        assertThat(cluster.defaultCapacityProviderStrategy()).isEmpty();
        assertThat(cluster.hasTags()).isTrue();
        assertThat(cluster.tags()).isEmpty();
    }

    @Test
    void createClusterEchoesTagsAndContainerInsights() {
        Cluster cluster = ecs.createCluster(r -> r.clusterName("production")
                .tags(tag("team", "payments"), tag("env", "prod"))
                .settings(ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("enhanced").build()))
                .cluster();

        assertThat(cluster.tags()).containsExactly(tag("team", "payments"), tag("env", "prod"));
        assertThat(cluster.settings()).extracting(ClusterSetting::nameAsString, ClusterSetting::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("containerInsights", "enhanced"));
    }

    @Test
    void secondCreateOfActiveNameReturnsTheFirstClusterUnchanged() {
        Cluster first = ecs.createCluster(r -> r.clusterName("production")
                .tags(tag("team", "payments"))
                .settings(ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("enabled").build()))
                .cluster();

        Cluster second = ecs.createCluster(r -> r.clusterName("production")
                .tags(tag("team", "other"), tag("extra", "x"))
                .settings(ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("disabled").build()))
                .cluster();

        assertThat(second).isEqualTo(first);
        assertThat(second.tags()).containsExactly(tag("team", "payments"));
        assertThat(second.settings()).extracting(ClusterSetting::value).containsExactly("enabled");
        assertThat(ecs.listClusters(r -> { }).clusterArns()).containsExactly(ARN_PREFIX + "production");
    }

    @Test
    void secondCreateOfActiveNameIsStillValidated() {
        ecs.createCluster(r -> r.clusterName("production"));

        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.createCluster(r -> r.clusterName("production")
                        .settings(ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("on").build())));

        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid setting 'value'");
    }

    @Test
    void createClusterWithInvalidNameIsRefused() {
        for (String name : List.of("has space", "dots.are.bad", "a".repeat(256), "")) {
            InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                    () -> ecs.createCluster(r -> r.clusterName(name)));
            assertThat(e).as("name '%s'", name).isNotNull();
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterException");
            assertThat(e.statusCode()).isEqualTo(400);
        }
        assertThat(ecs.listClusters(r -> { }).clusterArns()).isEmpty();
    }

    @Test
    void createClusterAcceptsNameOf255Characters() {
        String name = "a-_Z9".repeat(51);

        Cluster cluster = ecs.createCluster(r -> r.clusterName(name)).cluster();

        assertThat(cluster.clusterName()).hasSize(255).isEqualTo(name);
    }

    @Test
    void createClusterWithInvalidContainerInsightsValueIsRefused() {
        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.createCluster(r -> r.clusterName("production")
                        .settings(ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("on").build())));

        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid setting 'value'");
        assertThat(ecs.listClusters(r -> { }).clusterArns()).isEmpty();
    }

    @Test
    void createClusterAcceptsFargateCapacityProvidersAndStrategy() {
        Cluster cluster = ecs.createCluster(r -> r.clusterName("production")
                .capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategy(
                        CapacityProviderStrategyItem.builder().capacityProvider("FARGATE").weight(1).base(1).build(),
                        CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT").weight(4).build()))
                .cluster();

        assertThat(cluster.capacityProviders()).containsExactly("FARGATE", "FARGATE_SPOT");
        assertThat(cluster.defaultCapacityProviderStrategy()).containsExactly(
                CapacityProviderStrategyItem.builder().capacityProvider("FARGATE").weight(1).base(1).build(),
                CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT").weight(4).base(0).build());
    }

    @Test
    void createClusterWithUnknownCapacityProviderIsRefused() {
        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.createCluster(r -> r.clusterName("production").capacityProviders("FARGATE", "my-asg-provider")));

        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("The specified capacity provider was not found. Specify a valid capacity provider and try again.");
        assertThat(ecs.listClusters(r -> { }).clusterArns()).isEmpty();
    }

    @Test
    void createClusterWithStrategyItemNotAmongItsProvidersIsRefused() {
        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.createCluster(r -> r.clusterName("production")
                        .capacityProviders("FARGATE")
                        .defaultCapacityProviderStrategy(
                                CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT").weight(1).build())));

        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).contains("not associated with the cluster");
        assertThat(ecs.listClusters(r -> { }).clusterArns()).isEmpty();
    }

    // ---------------------------------------------------------------- DeleteCluster

    @Test
    void deleteClusterReturnsItInactive() {
        ecs.createCluster(r -> r.clusterName("production"));

        Cluster deleted = ecs.deleteCluster(r -> r.cluster("production")).cluster();

        assertThat(deleted.clusterArn()).isEqualTo(ARN_PREFIX + "production");
        assertThat(deleted.status()).isEqualTo("INACTIVE");
        assertThat(deleted.statistics()).isEmpty();
    }

    @Test
    void deleteClusterByArnWorks() {
        ecs.createCluster(r -> r.clusterName("production"));

        Cluster deleted = ecs.deleteCluster(r -> r.cluster(ARN_PREFIX + "production")).cluster();

        assertThat(deleted.status()).isEqualTo("INACTIVE");
    }

    @Test
    void deletedClusterStaysDescribableAsInactive() {
        ecs.createCluster(r -> r.clusterName("production"));
        ecs.deleteCluster(r -> r.cluster("production"));

        DescribeClustersResponse described = ecs.describeClusters(r -> r.clusters("production"));

        assertThat(described.failures()).isEmpty();
        assertThat(described.clusters()).singleElement().satisfies(cluster -> {
            assertThat(cluster.clusterName()).isEqualTo("production");
            assertThat(cluster.status()).isEqualTo("INACTIVE");
        });
    }

    @Test
    void deletedClusterIsGoneFromListClusters() {
        ecs.createCluster(r -> r.clusterName("production"));
        ecs.createCluster(r -> r.clusterName("staging"));

        ecs.deleteCluster(r -> r.cluster("production"));

        assertThat(ecs.listClusters(r -> { }).clusterArns()).containsExactly(ARN_PREFIX + "staging");
    }

    @Test
    void deletingADeletedClusterAgainIsClusterNotFound() {
        ecs.createCluster(r -> r.clusterName("production"));
        ecs.deleteCluster(r -> r.cluster("production"));

        ClusterNotFoundException e = catchThrowableOfType(ClusterNotFoundException.class,
                () -> ecs.deleteCluster(r -> r.cluster("production")));

        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cluster not found.");
    }

    @Test
    void deletingAnUnknownClusterIsClusterNotFound() {
        ClusterNotFoundException e = catchThrowableOfType(ClusterNotFoundException.class,
                () -> ecs.deleteCluster(r -> r.cluster("nope")));

        assertThat(e).isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cluster not found.");
    }

    @Test
    void deletedClusterBecomesMissingAfterAnHour() {
        ecs.createCluster(r -> r.clusterName("production"));
        ecs.deleteCluster(r -> r.cluster("production"));

        mock.clock().advance(Duration.ofHours(1));

        DescribeClustersResponse described = ecs.describeClusters(r -> r.clusters("production"));
        assertThat(described.clusters()).isEmpty();
        assertThat(described.failures()).containsExactly(
                Failure.builder().arn(ARN_PREFIX + "production").reason("MISSING").build());
    }

    @Test
    void deletedClusterIsStillDescribableJustBeforeTheHour() {
        ecs.createCluster(r -> r.clusterName("production"));
        ecs.deleteCluster(r -> r.cluster("production"));

        mock.clock().advance(Duration.ofMinutes(59));

        assertThat(ecs.describeClusters(r -> r.clusters("production")).clusters())
                .extracting(Cluster::status).containsExactly("INACTIVE");
    }

    @Test
    void recreatingADeletedNameGivesAFreshActiveCluster() {
        ecs.createCluster(r -> r.clusterName("production").tags(tag("generation", "1")));
        ecs.deleteCluster(r -> r.cluster("production"));

        Cluster fresh = ecs.createCluster(r -> r.clusterName("production")
                .settings(ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("enabled").build()))
                .cluster();

        assertThat(fresh.status()).isEqualTo("ACTIVE");
        assertThat(fresh.clusterArn()).isEqualTo(ARN_PREFIX + "production");
        assertThat(fresh.tags()).isEmpty();
        assertThat(fresh.settings()).extracting(ClusterSetting::value).containsExactly("enabled");
        assertThat(ecs.listClusters(r -> { }).clusterArns()).containsExactly(ARN_PREFIX + "production");
        assertThat(ecs.describeClusters(r -> r.clusters("production")).clusters())
                .extracting(Cluster::status).containsExactly("ACTIVE");
    }

    @Test
    void recreatedClusterOutlivesTheExpiryOfItsDeletedPredecessor() {
        ecs.createCluster(r -> r.clusterName("production"));
        ecs.deleteCluster(r -> r.cluster("production"));
        ecs.createCluster(r -> r.clusterName("production").tags(tag("generation", "2")));

        mock.clock().advance(Duration.ofHours(2));

        DescribeClustersResponse described = ecs.describeClusters(r -> r.clusters("production").include(ClusterField.TAGS));
        assertThat(described.failures()).isEmpty();
        assertThat(described.clusters()).singleElement().satisfies(cluster -> {
            assertThat(cluster.status()).isEqualTo("ACTIVE");
            assertThat(cluster.tags()).containsExactly(tag("generation", "2"));
        });
        assertThat(ecs.listClusters(r -> { }).clusterArns()).containsExactly(ARN_PREFIX + "production");
    }

    // ---------------------------------------------------------------- DescribeClusters

    @Test
    void describeClustersWithoutNamesDescribesDefault() {
        ecs.createCluster(r -> r.clusterName("default"));
        ecs.createCluster(r -> r.clusterName("other"));

        DescribeClustersResponse described = ecs.describeClusters(r -> { });

        assertThat(described.clusters()).extracting(Cluster::clusterArn).containsExactly(ARN_PREFIX + "default");
        assertThat(described.failures()).isEmpty();
    }

    @Test
    void describeClustersWithoutNamesReportsMissingDefault() {
        ecs.createCluster(r -> r.clusterName("other"));

        DescribeClustersResponse described = ecs.describeClusters(r -> { });

        assertThat(described.clusters()).isEmpty();
        assertThat(described.failures()).containsExactly(
                Failure.builder().arn(ARN_PREFIX + "default").reason("MISSING").build());
    }

    @Test
    void describeClustersReportsUnknownNamesAsMissingFailuresAfterTheFoundOnes() {
        ecs.createCluster(r -> r.clusterName("production"));

        DescribeClustersResponse described = ecs.describeClusters(r -> r.clusters("nope", "production", "gone"));

        assertThat(described.clusters()).extracting(Cluster::clusterName).containsExactly("production");
        assertThat(described.failures()).containsExactly(
                Failure.builder().arn(ARN_PREFIX + "nope").reason("MISSING").build(),
                Failure.builder().arn(ARN_PREFIX + "gone").reason("MISSING").build());
    }

    @Test
    void describeClustersByArn() {
        ecs.createCluster(r -> r.clusterName("production"));

        DescribeClustersResponse described = ecs.describeClusters(r -> r.clusters(ARN_PREFIX + "production"));

        assertThat(described.clusters()).extracting(Cluster::clusterName).containsExactly("production");
        assertThat(described.failures()).isEmpty();
    }

    @Test
    void describeClustersWithArnOfAnotherRegionIsMissing() {
        ecs.createCluster(r -> r.clusterName("production"));
        String elsewhere = "arn:aws:ecs:eu-west-1:123456789012:cluster/production";
        String otherAccount = "arn:aws:ecs:us-east-1:111122223333:cluster/production";

        DescribeClustersResponse described = ecs.describeClusters(r -> r.clusters(elsewhere, otherAccount));

        assertThat(described.clusters()).isEmpty();
        assertThat(described.failures()).containsExactly(
                Failure.builder().arn(elsewhere).reason("MISSING").build(),
                Failure.builder().arn(otherAccount).reason("MISSING").build());
    }

    @Test
    void describeClustersWithoutIncludeLeavesOptionalPartsEmpty() {
        createDetailedCluster();

        Cluster cluster = ecs.describeClusters(r -> r.clusters("production")).clusters().get(0);

        assertThat(cluster.tags()).isEmpty();
        assertThat(cluster.settings()).isEmpty();
        assertThat(cluster.statistics()).isEmpty();
        assertThat(cluster.configuration()).isNull();
        assertThat(cluster.activeServicesCount()).isZero();
        assertThat(cluster.runningTasksCount()).isZero();
    }

    @Test
    void describeClustersIncludeTagsReturnsTags() {
        createDetailedCluster();

        Cluster cluster = ecs.describeClusters(r -> r.clusters("production").include(ClusterField.TAGS)).clusters().get(0);

        assertThat(cluster.tags()).containsExactly(tag("team", "payments"));
        assertThat(cluster.settings()).isEmpty();
        assertThat(cluster.statistics()).isEmpty();
        assertThat(cluster.configuration()).isNull();
    }

    @Test
    void describeClustersIncludeSettingsReturnsSettings() {
        createDetailedCluster();

        Cluster cluster = ecs.describeClusters(r -> r.clusters("production").include(ClusterField.SETTINGS)).clusters().get(0);

        assertThat(cluster.settings()).containsExactly(
                ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("enabled").build());
        assertThat(cluster.tags()).isEmpty();
    }

    @Test
    void describeClustersIncludeStatisticsReturnsZeroCountsAsStrings() {
        createDetailedCluster();

        Cluster cluster = ecs.describeClusters(r -> r.clusters("production").include(ClusterField.STATISTICS)).clusters().get(0);

        assertThat(cluster.statistics()).contains(
                KeyValuePair.builder().name("runningEC2TasksCount").value("0").build(),
                KeyValuePair.builder().name("runningFargateTasksCount").value("0").build(),
                KeyValuePair.builder().name("pendingFargateTasksCount").value("0").build(),
                KeyValuePair.builder().name("activeFargateServiceCount").value("0").build(),
                KeyValuePair.builder().name("drainingEC2ServiceCount").value("0").build());
        assertThat(cluster.statistics().get(0).name()).isEqualTo("runningEC2TasksCount");
        assertThat(cluster.statistics()).extracting(KeyValuePair::value).containsOnly("0");
        assertThat(cluster.tags()).isEmpty();
    }

    @Test
    void describeClustersIncludeConfigurationsReturnsConfiguration() {
        createDetailedCluster();

        Cluster cluster = ecs.describeClusters(r -> r.clusters("production").include(ClusterField.CONFIGURATIONS))
                .clusters().get(0);

        assertThat(cluster.configuration()).isEqualTo(executeCommandConfiguration());
        assertThat(cluster.tags()).isEmpty();
    }

    @Test
    void describeClustersHonoursSeveralIncludesAtOnce() {
        createDetailedCluster();

        Cluster cluster = ecs.describeClusters(r -> r.clusters("production")
                .include(ClusterField.TAGS, ClusterField.SETTINGS, ClusterField.STATISTICS, ClusterField.CONFIGURATIONS))
                .clusters().get(0);

        assertThat(cluster.tags()).containsExactly(tag("team", "payments"));
        assertThat(cluster.settings()).extracting(ClusterSetting::value).containsExactly("enabled");
        assertThat(cluster.statistics()).isNotEmpty();
        assertThat(cluster.configuration()).isEqualTo(executeCommandConfiguration());
    }

    @Test
    void describeClustersWithMoreThan100NamesIsRefused() {
        List<String> names = IntStream.rangeClosed(1, 101).mapToObj(i -> "c" + i).toList();

        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.describeClusters(r -> r.clusters(names)));

        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).contains("100");
    }

    @Test
    void describeClustersAcceptsExactly100Names() {
        List<String> names = IntStream.rangeClosed(1, 100).mapToObj(i -> "c" + i).toList();

        DescribeClustersResponse described = ecs.describeClusters(r -> r.clusters(names));

        assertThat(described.failures()).hasSize(100);
    }

    @Test
    void describeClustersWithBlankNameIsRefused() {
        ecs.createCluster(r -> r.clusterName("production"));

        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.describeClusters(r -> r.clusters("production", "")));

        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Clusters can not be blank.");
    }

    @Test
    void describeClustersWithUnknownIncludeIsRefused() {
        ecs.createCluster(r -> r.clusterName("production"));

        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.describeClusters(r -> r.clusters("production").includeWithStrings("BOGUS")));

        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("include should be one of [");
    }

    // ---------------------------------------------------------------- UpdateCluster, UpdateClusterSettings

    @Test
    void updateClusterChangesSettingsConfigurationAndServiceConnectDefaults() {
        ecs.createCluster(r -> r.clusterName("production"));

        Cluster updated = ecs.updateCluster(r -> r.cluster("production")
                .settings(ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("enhanced").build())
                .configuration(executeCommandConfiguration())
                .serviceConnectDefaults(d -> d.namespace("internal"))).cluster();

        assertThat(updated.settings()).containsExactly(
                ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("enhanced").build());
        assertThat(updated.configuration()).isEqualTo(executeCommandConfiguration());
        assertThat(updated.serviceConnectDefaults().namespace())
                .matches("arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-[a-z0-9]{16}");
        assertThat(updated.statistics()).isEmpty();
        Cluster described = ecs.describeClusters(r -> r.clusters("production")
                .include(ClusterField.SETTINGS, ClusterField.CONFIGURATIONS)).clusters().get(0);
        assertThat(described.settings()).isEqualTo(updated.settings());
        assertThat(described.configuration()).isEqualTo(updated.configuration());
        assertThat(described.serviceConnectDefaults()).isEqualTo(updated.serviceConnectDefaults());
        Cluster plain = ecs.describeClusters(r -> r.clusters("production")).clusters().get(0);
        assertThat(plain.settings()).isEmpty();
        assertThat(plain.configuration()).isNull();
    }

    @Test
    void updateClusterLeavesWhatItDoesNotGiveAsItWas() {
        createDetailedCluster();
        ecs.updateCluster(r -> r.cluster("production").serviceConnectDefaults(d -> d.namespace("internal")));

        Cluster updated = ecs.updateCluster(r -> r.cluster("production").configuration(c -> c
                .managedStorageConfiguration(m -> m.kmsKeyId("key-1")))).cluster();

        assertThat(updated.settings()).extracting(ClusterSetting::value).containsExactly("enabled");
        assertThat(updated.configuration().executeCommandConfiguration())
                .isEqualTo(executeCommandConfiguration().executeCommandConfiguration());
        assertThat(updated.configuration().managedStorageConfiguration().kmsKeyId()).isEqualTo("key-1");
        assertThat(updated.serviceConnectDefaults()).isNotNull();
        assertThat(updated.tags()).containsExactly(tag("team", "payments"));
    }

    @Test
    void serviceConnectNamespaceByNameIsStableAndByArnKept() {
        ecs.createCluster(r -> r.clusterName("a"));
        ecs.createCluster(r -> r.clusterName("b"));
        String arn = "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-abcdefghijklmnop";

        String first = ecs.updateCluster(r -> r.cluster("a").serviceConnectDefaults(d -> d.namespace("internal")))
                .cluster().serviceConnectDefaults().namespace();
        String second = ecs.updateCluster(r -> r.cluster("b").serviceConnectDefaults(d -> d.namespace("internal")))
                .cluster().serviceConnectDefaults().namespace();
        String other = ecs.updateCluster(r -> r.cluster("b").serviceConnectDefaults(d -> d.namespace("external")))
                .cluster().serviceConnectDefaults().namespace();
        String byArn = ecs.updateCluster(r -> r.cluster("a").serviceConnectDefaults(d -> d.namespace(arn)))
                .cluster().serviceConnectDefaults().namespace();

        assertThat(first).isEqualTo(second).isNotEqualTo(other);
        assertThat(byArn).isEqualTo(arn);
    }

    @Test
    void updateClusterWithAnEmptyNamespaceRemovesTheServiceConnectDefaults() {
        ecs.createCluster(r -> r.clusterName("production").serviceConnectDefaults(d -> d.namespace("internal")));

        Cluster updated = ecs.updateCluster(r -> r.cluster("production").serviceConnectDefaults(d -> d.namespace("")))
                .cluster();

        assertThat(updated.serviceConnectDefaults()).isNull();
        assertThat(ecs.describeClusters(r -> r.clusters("production")).clusters().get(0).serviceConnectDefaults()).isNull();
    }

    @Test
    void updateClusterOfAnUnknownOrDeletedClusterIsClusterNotFound() {
        ClusterNotFoundException unknown = catchThrowableOfType(ClusterNotFoundException.class,
                () -> ecs.updateCluster(r -> r.cluster("production").configuration(executeCommandConfiguration())));
        assertThat(unknown.awsErrorDetails().errorMessage()).isEqualTo("Cluster not found.");

        ecs.createCluster(r -> r.clusterName("production"));
        ecs.deleteCluster(r -> r.cluster("production"));

        ClusterNotFoundException deleted = catchThrowableOfType(ClusterNotFoundException.class,
                () -> ecs.updateClusterSettings(r -> r.cluster("production")
                        .settings(ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("enabled").build())));
        assertThat(deleted.awsErrorDetails().errorMessage()).isEqualTo("Cluster not found.");
    }

    @Test
    void updateClusterWithAnInvalidContainerInsightsValueIsRefusedAndChangesNothing() {
        createDetailedCluster();

        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.updateCluster(r -> r.cluster("production")
                        .settings(ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("on").build())
                        .configuration(c -> c.managedStorageConfiguration(m -> m.kmsKeyId("key-1")))));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid setting 'value'");
        Cluster cluster = ecs.describeClusters(r -> r.clusters("production")
                .include(ClusterField.SETTINGS, ClusterField.CONFIGURATIONS)).clusters().get(0);
        assertThat(cluster.settings()).extracting(ClusterSetting::value).containsExactly("enabled");
        assertThat(cluster.configuration()).isEqualTo(executeCommandConfiguration());
    }

    @Test
    void updateClusterSettingsChangesContainerInsights() {
        createDetailedCluster();

        Cluster updated = ecs.updateClusterSettings(r -> r.cluster("production")
                .settings(ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("disabled").build()))
                .cluster();

        assertThat(updated.settings()).extracting(ClusterSetting::value).containsExactly("disabled");
        assertThat(updated.configuration()).isEqualTo(executeCommandConfiguration());
        assertThat(ecs.describeClusters(r -> r.clusters("production").include(ClusterField.SETTINGS)).clusters().get(0)
                .settings()).extracting(ClusterSetting::value).containsExactly("disabled");
    }

    @Test
    void updateClusterSettingsRequiresSettings() {
        ecs.createCluster(r -> r.clusterName("production"));

        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.updateClusterSettings(r -> r.cluster("production")));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("settings can not be blank.");
    }

    @Test
    void updateClusterSettingsWithAnInvalidValueIsRefused() {
        ecs.createCluster(r -> r.clusterName("production"));

        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.updateClusterSettings(r -> r.cluster("production")
                        .settings(ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("ENABLED").build())));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid setting 'value'");
    }

    // ---------------------------------------------------------------- ListClusters

    @Test
    void listClustersIsEmptyAndNeverCreatesDefault() {
        ListClustersResponse listed = ecs.listClusters(r -> { });

        assertThat(listed.clusterArns()).isEmpty();
        assertThat(listed.nextToken()).isNull();
        assertThat(ecs.describeClusters(r -> { }).failures()).extracting(Failure::reason).containsExactly("MISSING");
    }

    @Test
    void listClustersListsInOrderOfCreation() {
        for (String name : List.of("zeta", "alpha", "mu")) {
            ecs.createCluster(r -> r.clusterName(name));
        }

        assertThat(ecs.listClusters(r -> { }).clusterArns())
                .containsExactly(ARN_PREFIX + "zeta", ARN_PREFIX + "alpha", ARN_PREFIX + "mu");
    }

    @Test
    void listClustersPagesThroughAllWithoutRepeats() {
        List<String> expected = createClusters(7);

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListClustersResponse page = ecs.listClusters(r -> r.maxResults(3).nextToken(next));
            seen.addAll(page.clusterArns());
            pageSizes.add(page.clusterArns().size());
            token = page.nextToken();
        } while (token != null);

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pageSizes).containsExactly(3, 3, 1);
    }

    @Test
    void listClustersGivesNoTokenWhenThePageHoldsTheRest() {
        createClusters(3);

        ListClustersResponse page = ecs.listClusters(r -> r.maxResults(3));

        assertThat(page.clusterArns()).hasSize(3);
        assertThat(page.nextToken()).isNull();
    }

    @Test
    void listClustersWithMaxResultsOutOfRangeIsRefused() {
        for (int maxResults : new int[] {0, 101, -1}) {
            InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                    () -> ecs.listClusters(r -> r.maxResults(maxResults)));
            assertThat(e).as("maxResults %s", maxResults).isNotNull();
            assertThat(e.awsErrorDetails().errorMessage()).contains("maxResults");
        }
    }

    @Test
    void listClustersAcceptsMaxResults100() {
        createClusters(2);

        assertThat(ecs.listClusters(r -> r.maxResults(100)).clusterArns()).hasSize(2);
    }

    @Test
    void listClustersWithBogusTokenIsRefused() {
        createClusters(2);

        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.listClusters(r -> r.nextToken("bogus")));

        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid token bogus");
    }

    @Test
    void listClustersRefusesATokenOfAnotherListOperation() {
        for (int i = 1; i <= 3; i++) {
            int revision = i;
            ecs.registerTaskDefinition(r -> r.family("web" + revision)
                    .containerDefinitions(c -> c.name("app").image("nginx").memory(128)));
        }
        String foreign = ecs.listTaskDefinitions(r -> r.maxResults(1)).nextToken();
        assertThat(foreign).isNotNull();

        EcsException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.listClusters(r -> r.nextToken(foreign)));

        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("Invalid token ");
    }

    @Test
    void clusterCreatedBetweenPagesStillAppearsAndNoneRepeats() {
        List<String> expected = new ArrayList<>(createClusters(4));

        ListClustersResponse first = ecs.listClusters(r -> r.maxResults(3));
        ecs.createCluster(r -> r.clusterName("late"));
        expected.add(ARN_PREFIX + "late");
        List<String> seen = new ArrayList<>(first.clusterArns());
        String token = first.nextToken();
        while (token != null) {
            String next = token;
            ListClustersResponse page = ecs.listClusters(r -> r.maxResults(3).nextToken(next));
            seen.addAll(page.clusterArns());
            token = page.nextToken();
        }

        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void clusterDeletedBetweenPagesDoesNotDisturbPaging() {
        List<String> all = createClusters(6);

        ListClustersResponse first = ecs.listClusters(r -> r.maxResults(3));
        ecs.deleteCluster(r -> r.cluster(all.get(2)));
        ecs.deleteCluster(r -> r.cluster(all.get(3)));
        ListClustersResponse second = ecs.listClusters(r -> r.maxResults(3).nextToken(first.nextToken()));

        assertThat(first.clusterArns()).containsExactlyElementsOf(all.subList(0, 3));
        assertThat(second.clusterArns()).containsExactlyElementsOf(all.subList(4, 6));
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void listClustersPaginatorIteratesEverything() {
        List<String> expected = createClusters(7);

        List<String> seen = ecs.listClustersPaginator(r -> r.maxResults(2)).clusterArns().stream().toList();

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(ecs.listClustersPaginator(r -> r.maxResults(2)).stream().count()).isEqualTo(4);
    }

    // ---------------------------------------------------------------- helpers

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static ClusterConfiguration executeCommandConfiguration() {
        return ClusterConfiguration.builder()
                .executeCommandConfiguration(ExecuteCommandConfiguration.builder()
                        .logging(ExecuteCommandLogging.DEFAULT).build())
                .build();
    }

    private void createDetailedCluster() {
        ecs.createCluster(r -> r.clusterName("production")
                .tags(tag("team", "payments"))
                .settings(ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("enabled").build())
                .configuration(executeCommandConfiguration()));
    }

    /** Creates clusters c1..cN and returns their ARNs in creation order. */
    private List<String> createClusters(int count) {
        List<String> arns = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = "c" + i;
            arns.add(ecs.createCluster(r -> r.clusterName(name)).cluster().clusterArn());
        }
        return arns;
    }
}
