package io.github.ecsmock.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.Transport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsAsyncClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/** With the in-memory transport the injected clients reach the mock without a socket; HTTP still serves others. */
@EcsMockTest(transport = Transport.IN_MEMORY)
class InMemoryTransportExtensionTest {

    @Test
    void theInjectedClientsNeedNoSocketWhileHttpStillAnswersOthers(EcsClient ecs, EcsAsyncClient async, EcsMock mock, URI endpoint)
            throws Exception {
        ecs.createCluster(r -> r.clusterName("memory"));

        HttpResponse<String> overHttp = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint + "/"))
                .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(overHttp.body()).contains("cluster/memory");

        mock.stop();
        try {
            assertThat(ecs.listClusters().clusterArns()).hasSize(1);
            assertThat(async.describeClusters(r -> r.clusters("memory")).join().clusters()).hasSize(1);
        } finally {
            mock.start();
        }
        assertThat(mock.journal().of("ListClusters")).hasSize(2);
    }
}
