package io.github.ecsmock.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.ecsmock.EcsMock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * Test classes that run at the same time each get a mock of their own: two classes create a cluster
 * of the same name while both are inside a test (a barrier holds each until the other arrives), and
 * each sees only its own.
 */
class ParallelClassesTest {
    static final CyclicBarrier BOTH_INSIDE_A_TEST = new CyclicBarrier(2);
    static final Map<String, EcsMock> MOCKS = new ConcurrentHashMap<>();
    static final Map<String, Integer> PORTS = new ConcurrentHashMap<>();

    @Test
    void parallelClassesDoNotShareState() {
        MOCKS.clear();
        PORTS.clear();
        BOTH_INSIDE_A_TEST.reset();

        EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "same_thread")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
                .selectors(selectClass(TeamA.class), selectClass(TeamB.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));

        assertThat(MOCKS.get("A")).isNotNull().isNotSameAs(MOCKS.get("B"));
        assertThat(PORTS.get("A")).isNotNull().isNotEqualTo(PORTS.get("B"));
    }

    abstract static class Team {
        void createTheSameClusterAsTheOtherTeam(String team, EcsClient ecs, EcsMock mock) throws Exception {
            MOCKS.put(team, mock);
            PORTS.put(team, mock.port());
            ecs.createCluster(r -> r.clusterName("same-name").tags(Tag.builder().key("team").value(team).build()));

            BOTH_INSIDE_A_TEST.await(60, TimeUnit.SECONDS);

            assertThat(ecs.listClusters().clusterArns()).hasSize(1);
            assertThat(mock.view().cluster("same-name").orElseThrow().tags())
                    .containsExactly(Tag.builder().key("team").value(team).build());
        }
    }

    @ExtendWith(EcsMockExtension.class)
    static class TeamA extends Team {
        @Test
        void createsItsCluster(EcsClient ecs, EcsMock mock) throws Exception {
            createTheSameClusterAsTheOtherTeam("A", ecs, mock);
        }
    }

    @ExtendWith(EcsMockExtension.class)
    static class TeamB extends Team {
        @Test
        void createsItsCluster(EcsClient ecs, EcsMock mock) throws Exception {
            createTheSameClusterAsTheOtherTeam("B", ecs, mock);
        }
    }
}
