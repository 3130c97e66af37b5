package io.github.ecsmock.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.Transport;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import software.amazon.awssdk.services.ecs.EcsAsyncClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * JUnit owns the teardown: when a class is done, even with failed tests, its mock stops and its clients
 * close, the in-memory ones of the default and the HTTP ones alike.
 */
class TeardownTest {
    static EcsMock seenMock;
    static URI seenEndpoint;
    static EcsClient seenClient;
    static EcsAsyncClient seenAsyncClient;

    @Test
    void aClassWithAFailingTestStillStopsItsMockAndClosesItsInMemoryClients() {
        runExpectingOneFailure(FailingClass.class);

        assertThat(seenMock.isRunning()).as("the server the endpoint parameter started").isFalse();
        assertThatThrownBy(() -> seenClient.listClusters())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("This in-memory ecs-mock HTTP client is closed: ");
        assertThatThrownBy(() -> seenAsyncClient.listClusters().join())
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .rootCause().hasMessageStartingWith("This in-memory ecs-mock HTTP client is closed: ");
    }

    @Test
    void aClassWithAFailingTestStillStopsItsMockAndClosesItsHttpClients() {
        runExpectingOneFailure(FailingHttpClass.class);

        assertThat(seenMock.isRunning()).isFalse();
        assertThatThrownBy(() -> seenClient.listClusters()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> seenAsyncClient.listClusters().join())
                .hasRootCauseInstanceOf(java.util.concurrent.RejectedExecutionException.class)
                .hasMessageContaining("event executor terminated");
    }

    /**
     * An injected client is the class's, so code under test that closes it breaks the tests after it;
     * the failure says so, and what to do instead.
     */
    @Test
    void aTestThatClosesItsInjectedClientLeavesTheNextTestAMessageThatSaysWhy() {
        List<Event> failed = EngineTestKit.engine("junit-jupiter").selectors(selectClass(ClosingClass.class)).execute()
                .testEvents().failed().list();

        assertThat(failed).singleElement()
                .extracting(event -> event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
                .satisfies(failure -> assertThat(failure)
                        .hasMessageContaining("its EcsClient was closed, by a test or the code under test")
                        .hasMessageContaining("mock.newClient(Transport.IN_MEMORY)"));
    }

    private static void runExpectingOneFailure(Class<?> testClass) {
        seenMock = null;
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(testClass))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(2).failed(1).succeeded(1));
        assertThat(seenMock).isNotNull();
    }

    static void failAfterSeeing(EcsClient ecs, EcsAsyncClient async, EcsMock mock, URI endpoint) {
        seenMock = mock;
        seenEndpoint = endpoint;
        seenClient = ecs;
        seenAsyncClient = async;
        ecs.listClusters();
        async.listClusters().join();
        throw new AssertionError("this test fails on purpose");
    }

    /** One failing test and one passing nested test; the subclasses choose the transport. */
    abstract static class FailingTests {
        @Test
        void fails(EcsClient ecs, EcsAsyncClient async, EcsMock mock, URI endpoint) {
            failAfterSeeing(ecs, async, mock, endpoint);
        }

        @Nested
        class StillRuns {
            @Test
            void passes(EcsMock mock) {
                assertThat(mock).isSameAs(seenMock);
                assertThat(mock.isRunning()).isTrue();
                assertThat(mock.endpoint()).isEqualTo(seenEndpoint);
            }
        }
    }

    @EcsMockTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ClosingClass {
        @Test
        @Order(1)
        void closes(EcsClient ecs) {
            try (EcsClient owned = ecs) {
                owned.listClusters();
            }
        }

        @Test
        @Order(2)
        void usesAfterwards(EcsClient ecs) {
            ecs.listClusters();
        }
    }

    @ExtendWith(EcsMockExtension.class)
    static class FailingClass extends FailingTests {
    }

    @EcsMockTest(transport = Transport.HTTP)
    static class FailingHttpClass extends FailingTests {
    }
}
