package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.UpdateInProgressException;

/**
 * Under the stepped lifecycle what a capacity provider call starts takes one step of mock time:
 * updates, deletions and the cluster attachments of Auto Scaling group providers, and what ECS refuses
 * while they are under way.
 */
class CapacityProvidersSteppedTest extends EcsApiTest {
    private static final Duration STEP = Duration.ofSeconds(5);

    @Override
    protected EcsMock.Builder configure(EcsMock.Builder builder) {
        return builder.lifecycle(Lifecycle.stepped(STEP));
    }

    @BeforeEach
    void provider() {
        ecs.createCapacityProvider(r -> r.name("web").autoScalingGroupProvider(a -> a.autoScalingGroupArn("web-asg")
                .managedScaling(m -> m.status("ENABLED"))));
    }

    @Test
    void anUpdateIsInProgressForOneStep() {
        ecs.updateCapacityProvider(r -> r.name("web").autoScalingGroupProvider(a -> a.managedDraining("DISABLED")));

        assertThat(describe().updateStatusAsString()).isEqualTo("UPDATE_IN_PROGRESS");
        mock.clock().advance(STEP);
        assertThat(describe().updateStatusAsString()).isEqualTo("UPDATE_COMPLETE");
    }

    @Test
    void aDeletionTakesOneStepAndTheProviderCannotBeUpdatedMeanwhile() {
        ecs.deleteCapacityProvider(r -> r.capacityProvider("web"));

        assertThat(describe().statusAsString()).isEqualTo("ACTIVE");
        assertThat(describe().updateStatusAsString()).isEqualTo("DELETE_IN_PROGRESS");
        ClientException e = catchThrowableOfType(ClientException.class, () -> ecs.updateCapacityProvider(r -> r.name("web")
                .autoScalingGroupProvider(a -> a.managedDraining("DISABLED"))));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified capacity provider is being deleted and can't be updated.");
        assertThat(ecs.deleteCapacityProvider(r -> r.capacityProvider("web")).capacityProvider().updateStatusAsString())
                .isEqualTo("DELETE_IN_PROGRESS");

        mock.clock().advance(STEP);

        assertThat(describe().statusAsString()).isEqualTo("INACTIVE");
        assertThat(describe().updateStatusAsString()).isEqualTo("DELETE_COMPLETE");
    }

    @Test
    void theClustersProvidersCannotChangeWhileItsAttachmentsDo() {
        ecs.createCluster(r -> r.clusterName("dev"));
        ecs.putClusterCapacityProviders(r -> r.cluster("dev").capacityProviders("web").defaultCapacityProviderStrategy(List.of()));

        UpdateInProgressException e = catchThrowableOfType(UpdateInProgressException.class,
                () -> ecs.putClusterCapacityProviders(r -> r.cluster("dev").capacityProviders(List.of())
                        .defaultCapacityProviderStrategy(List.of())));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The cluster's capacity providers are being updated. "
                + "Wait for the update to complete and try again.");
        mock.clock().advance(STEP);
        Cluster cluster = ecs.describeClusters(r -> r.clusters("dev").include(ClusterField.ATTACHMENTS)).clusters().get(0);
        assertThat(cluster.attachmentsStatus()).isEqualTo("UPDATE_COMPLETE");
        assertThat(ecs.putClusterCapacityProviders(r -> r.cluster("dev").capacityProviders(List.of())
                .defaultCapacityProviderStrategy(List.of())).cluster().attachmentsStatus()).isEqualTo("UPDATE_IN_PROGRESS");
    }

    @Test
    void aClusterCannotBeDeletedWhileTheAttachmentsOfRemovedProvidersAreBeingDeleted() {
        ecs.createCluster(r -> r.clusterName("dev").capacityProviders("web"));
        mock.clock().advance(STEP);
        ecs.putClusterCapacityProviders(r -> r.cluster("dev").capacityProviders(List.of()).defaultCapacityProviderStrategy(List.of()));

        ClientException e = catchThrowableOfType(ClientException.class, () -> ecs.deleteCluster(r -> r.cluster("dev")));

        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("The Cluster cannot be deleted while Cluster Scoped Capacity Providers are attached to the cluster");
        mock.clock().advance(STEP);
        assertThat(ecs.deleteCluster(r -> r.cluster("dev")).cluster().status()).isEqualTo("INACTIVE");
    }

    @Test
    void aProvisioningClusterIsListedAndTakesServicesUntilItTurnsActive() {
        Cluster created = ecs.createCluster(r -> r.clusterName("dev").capacityProviders("web")
                .defaultCapacityProviderStrategy(s -> s.capacityProvider("web").weight(1))).cluster();
        ecs.registerTaskDefinition(r -> r.family("worker")
                .containerDefinitions(c -> c.name("app").image("nginx:latest").memory(128)));

        assertThat(ecs.describeClusters(r -> r.clusters("dev")).clusters().get(0).status()).isEqualTo("PROVISIONING");
        assertThat(ecs.listClusters(r -> { }).clusterArns()).containsExactly(created.clusterArn());
        assertThat(ecs.createService(r -> r.cluster("dev").serviceName("worker").taskDefinition("worker").desiredCount(0))
                .service().status()).isEqualTo("ACTIVE");

        mock.clock().advance(STEP);

        assertThat(ecs.describeClusters(r -> r.clusters("dev")).clusters().get(0).status()).isEqualTo("ACTIVE");
        assertThat(mock.invariantViolations()).isEmpty();
    }

    private CapacityProvider describe() {
        return ecs.describeCapacityProviders(r -> r.capacityProviders("web")).capacityProviders().get(0);
    }
}
