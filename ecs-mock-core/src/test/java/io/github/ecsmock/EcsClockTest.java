package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code mock.clock()}: stands still until a test advances it, only forward, and never so far that it breaks. */
class EcsClockTest extends EcsApiTest {

    @Test
    void aManualClockStandsStillUntilAdvancedToTheMillisecond() {
        Instant start = mock.clock().now();
        ecs.createCluster(r -> r.clusterName("dev"));

        assertThat(mock.clock().now()).isEqualTo(start);
        assertThat(mock.clock().advance(Duration.ofNanos(1_500_000))).isEqualTo(start.plusMillis(1));
        ecs.describeClusters(r -> r.clusters("dev"));
        assertThat(mock.journal().last("DescribeClusters").orElseThrow().at()).isEqualTo(start.plusMillis(1));
    }

    /** Tests that share a mock do not see the time earlier tests advanced it to, whatever their order. */
    @Test
    void aResetTakesBackWhatTheClockWasAdvanced() {
        Instant start = mock.clock().now();
        mock.clock().advance(Duration.ofHours(2));
        ecs.createCluster(r -> r.clusterName("dev"));

        mock.reset();

        assertThat(mock.clock().now()).isEqualTo(start);
        ecs.createCluster(r -> r.clusterName("dev"));
        assertThat(mock.journal().last("CreateCluster").orElseThrow().at()).isEqualTo(start);
    }

    @Test
    void theClockOnlyMovesForward() {
        Instant start = mock.clock().now();

        assertThatThrownBy(() -> mock.clock().advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The mock's clock only moves forward: PT-1S");
        assertThat(mock.clock().now()).isEqualTo(start);
    }

    @Test
    void anAdvanceTooFarToRepresentIsRefusedAndTheMockKeepsAnswering() {
        Instant start = mock.clock().now();

        assertThatThrownBy(() -> mock.clock().advance(Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The mock's clock cannot advance that far");

        assertThat(mock.clock().now()).isEqualTo(start);
        assertThat(ecs.createCluster(r -> r.clusterName("dev")).cluster().status()).isEqualTo("ACTIVE");
    }

    /**
     * On a clock that follows the wall clock, an operation is one instant: a deployment is never shown
     * updated before it was created, however the milliseconds turn while the mock works. Many updates,
     * so that some of them straddle a millisecond.
     */
    @Test
    void onTheWallClockAnOperationHappensAtOneInstant() {
        try (EcsMock wall = EcsMock.builder().clock(EcsClock.system()).lifecycle(Lifecycle.stepped()).build();
             software.amazon.awssdk.services.ecs.EcsClient client = wall.newClient(Transport.IN_MEMORY)) {
            client.createCluster(r -> r.clusterName("prod"));
            client.registerTaskDefinition(r -> r.family("web").networkMode("awsvpc").requiresCompatibilitiesWithStrings("FARGATE")
                    .cpu("256").memory("512").containerDefinitions(c -> c.name("app").image("nginx")));
            client.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(2)
                    .launchType("FARGATE").networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-1"))));

            for (int i = 0; i < 300; i++) {
                software.amazon.awssdk.services.ecs.model.Service service = client.updateService(r -> r.cluster("prod")
                        .service("web").forceNewDeployment(true)).service();
                assertThat(service.deployments()).allSatisfy(d -> assertThat(d.updatedAt()).isAfterOrEqualTo(d.createdAt()));
                assertThat(service.deployments().get(0).updatedAt()).isEqualTo(service.deployments().get(0).createdAt());
            }
        }
    }
}
