package io.github.ecsmock.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import software.amazon.awssdk.services.ecs.EcsAsyncClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * By default the injected clients reach the mock in memory, and its HTTP server starts only when
 * something asks where it is, or at once on a fixed port; then it serves the same state.
 */
class InMemoryTransportExtensionTest {

    @Nested
    @EcsMockTest
    class ByDefault {
        @Test
        void theInjectedClientsNeedNoServerUntilTheEndpointIsAskedFor(EcsClient ecs, EcsAsyncClient async, EcsMock mock)
                throws Exception {
            ecs.createCluster(r -> r.clusterName("memory"));
            assertThat(async.describeClusters(r -> r.clusters("memory")).join().clusters()).hasSize(1);
            assertThat(mock.isRunning()).isFalse();
            assertThat(ecs.serviceClientConfiguration().endpointOverride()).as("an address that answers nothing")
                    .contains(URI.create("http://ecs-mock.invalid"));

            assertThat(listClustersOverHttp(mock.endpoint())).contains("cluster/memory");
            assertThat(mock.isRunning()).isTrue();

            mock.stop();
            assertThat(ecs.listClusters().clusterArns()).hasSize(1);
            assertThat(mock.journal().of("ListClusters")).hasSize(2);
        }
    }

    @Nested
    @EcsMockTest(transport = Transport.HTTP)
    class OverHttp {
        @Test
        void theInjectedClientsStartTheServer(EcsClient ecs, EcsMock mock) {
            ecs.createCluster(r -> r.clusterName("http"));

            assertThat(mock.isRunning()).isTrue();
            assertThat(ecs.serviceClientConfiguration().endpointOverride()).contains(mock.endpoint());
        }
    }

    @Test
    void aFixedPortIsServedBeforeAnyoneAsks() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(OnAFixedPort.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    static class OnAFixedPort {
        static final int PORT = freePort();

        @RegisterExtension
        static final EcsMockExtension ECS = EcsMockExtension.builder().port(PORT).build();

        @Test
        void answersOnItsPort(EcsClient ecs) throws Exception {
            ecs.createCluster(r -> r.clusterName("fixed"));

            assertThat(listClustersOverHttp(URI.create("http://127.0.0.1:" + PORT))).contains("cluster/fixed");
        }
    }

    private static String listClustersOverHttp(URI endpoint) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint + "/"))
                .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
