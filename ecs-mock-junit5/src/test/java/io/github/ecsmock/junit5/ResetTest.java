package io.github.ecsmock.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ecsmock.EcsMock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ecs.EcsClient;

/** The state is forgotten before each test by default, and the clock goes back to where it started. */
@ExtendWith(EcsMockExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResetTest {
    private static Instant startedAt;

    @Test
    @Order(1)
    void firstTestLeavesStateBehind(EcsClient ecs, EcsMock mock) {
        ecs.createCluster(r -> r.clusterName("left-behind"));
        ecs.registerTaskDefinition(r -> r.family("left").containerDefinitions(c -> c.name("a").image("a").memory(64)));
        startedAt = mock.clock().now();
        assertThat(mock.clock().advance(Duration.ofMinutes(5))).isAfter(startedAt);

        assertThat(ecs.listClusters().clusterArns()).hasSize(1);
    }

    @Test
    @Order(2)
    void nextTestStartsEmpty(EcsClient ecs, EcsMock mock) {
        assertThat(ecs.listClusters().clusterArns()).isEmpty();
        assertThat(ecs.listTaskDefinitionFamilies().families()).isEmpty();
        assertThat(mock.view().clusters()).isEmpty();
        assertThat(mock.clock().now()).isEqualTo(startedAt);
    }

    @Test
    @Order(3)
    void revisionsStartAgainAtOne(EcsClient ecs) {
        assertThat(ecs.registerTaskDefinition(r -> r.family("left").containerDefinitions(c -> c.name("a").image("a").memory(64)))
                .taskDefinition().revision()).isEqualTo(1);
    }
}
