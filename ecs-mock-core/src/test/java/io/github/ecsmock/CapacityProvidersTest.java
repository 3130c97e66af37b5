package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProviderField;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ManagedScaling;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.ResourceInUseException;
import software.amazon.awssdk.services.ecs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.UnsupportedFeatureException;

/**
 * CreateCapacityProvider, UpdateCapacityProvider, DeleteCapacityProvider, DescribeCapacityProviders and
 * PutClusterCapacityProviders through the real EcsClient, and what a cluster's providers and default
 * strategy do to RunTask and CreateService. Under the immediate lifecycle, work a call starts (a
 * deletion, an update, attachments) has finished by the next call.
 */
class CapacityProvidersTest extends EcsApiTest {
    private static final String ARN_PREFIX = "arn:aws:ecs:us-east-1:123456789012:capacity-provider/";
    private static final String GROUP_ARN = "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:"
            + "a1b2c3d4-5678-90ab-cdef-111111111111:autoScalingGroupName/web-asg";
    private static final String NOT_FOUND = "The specified capacity provider was not found. Specify a valid capacity "
            + "provider and try again.";
    private static final String DOES_NOT_EXIST = "The specified capacity provider does not exist. Specify a valid name "
            + "or ARN and try again.";
    private static final String NOT_ASSOCIATED = "The specified capacity provider strategy cannot contain a capacity "
            + "provider that is not associated with the cluster. Associate the capacity provider with the cluster or "
            + "specify a valid capacity provider and try again.";
    private static final String IN_USE = "The specified capacity provider is in use and cannot be removed.";

    @AfterEach
    void stateKeepsItsRules() {
        assertThat(mock.invariantViolations()).isEmpty();
    }

    // ---------------------------------------------------------------- CreateCapacityProvider

    @Test
    void createdProviderIsActiveWithTheDocumentedDefaults() {
        CapacityProvider provider = ecs.createCapacityProvider(r -> r.name("web")
                .autoScalingGroupProvider(a -> a.autoScalingGroupArn(GROUP_ARN))).capacityProvider();

        assertThat(provider.capacityProviderArn()).isEqualTo(ARN_PREFIX + "web");
        assertThat(provider.name()).isEqualTo("web");
        assertThat(provider.statusAsString()).isEqualTo("ACTIVE");
        assertThat(provider.typeAsString()).isEqualTo("EC2_AUTOSCALING");
        assertThat(provider.updateStatus()).isNull();
        assertThat(provider.tags()).isEmpty();
        assertThat(provider.autoScalingGroupProvider().autoScalingGroupArn()).isEqualTo(GROUP_ARN);
        assertThat(provider.autoScalingGroupProvider().managedScaling()).isEqualTo(ManagedScaling.builder()
                .status("DISABLED").targetCapacity(100).minimumScalingStepSize(1).maximumScalingStepSize(10_000)
                .instanceWarmupPeriod(300).build());
        assertThat(provider.autoScalingGroupProvider().managedTerminationProtectionAsString()).isEqualTo("DISABLED");
        assertThat(provider.autoScalingGroupProvider().managedDrainingAsString()).isEqualTo("ENABLED");
    }

    @Test
    void groupGivenByNameIsShownAsAnArnOfTheAccountAndRegion() {
        String arn = create("web").autoScalingGroupProvider().autoScalingGroupArn();

        assertThat(arn).startsWith("arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:")
                .endsWith(":autoScalingGroupName/web-asg");
    }

    @Test
    void givenManagedScalingIsKeptAndTheRestDefaulted() {
        CapacityProvider provider = ecs.createCapacityProvider(r -> r.name("web")
                .autoScalingGroupProvider(a -> a.autoScalingGroupArn("web-asg")
                        .managedScaling(m -> m.status("ENABLED").targetCapacity(80))
                        .managedTerminationProtection("ENABLED")
                        .managedDraining("DISABLED"))).capacityProvider();

        assertThat(provider.autoScalingGroupProvider().managedScaling()).isEqualTo(ManagedScaling.builder()
                .status("ENABLED").targetCapacity(80).minimumScalingStepSize(1).maximumScalingStepSize(10_000)
                .instanceWarmupPeriod(300).build());
        assertThat(provider.autoScalingGroupProvider().managedTerminationProtectionAsString()).isEqualTo("ENABLED");
        assertThat(provider.autoScalingGroupProvider().managedDrainingAsString()).isEqualTo("DISABLED");
    }

    @Test
    void tagsGivenAtCreationAreShownAndListed() {
        CapacityProvider provider = ecs.createCapacityProvider(r -> r.name("web")
                .autoScalingGroupProvider(a -> a.autoScalingGroupArn("web-asg"))
                .tags(tag("team", "payments"))).capacityProvider();

        assertThat(provider.tags()).containsExactly(tag("team", "payments"));
        assertThat(ecs.listTagsForResource(r -> r.resourceArn(ARN_PREFIX + "web")).tags())
                .containsExactly(tag("team", "payments"));
    }

