package io.github.ecsmock.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.ecsmock.EcsMock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import software.amazon.awssdk.services.ecs.EcsAsyncClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/** JUnit owns the teardown: when a class is done, even with failed tests, its mock stops and its clients close. */
class TeardownTest {
    static EcsMock seenMock;
    static EcsClient seenClient;
    static EcsAsyncClient seenAsyncClient;

    @Test
    void aClassWithAFailingTestStillStopsItsMockAndClosesItsClients() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FailingClass.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(2).failed(1).succeeded(1));

        assertThat(seenMock).isNotNull();
        assertThat(seenMock.isRunning()).isFalse();
        assertThatThrownBy(() -> seenClient.listClusters()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> seenAsyncClient.listClusters().join())
                .hasRootCauseInstanceOf(java.util.concurrent.RejectedExecutionException.class)
                .hasMessageContaining("event executor terminated");
    }

    @ExtendWith(EcsMockExtension.class)
    static class FailingClass {
        @Test
        void fails(EcsClient ecs, EcsAsyncClient async, EcsMock mock) {
            seenMock = mock;
            seenClient = ecs;
            seenAsyncClient = async;
            throw new AssertionError("this test fails on purpose");
        }

        @Nested
        class StillRuns {
            @Test
            void passes(EcsMock mock) {
                assertThat(mock).isSameAs(seenMock);
                assertThat(mock.isRunning()).isTrue();
            }
        }
    }
}
