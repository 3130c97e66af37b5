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
}