    @Test
    void secondProviderOfTheSameNameIsRefused() {
        create("web");

        ClientException e = catchThrowableOfType(ClientException.class, () -> ecs.createCapacityProvider(r -> r.name("web")
                .autoScalingGroupProvider(a -> a.autoScalingGroupArn("other-asg"))));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified capacity provider already exists. To "
                + "change the configuration of an existing capacity provider, update the capacity provider.");
    }

    @Test
    void groupOfAnotherProviderIsRefusedWhetherNamedOrByArn() {
        ecs.createCapacityProvider(r -> r.name("web").autoScalingGroupProvider(a -> a.autoScalingGroupArn(GROUP_ARN)));

        ClientException e = catchThrowableOfType(ClientException.class, () -> ecs.createCapacityProvider(r -> r.name("web2")
                .autoScalingGroupProvider(a -> a.autoScalingGroupArn("web-asg"))));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified Auto Scaling group ARN is already being "
                + "used by another capacity provider. Specify a unique Auto Scaling group ARN and try again.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws-web", "ECSweb", "Fargate1", "fargate", "web provider", "web.provider"})
    void invalidOrReservedNamesAreRefused(String name) {
        ClientException e = catchThrowableOfType(ClientException.class, () -> ecs.createCapacityProvider(r -> r.name(name)
                .autoScalingGroupProvider(a -> a.autoScalingGroupArn("web-asg"))));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified capacity provider name is invalid. Up to "
                + "255 characters are allowed, including letters (upper and lowercase), numbers, underscores, and hyphens. "
                + "The name cannot be prefixed with \"aws\", \"ecs\", or \"fargate\". Specify a valid name and try again.");
        assertThat(describeAll()).extracting(CapacityProvider::name).containsExactly("FARGATE", "FARGATE_SPOT");
    }

    @Test
    void nameOf255CharactersIsAcceptedAnd256Refused() {
        String longest = "p".repeat(255);
        assertThat(ecs.createCapacityProvider(r -> r.name(longest)
                .autoScalingGroupProvider(a -> a.autoScalingGroupArn("one-asg"))).capacityProvider().name()).isEqualTo(longest);

        assertThat(catchThrowableOfType(ClientException.class, () -> ecs.createCapacityProvider(r -> r.name("p".repeat(256))
                .autoScalingGroupProvider(a -> a.autoScalingGroupArn("two-asg"))))).isNotNull();
    }

    @Test
    void providerWithoutAutoScalingGroupIsRefused() {
        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.createCapacityProvider(r -> r.name("web")));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("autoScalingGroupProvider must not be null or empty.");
    }

    @Test
    void managedInstancesProvidersAreNotEmulated() {
        UnsupportedFeatureException e = catchThrowableOfType(UnsupportedFeatureException.class,
                () -> ecs.createCapacityProvider(r -> r.name("managed").cluster("dev")
                        .managedInstancesProvider(m -> m.infrastructureRoleArn("arn:aws:iam::123456789012:role/infra")
                                .instanceLaunchTemplate(t -> t.ec2InstanceProfileArn(
                                                "arn:aws:iam::123456789012:instance-profile/ecs")
                                        .networkConfiguration(n -> n.subnets("subnet-1"))))));

        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("ecs-mock does not emulate Amazon ECS Managed Instances capacity providers yet.");
    }

    @Test
    void clusterIsRefusedForAutoScalingGroupProviders() {
        ecs.createCluster(r -> r.clusterName("dev"));

        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.createCapacityProvider(r -> r.name("web").cluster("dev")
                        .autoScalingGroupProvider(a -> a.autoScalingGroupArn("web-asg"))));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The cluster parameter is only supported for Amazon ECS "
                + "Managed Instances capacity providers. Remove it and try again.");
    }

    @Test
    void targetCapacityOutsideItsRangeIsRefusedByTheModel() {
        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.createCapacityProvider(r -> r.name("web").autoScalingGroupProvider(a -> a
                        .autoScalingGroupArn("web-asg").managedScaling(m -> m.targetCapacity(0)))));

        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("autoScalingGroupProvider.managedScaling.targetCapacity must be between 1 and 100.");
    }

    // ---------------------------------------------------------------- UpdateCapacityProvider

    @Test
    void updateChangesWhatItGivesAndIsInProgressUntilTheNextCall() {
        create("web");

        CapacityProvider updated = ecs.updateCapacityProvider(r -> r.name("web")
                .autoScalingGroupProvider(a -> a.managedScaling(m -> m.status("ENABLED").maximumScalingStepSize(5))
                        .managedDraining("DISABLED"))).capacityProvider();

        assertThat(updated.updateStatusAsString()).isEqualTo("UPDATE_IN_PROGRESS");
        assertThat(updated.autoScalingGroupProvider().managedScaling()).isEqualTo(ManagedScaling.builder()
                .status("ENABLED").targetCapacity(100).minimumScalingStepSize(1).maximumScalingStepSize(5)
                .instanceWarmupPeriod(300).build());
        assertThat(updated.autoScalingGroupProvider().managedDrainingAsString()).isEqualTo("DISABLED");
        assertThat(updated.autoScalingGroupProvider().managedTerminationProtectionAsString()).isEqualTo("DISABLED");
        CapacityProvider described = describe("web");
        assertThat(described.updateStatusAsString()).isEqualTo("UPDATE_COMPLETE");
        assertThat(described.autoScalingGroupProvider()).isEqualTo(updated.autoScalingGroupProvider());
    }

    @Test
    void updateByArnFindsTheProvider() {
        create("web");

        CapacityProvider updated = ecs.updateCapacityProvider(r -> r.name(ARN_PREFIX + "web")
                .autoScalingGroupProvider(a -> a.managedTerminationProtection("ENABLED"))).capacityProvider();

        assertThat(updated.autoScalingGroupProvider().managedTerminationProtectionAsString()).isEqualTo("ENABLED");
    }

    @Test
    void updateOfAnUnknownProviderIsRefused() {
        ClientException e = catchThrowableOfType(ClientException.class, () -> ecs.updateCapacityProvider(r -> r.name("web")
                .autoScalingGroupProvider(a -> a.managedDraining("DISABLED"))));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(DOES_NOT_EXIST);
    }

    @Test
    void updateOfABuiltInProviderIsRefused() {
        ClientException e = catchThrowableOfType(ClientException.class, () -> ecs.updateCapacityProvider(r -> r.name("FARGATE")
                .autoScalingGroupProvider(a -> a.managedDraining("DISABLED"))));

        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("The FARGATE and FARGATE_SPOT capacity providers are reserved and can't be updated.");
    }

    @Test
    void updateWithoutAutoScalingGroupProviderIsRefused() {
        create("web");

        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.updateCapacityProvider(r -> r.name("web")));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("autoScalingGroupProvider must not be null or empty.");
    }

    @Test
    void updateInAnUnknownClusterIsClusterNotFound() {
        create("web");

        ClusterNotFoundException e = catchThrowableOfType(ClusterNotFoundException.class,
                () -> ecs.updateCapacityProvider(r -> r.name("web").cluster("nowhere")
                        .autoScalingGroupProvider(a -> a.managedDraining("DISABLED"))));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cluster not found.");
    }

    // ---------------------------------------------------------------- DeleteCapacityProvider

    @Test
    void deletedProviderIsDeleteInProgressThenInactiveThenGone() {
        create("web");

        CapacityProvider deleting = ecs.deleteCapacityProvider(r -> r.capacityProvider("web")).capacityProvider();

        assertThat(deleting.statusAsString()).isEqualTo("ACTIVE");
        assertThat(deleting.updateStatusAsString()).isEqualTo("DELETE_IN_PROGRESS");
        CapacityProvider deleted = describe("web");
        assertThat(deleted.statusAsString()).isEqualTo("INACTIVE");
        assertThat(deleted.updateStatusAsString()).isEqualTo("DELETE_COMPLETE");
        assertThat(describeAll()).extracting(CapacityProvider::name).containsExactly("web", "FARGATE", "FARGATE_SPOT");

        mock.clock().advance(Duration.ofHours(1));

        DescribeCapacityProvidersResponse gone = ecs.describeCapacityProviders(r -> r.capacityProviders("web"));
        assertThat(gone.capacityProviders()).isEmpty();
        assertThat(gone.failures()).containsExactly(Failure.builder().arn(ARN_PREFIX + "web").reason("MISSING").build());
        assertThat(describeAll()).extracting(CapacityProvider::name).containsExactly("FARGATE", "FARGATE_SPOT");
    }

    @Test
    void deleteByArnDeletes() {
        create("web");

        assertThat(ecs.deleteCapacityProvider(r -> r.capacityProvider(ARN_PREFIX + "web")).capacityProvider()
                .updateStatusAsString()).isEqualTo("DELETE_IN_PROGRESS");
    }

    @Test
    void providerAssociatedWithAClusterFailsToDeleteAndStaysActive() {
        create("web");
        ecs.createCluster(r -> r.clusterName("dev").capacityProviders("web"));

        CapacityProvider failed = ecs.deleteCapacityProvider(r -> r.capacityProvider("web")).capacityProvider();

        assertThat(failed.statusAsString()).isEqualTo("ACTIVE");
        assertThat(failed.updateStatusAsString()).isEqualTo("DELETE_FAILED");
        assertThat(failed.updateStatusReason()).isEqualTo("The capacity provider cannot be deleted because it is "
                + "associated with cluster: dev. Remove the capacity provider from the cluster and try again.");
        assertThat(describe("web").updateStatusAsString()).isEqualTo("DELETE_FAILED");

        ecs.putClusterCapacityProviders(r -> r.cluster("dev").capacityProviders(List.of())
                .defaultCapacityProviderStrategy(List.of()));

        assertThat(ecs.deleteCapacityProvider(r -> r.capacityProvider("web")).capacityProvider().updateStatusAsString())
                .isEqualTo("DELETE_IN_PROGRESS");
        assertThat(describe("web").statusAsString()).isEqualTo("INACTIVE");
    }

    @Test
    void deletingTheClusterFreesItsProviders() {
        create("web");
        ecs.createCluster(r -> r.clusterName("dev").capacityProviders("web"));

        ecs.deleteCluster(r -> r.cluster("dev"));

        assertThat(ecs.deleteCapacityProvider(r -> r.capacityProvider("web")).capacityProvider().updateStatusAsString())
                .isEqualTo("DELETE_IN_PROGRESS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FARGATE", "FARGATE_SPOT", ARN_PREFIX + "FARGATE"})
    void builtInProvidersCannotBeDeleted(String provider) {
        ClientException e = catchThrowableOfType(ClientException.class,
                () -> ecs.deleteCapacityProvider(r -> r.capacityProvider(provider)));

        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("The FARGATE and FARGATE_SPOT capacity providers are reserved and can't be deleted.");
    }

    @Test
    void deleteOfAnUnknownOrDeletedProviderIsRefused() {
        ClientException unknown = catchThrowableOfType(ClientException.class,
                () -> ecs.deleteCapacityProvider(r -> r.capacityProvider("web")));
        assertThat(unknown.awsErrorDetails().errorMessage()).isEqualTo(DOES_NOT_EXIST);

        create("web");
        ecs.deleteCapacityProvider(r -> r.capacityProvider("web"));

        ClientException deleted = catchThrowableOfType(ClientException.class,
                () -> ecs.deleteCapacityProvider(r -> r.capacityProvider("web")));
        assertThat(deleted.awsErrorDetails().errorMessage()).isEqualTo(DOES_NOT_EXIST);
    }

    @Test
    void nameAndGroupOfADeletedProviderCanBeTakenAgain() {
        ecs.createCapacityProvider(r -> r.name("web").autoScalingGroupProvider(a -> a.autoScalingGroupArn(GROUP_ARN))
                .tags(tag("generation", "1")));
        ecs.deleteCapacityProvider(r -> r.capacityProvider("web"));
        describe("web");

        CapacityProvider again = ecs.createCapacityProvider(r -> r.name("web")
                .autoScalingGroupProvider(a -> a.autoScalingGroupArn(GROUP_ARN))).capacityProvider();

        assertThat(again.statusAsString()).isEqualTo("ACTIVE");
        assertThat(again.updateStatus()).isNull();
        assertThat(ecs.listTagsForResource(r -> r.resourceArn(ARN_PREFIX + "web")).tags()).isEmpty();
        assertThat(describeAll()).extracting(CapacityProvider::name).containsExactly("web", "FARGATE", "FARGATE_SPOT");
    }

    // ---------------------------------------------------------------- DescribeCapacityProviders

    @Test
    void describeWithoutNamesListsTheAccountsProvidersThenTheBuiltIns() {
        create("web");
        create("batch");

        List<CapacityProvider> providers = describeAll();

        assertThat(providers).extracting(CapacityProvider::name).containsExactly("web", "batch", "FARGATE", "FARGATE_SPOT");
        CapacityProvider fargate = providers.get(2);
        assertThat(fargate.capacityProviderArn()).isEqualTo(ARN_PREFIX + "FARGATE");
        assertThat(fargate.statusAsString()).isEqualTo("ACTIVE");
        assertThat(fargate.typeAsString()).isEqualTo("FARGATE");
        assertThat(fargate.autoScalingGroupProvider()).isNull();
        assertThat(providers.get(3).typeAsString()).isEqualTo("FARGATE_SPOT");
    }

    @Test
    void describeByNameAndArnReportsUnknownOnesAsMissing() {
        create("web");

        DescribeCapacityProvidersResponse response = ecs.describeCapacityProviders(r -> r.capacityProviders(
                ARN_PREFIX + "web", "nope", "FARGATE_SPOT", "arn:aws:ecs:eu-west-1:123456789012:capacity-provider/web"));

        assertThat(response.capacityProviders()).extracting(CapacityProvider::name).containsExactly("web", "FARGATE_SPOT");
        assertThat(response.failures()).containsExactly(
                Failure.builder().arn(ARN_PREFIX + "nope").reason("MISSING").build(),
                Failure.builder().arn("arn:aws:ecs:eu-west-1:123456789012:capacity-provider/web").reason("MISSING").build());
    }

    @Test
    void tagsAreDescribedOnlyWhenAskedFor() {
        ecs.createCapacityProvider(r -> r.name("web").autoScalingGroupProvider(a -> a.autoScalingGroupArn("web-asg"))
                .tags(tag("team", "payments")));

        assertThat(describe("web").tags()).isEmpty();
        assertThat(ecs.describeCapacityProviders(r -> r.capacityProviders("web").include(CapacityProviderField.TAGS))
                .capacityProviders().get(0).tags()).containsExactly(tag("team", "payments"));
    }

    @Test
    void describePagesByTenUnlessAskedForFewer() {
        List<String> names = IntStream.range(0, 12).mapToObj(i -> "provider-" + i).toList();
        names.forEach(this::create);

        DescribeCapacityProvidersResponse first = ecs.describeCapacityProviders(r -> { });
        assertThat(first.capacityProviders()).hasSize(10);
        assertThat(first.nextToken()).isNotNull();
        DescribeCapacityProvidersResponse second = ecs.describeCapacityProviders(r -> r.nextToken(first.nextToken()));
        assertThat(second.capacityProviders()).extracting(CapacityProvider::name)
                .containsExactly("provider-10", "provider-11", "FARGATE", "FARGATE_SPOT");
        assertThat(second.nextToken()).isNull();

        List<String> paged = new ArrayList<>();
        String token = null;
        do {
            String current = token;
            DescribeCapacityProvidersResponse page = ecs.describeCapacityProviders(r -> r.maxResults(5).nextToken(current));
            assertThat(page.capacityProviders().size()).isLessThanOrEqualTo(5);
            page.capacityProviders().forEach(provider -> paged.add(provider.name()));
            token = page.nextToken();
        } while (token != null);
        List<String> expected = new ArrayList<>(names);
        expected.addAll(List.of("FARGATE", "FARGATE_SPOT"));
        assertThat(paged).isEqualTo(expected);
    }

    @Test
    void namedProvidersPageTooAndFailuresComeWithTheFirstPage() {
        create("web");
        create("batch");

        DescribeCapacityProvidersResponse first = ecs.describeCapacityProviders(r -> r.maxResults(2)
                .capacityProviders("web", "missing", "batch", "FARGATE"));
        DescribeCapacityProvidersResponse second = ecs.describeCapacityProviders(r -> r.maxResults(2)
                .capacityProviders("web", "missing", "batch", "FARGATE").nextToken(first.nextToken()));

        assertThat(first.capacityProviders()).extracting(CapacityProvider::name).containsExactly("web", "batch");
        assertThat(first.failures()).extracting(Failure::arn).containsExactly(ARN_PREFIX + "missing");
        assertThat(second.capacityProviders()).extracting(CapacityProvider::name).containsExactly("FARGATE");
        assertThat(second.failures()).isEmpty();
        assertThat(second.nextToken()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 11})
    void maxResultsOutsideOneToTenIsRefused(int maxResults) {
        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.describeCapacityProviders(r -> r.maxResults(maxResults)));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("maxResults must be between 1 and 10.");
    }

    @Test
    void describeOfAClusterShowsOnlyTheProvidersItHas() {
        create("web");
        create("batch");
        ecs.createCluster(r -> r.clusterName("dev").capacityProviders("batch", "FARGATE"));

        assertThat(ecs.describeCapacityProviders(r -> r.cluster("dev")).capacityProviders())
                .extracting(CapacityProvider::name).containsExactly("batch", "FARGATE");
        ClusterNotFoundException e = catchThrowableOfType(ClusterNotFoundException.class,
                () -> ecs.describeCapacityProviders(r -> r.cluster("nowhere")));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cluster not found.");
    }

    // ---------------------------------------------------------------- PutClusterCapacityProviders

    @Test
    void putGivesTheClusterItsProvidersStrategyAndAttachments() {
        ecs.createCapacityProvider(r -> r.name("web").autoScalingGroupProvider(a -> a.autoScalingGroupArn("web-asg")
                .managedScaling(m -> m.status("ENABLED"))));
        ecs.createCluster(r -> r.clusterName("dev"));

        Cluster cluster = ecs.putClusterCapacityProviders(r -> r.cluster("dev").capacityProviders("web", "FARGATE")
                .defaultCapacityProviderStrategy(strategy("web", 1, null))).cluster();

        assertThat(cluster.capacityProviders()).containsExactly("web", "FARGATE");
        assertThat(cluster.defaultCapacityProviderStrategy()).containsExactly(strategy("web", 1, 0));
        assertThat(cluster.attachmentsStatus()).isEqualTo("UPDATE_IN_PROGRESS");
        assertThat(cluster.attachments()).extracting(Attachment::type).containsExactly("as_policy", "managed_draining");
        assertThat(cluster.attachments()).allSatisfy(attachment -> {
            assertThat(attachment.status()).isEqualTo("PRECREATED");
            assertThat(attachment.details()).contains(KeyValuePair.builder().name("capacityProviderName").value("web").build());
        });

        Cluster described = ecs.describeClusters(r -> r.clusters("dev").include(ClusterField.ATTACHMENTS)).clusters().get(0);
        assertThat(described.attachmentsStatus()).isEqualTo("UPDATE_COMPLETE");
        assertThat(described.attachments()).extracting(Attachment::status).containsExactly("CREATED", "CREATED");
        assertThat(described.capacityProviders()).containsExactly("web", "FARGATE");
    }

    @Test
    void aClusterCreatedWithAnAutoScalingGroupProviderIsProvisioningUntilItsAttachmentsExist() {
        ecs.createCapacityProvider(r -> r.name("web").autoScalingGroupProvider(a -> a.autoScalingGroupArn("web-asg")
                .managedScaling(m -> m.status("ENABLED"))));

        Cluster created = ecs.createCluster(r -> r.clusterName("dev").capacityProviders("web")
                .defaultCapacityProviderStrategy(strategy("web", 1, null))).cluster();

        assertThat(created.status()).isEqualTo("PROVISIONING");
        assertThat(created.attachmentsStatus()).isEqualTo("UPDATE_IN_PROGRESS");
        assertThat(created.attachments()).extracting(Attachment::type).containsExactly("as_policy", "managed_draining");
        Cluster described = ecs.describeClusters(r -> r.clusters("dev").include(ClusterField.ATTACHMENTS)).clusters().get(0);
        assertThat(described.status()).isEqualTo("ACTIVE");
        assertThat(described.attachmentsStatus()).isEqualTo("UPDATE_COMPLETE");
        assertThat(ecs.listClusters(r -> { }).clusterArns()).containsExactly(described.clusterArn());
    }

    @Test
    void aClusterCreatedWithFargateProvidersOnlyIsActiveAtOnce() {
        Cluster created = ecs.createCluster(r -> r.clusterName("dev").capacityProviders("FARGATE")).cluster();

        assertThat(created.status()).isEqualTo("ACTIVE");
        assertThat(created.attachmentsStatus()).isNull();
    }

    @Test
    void removingAProviderDeletesItsAttachments() {
        create("web");
        ecs.createCluster(r -> r.clusterName("dev").capacityProviders("web"));

        Cluster removed = ecs.putClusterCapacityProviders(r -> r.cluster("dev").capacityProviders("FARGATE")
                .defaultCapacityProviderStrategy(List.of())).cluster();

        assertThat(removed.attachments()).extracting(Attachment::status).containsExactly("DELETING");
        Cluster described = ecs.describeClusters(r -> r.clusters("dev").include(ClusterField.ATTACHMENTS)).clusters().get(0);
        assertThat(described.attachments()).isEmpty();
        assertThat(described.capacityProviders()).containsExactly("FARGATE");
    }

    @Test
    void putOfAnUnknownProviderIsRefused() {
        ecs.createCluster(r -> r.clusterName("dev"));

        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.putClusterCapacityProviders(r -> r.cluster("dev").capacityProviders("web")
                        .defaultCapacityProviderStrategy(List.of())));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(NOT_FOUND);
        assertThat(describeCluster("dev").capacityProviders()).isEmpty();
    }

    @Test
    void putOfADeletedProviderIsRefused() {
        create("web");
        ecs.deleteCapacityProvider(r -> r.capacityProvider("web"));
        ecs.createCluster(r -> r.clusterName("dev"));

        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.putClusterCapacityProviders(r -> r.cluster("dev").capacityProviders("web")
                        .defaultCapacityProviderStrategy(List.of())));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified capacity provider 'web' is not in an "
                + "ACTIVE state. Specify a valid capacity provider and try again.");
    }

    @Test
    void aProviderServesOneClusterAtATime() {
        create("web");
        ecs.createCluster(r -> r.clusterName("dev").capacityProviders("web"));
        ecs.createCluster(r -> r.clusterName("prod"));

        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.putClusterCapacityProviders(r -> r.cluster("prod").capacityProviders("web")
                        .defaultCapacityProviderStrategy(List.of())));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified capacity provider 'web' is already "
                + "associated with another cluster. Specify a valid capacity provider and try again.");
        ecs.putClusterCapacityProviders(r -> r.cluster("dev").capacityProviders(List.of()).defaultCapacityProviderStrategy(List.of()));
        assertThat(ecs.putClusterCapacityProviders(r -> r.cluster("prod").capacityProviders("web")
                .defaultCapacityProviderStrategy(List.of())).cluster().capacityProviders()).containsExactly("web");
    }

    @Test
    void defaultStrategyNamesOnlyTheClustersProviders() {
        ecs.createCluster(r -> r.clusterName("dev"));

        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.putClusterCapacityProviders(r -> r.cluster("dev").capacityProviders("FARGATE")
                        .defaultCapacityProviderStrategy(strategy("FARGATE_SPOT", 1, null))));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(NOT_ASSOCIATED);
    }

    @Test
    void defaultStrategyDoesNotMixAutoScalingGroupAndFargateProviders() {
        create("web");
        ecs.createCluster(r -> r.clusterName("dev"));

        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.putClusterCapacityProviders(r -> r.cluster("dev").capacityProviders("web", "FARGATE")
                        .defaultCapacityProviderStrategy(strategy("web", 1, null), strategy("FARGATE", 1, null))));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("A capacity provider strategy cannot contain a mix of "
                + "capacity providers using Auto Scaling groups and Fargate providers. Specify one or the other and try again.");
    }

    @Test
    void onlyOneProviderOfAStrategyMayHaveABase() {
        ecs.createCluster(r -> r.clusterName("dev"));
        String rule = "Only one capacity provider in a capacity provider strategy can have a base defined.";

        InvalidParameterException onCluster = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.putClusterCapacityProviders(r -> r.cluster("dev").capacityProviders("FARGATE", "FARGATE_SPOT")
                        .defaultCapacityProviderStrategy(strategy("FARGATE", 1, 1), strategy("FARGATE_SPOT", 1, 1))));
        ecs.putClusterCapacityProviders(r -> r.cluster("dev").capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategy(strategy("FARGATE", 1, 1), strategy("FARGATE_SPOT", 1, 0)));
        ecs.registerTaskDefinition(r -> r.family("job").networkMode("awsvpc").requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256").memory("512").containerDefinitions(c -> c.name("job").image("job")));
        InvalidParameterException onTask = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.runTask(r -> r.cluster("dev").taskDefinition("job")
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-1")))
                        .capacityProviderStrategy(strategy("FARGATE", 1, 2), strategy("FARGATE_SPOT", 3, 1))));

        assertThat(onCluster.awsErrorDetails().errorMessage()).isEqualTo(rule);
        assertThat(onTask.awsErrorDetails().errorMessage()).isEqualTo(rule);
        assertThat(ecs.describeClusters(r -> r.clusters("dev")).clusters().get(0).defaultCapacityProviderStrategy())
                .extracting(CapacityProviderStrategyItem::base).containsExactly(1, 0);
    }

    @Test
    void aProviderNamedTwiceIsRefusedAndNothingIsStored() {
        ecs.createCluster(r -> r.clusterName("dev"));

        InvalidParameterException twiceListed = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.putClusterCapacityProviders(r -> r.cluster("dev").capacityProviders("FARGATE", "FARGATE")
                        .defaultCapacityProviderStrategy(strategy("FARGATE", 1, null))));
        InvalidParameterException twiceWeighted = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.putClusterCapacityProviders(r -> r.cluster("dev").capacityProviders("FARGATE")
                        .defaultCapacityProviderStrategy(strategy("FARGATE", 1, null), strategy("FARGATE", 2, null))));

        assertThat(twiceListed.awsErrorDetails().errorMessage())
                .isEqualTo("The capacityProviders list cannot contain duplicate capacity providers.");
        assertThat(twiceWeighted.awsErrorDetails().errorMessage())
                .isEqualTo("A capacity provider strategy cannot contain the same capacity provider more than once.");
        Cluster cluster = ecs.describeClusters(r -> r.clusters("dev")).clusters().get(0);
        assertThat(cluster.capacityProviders()).isEmpty();
        assertThat(cluster.defaultCapacityProviderStrategy()).isEmpty();
    }

    @Test
    void moreThanTwentyProvidersPerClusterAreRefused() {
        List<String> names = IntStream.range(0, 21).mapToObj(i -> "provider-" + i).toList();
        names.forEach(this::create);
        ecs.createCluster(r -> r.clusterName("dev"));

        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.putClusterCapacityProviders(r -> r.cluster("dev").capacityProviders(names)
                        .defaultCapacityProviderStrategy(List.of())));

        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("The maximum number of capacity providers per cluster has been exceeded.");
        assertThat(ecs.putClusterCapacityProviders(r -> r.cluster("dev").capacityProviders(names.subList(0, 20))
                .defaultCapacityProviderStrategy(List.of())).cluster().capacityProviders()).hasSize(20);
    }

    @Test
    void putOnAMissingClusterIsClusterNotFoundAndOnADeletedOneNotActive() {
        ClusterNotFoundException missing = catchThrowableOfType(ClusterNotFoundException.class,
                () -> ecs.putClusterCapacityProviders(r -> r.cluster("dev").capacityProviders("FARGATE")
                        .defaultCapacityProviderStrategy(List.of())));
        assertThat(missing.awsErrorDetails().errorMessage()).isEqualTo("Cluster not found.");

        ecs.createCluster(r -> r.clusterName("dev"));
        ecs.deleteCluster(r -> r.cluster("dev"));

        ClientException inactive = catchThrowableOfType(ClientException.class,
                () -> ecs.putClusterCapacityProviders(r -> r.cluster("dev").capacityProviders("FARGATE")
                        .defaultCapacityProviderStrategy(List.of())));
        assertThat(inactive.awsErrorDetails().errorMessage()).isEqualTo("Cluster was not ACTIVE.");
    }

    @Test
    void aProviderATaskRunsOnCannotBeRemovedUntilTheTaskStops() {
        registerFargate("web");
        ecs.createCluster(r -> r.clusterName("dev").capacityProviders("FARGATE", "FARGATE_SPOT"));
        Task task = ecs.runTask(r -> r.cluster("dev").taskDefinition("web").networkConfiguration(network())
                .capacityProviderStrategy(strategy("FARGATE_SPOT", 1, null))).tasks().get(0);

        ResourceInUseException e = catchThrowableOfType(ResourceInUseException.class,
                () -> ecs.putClusterCapacityProviders(r -> r.cluster("dev").capacityProviders("FARGATE")
                        .defaultCapacityProviderStrategy(List.of())));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(IN_USE);
        assertThat(describeCluster("dev").capacityProviders()).containsExactly("FARGATE", "FARGATE_SPOT");
        ecs.stopTask(r -> r.cluster("dev").task(task.taskArn()));
        assertThat(ecs.putClusterCapacityProviders(r -> r.cluster("dev").capacityProviders("FARGATE")
                .defaultCapacityProviderStrategy(List.of())).cluster().capacityProviders()).containsExactly("FARGATE");
    }

    @Test
    void aProviderInAServicesStrategyCannotBeRemoved() {
        create("web");
        ecs.createCluster(r -> r.clusterName("dev").capacityProviders("web")
                .defaultCapacityProviderStrategy(strategy("web", 1, null)));
        ecs.registerTaskDefinition(r -> r.family("worker")
                .containerDefinitions(c -> c.name("app").image("nginx:latest").memory(128)));
        ecs.createService(r -> r.cluster("dev").serviceName("worker").taskDefinition("worker").desiredCount(0));

        ResourceInUseException e = catchThrowableOfType(ResourceInUseException.class,
                () -> ecs.putClusterCapacityProviders(r -> r.cluster("dev").capacityProviders(List.of())
                        .defaultCapacityProviderStrategy(List.of())));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(IN_USE);
        assertThat(ecs.deleteCapacityProvider(r -> r.capacityProvider("web")).capacityProvider().updateStatusAsString())
                .isEqualTo("DELETE_FAILED");
    }

    @Test
    void aProviderNoTaskOrServiceUsesCanBeRemoved() {
        create("web");
        ecs.createCluster(r -> r.clusterName("dev").capacityProviders("web", "FARGATE")
                .defaultCapacityProviderStrategy(strategy("FARGATE", 1, null)));
        registerFargate("web");
        ecs.runTask(r -> r.cluster("dev").taskDefinition("web").networkConfiguration(network()));

        Cluster cluster = ecs.putClusterCapacityProviders(r -> r.cluster("dev").capacityProviders("FARGATE")
                .defaultCapacityProviderStrategy(strategy("FARGATE", 1, null))).cluster();

        assertThat(cluster.capacityProviders()).containsExactly("FARGATE");
    }

    // ---------------------------------------------------------------- the default strategy

    @Test
    void runTaskWithoutLaunchTypeOrStrategyUsesTheClustersDefault() {
        registerFargate("web");
        ecs.createCluster(r -> r.clusterName("dev"));
        ecs.putClusterCapacityProviders(r -> r.cluster("dev").capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategy(strategy("FARGATE_SPOT", 1, null)));

        Task task = ecs.runTask(r -> r.cluster("dev").taskDefinition("web").networkConfiguration(network())).tasks().get(0);

        assertThat(task.capacityProviderName()).isEqualTo("FARGATE_SPOT");
        assertThat(task.launchTypeAsString()).isEqualTo("FARGATE");
    }

    @Test
    void aLaunchTypeOrAStrategyOfTheRequestWinsOverTheDefault() {
        registerFargate("web");
        ecs.createCluster(r -> r.clusterName("dev").capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategy(strategy("FARGATE_SPOT", 1, null)));

        Task byLaunchType = ecs.runTask(r -> r.cluster("dev").taskDefinition("web").networkConfiguration(network())
                .launchType(LaunchType.FARGATE)).tasks().get(0);
        Task byStrategy = ecs.runTask(r -> r.cluster("dev").taskDefinition("web").networkConfiguration(network())
                .capacityProviderStrategy(strategy("FARGATE", 1, null))).tasks().get(0);

        assertThat(byLaunchType.capacityProviderName()).isNull();
        assertThat(byStrategy.capacityProviderName()).isEqualTo("FARGATE");
    }

    @Test
    void createServiceWithoutLaunchTypeOrStrategyTakesTheClustersDefault() {
        registerFargate("web");
        ecs.createCluster(r -> r.clusterName("dev").capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategy(strategy("FARGATE", 1, 1), strategy("FARGATE_SPOT", 3, null)));

        Service service = ecs.createService(r -> r.cluster("dev").serviceName("web").taskDefinition("web")
                .desiredCount(2).networkConfiguration(network())).service();

        assertThat(service.launchType()).isNull();
        assertThat(service.capacityProviderStrategy())
                .containsExactly(strategy("FARGATE", 1, 1), strategy("FARGATE_SPOT", 3, 0));
        assertThat(ecs.listTasks(r -> r.cluster("dev")).taskArns()).hasSize(2);
    }

    @Test
    void aServiceOfAnAutoScalingGroupDefaultRunsOnEc2() {
        create("web");
        ecs.createCluster(r -> r.clusterName("dev").capacityProviders("web")
                .defaultCapacityProviderStrategy(strategy("web", 1, null)));
        ecs.registerTaskDefinition(r -> r.family("worker")
                .containerDefinitions(c -> c.name("app").image("nginx:latest").memory(128)));

        Service service = ecs.createService(r -> r.cluster("dev").serviceName("worker").taskDefinition("worker")
                .desiredCount(0)).service();

        assertThat(service.capacityProviderStrategy()).containsExactly(strategy("web", 1, 0));
        assertThat(service.deployments().get(0).capacityProviderStrategy()).containsExactly(strategy("web", 1, 0));
    }

    @Test
    void aDefaultWithoutWeightIsRefusedWhenUsed() {
        registerFargate("web");
        ecs.createCluster(r -> r.clusterName("dev").capacityProviders("FARGATE")
                .defaultCapacityProviderStrategy(strategy("FARGATE", 0, 1)));

        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.runTask(r -> r.cluster("dev").taskDefinition("web").networkConfiguration(network())));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("There are no capacity providers with a weight value "
                + "greater than zero defined in the default capacity provider strategy. At least one capacity provider "
                + "must have a weight value greater than zero specified. Update the cluster's default capacity provider "
                + "strategy or specify a valid capacity provider strategy and try again.");
    }

    @Test
    void withoutADefaultTheTaskRunsOnEc2() {
        ecs.createCluster(r -> r.clusterName("dev").capacityProviders("FARGATE"));
        registerFargate("web");

        // Associated providers alone are no default: the task goes to EC2, where this cluster has no instances.
        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.runTask(r -> r.cluster("dev").taskDefinition("web").networkConfiguration(network())));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("No Container Instances were found in your cluster.");
    }

    // ---------------------------------------------------------------- tags

    @Test
    void providersAreTaggedByArn() {
        create("web");

        ecs.tagResource(r -> r.resourceArn(ARN_PREFIX + "web").tags(tag("team", "payments"), tag("env", "prod")));
        ecs.untagResource(r -> r.resourceArn(ARN_PREFIX + "web").tagKeys("env"));

        assertThat(ecs.listTagsForResource(r -> r.resourceArn(ARN_PREFIX + "web")).tags())
                .containsExactly(tag("team", "payments"));
        assertThat(ecs.describeCapacityProviders(r -> r.include(CapacityProviderField.TAGS)).capacityProviders().get(0).tags())
                .containsExactly(tag("team", "payments"));
    }

    @Test
    void unknownDeletedAndBuiltInProvidersCannotBeTagged() {
        create("web");
        ecs.deleteCapacityProvider(r -> r.capacityProvider("web"));

        for (String name : List.of("nope", "web", "FARGATE")) {
            ResourceNotFoundException tag = catchThrowableOfType(ResourceNotFoundException.class,
                    () -> ecs.tagResource(r -> r.resourceArn(ARN_PREFIX + name).tags(tag("team", "payments"))));
            assertThat(tag.awsErrorDetails().errorMessage()).as(name).isEqualTo("The specified resource could not be found.");
            InvalidParameterException list = catchThrowableOfType(InvalidParameterException.class,
                    () -> ecs.listTagsForResource(r -> r.resourceArn(ARN_PREFIX + name)));
            assertThat(list.awsErrorDetails().errorMessage()).as(name).isEqualTo("The specified resource could not be found.");
        }
    }

    // ---------------------------------------------------------------- helpers

    private CapacityProvider create(String name) {
        return ecs.createCapacityProvider(r -> r.name(name)
                .autoScalingGroupProvider(a -> a.autoScalingGroupArn(name + "-asg"))).capacityProvider();
    }

    private CapacityProvider describe(String name) {
        List<CapacityProvider> providers = ecs.describeCapacityProviders(r -> r.capacityProviders(name)).capacityProviders();
        assertThat(providers).hasSize(1);
        return providers.get(0);
    }

    /** Every provider, all pages. */
    private List<CapacityProvider> describeAll() {
        List<CapacityProvider> providers = new ArrayList<>();
        String token = null;
        do {
            String current = token;
            DescribeCapacityProvidersResponse page = ecs.describeCapacityProviders(r -> r.nextToken(current));
            providers.addAll(page.capacityProviders());
            token = page.nextToken();
        } while (token != null);
        return providers;
    }

    private Cluster describeCluster(String name) {
        return ecs.describeClusters(r -> r.clusters(name)).clusters().get(0);
    }

    private void registerFargate(String family) {
        ecs.registerTaskDefinition(r -> r.family(family).requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx:latest")));
    }

    private static NetworkConfiguration network() {
        return NetworkConfiguration.builder().awsvpcConfiguration(a -> a.subnets("subnet-12345678")).build();
    }

    private static CapacityProviderStrategyItem strategy(String provider, Integer weight, Integer base) {
        return CapacityProviderStrategyItem.builder().capacityProvider(provider).weight(weight).base(base).build();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
