package io.github.ecsmock.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ecsmock.EcsMock;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ecs.EcsAsyncClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;

@ExtendWith(EcsMockExtension.class)
class ParameterInjectionTest {
    private static EcsMock mockOfBeforeAll;
    private final EcsClient constructorClient;

    ParameterInjectionTest(EcsClient client) {
        this.constructorClient = client;
    }

    @BeforeAll
    static void lifecycleMethodsGetTheMockToo(EcsMock mock) {
        mockOfBeforeAll = mock;
    }

    @Test
    void injectsClientsHandleAndEndpointOfOneRunningMock(EcsClient ecs, EcsAsyncClient async, EcsMock mock, URI endpoint) {
        assertThat(mock).isSameAs(mockOfBeforeAll);
        assertThat(mock.isRunning()).isTrue();
        assertThat(endpoint).isEqualTo(mock.endpoint());
        assertThat(endpoint.getScheme()).isEqualTo("http");
        assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
        assertThat(endpoint.getPort()).isPositive();

        Cluster created = ecs.createCluster(r -> r.clusterName("injected")).cluster();

        assertThat(async.describeClusters(r -> r.clusters("injected")).join().clusters())
                .extracting(Cluster::clusterArn).containsExactly(created.clusterArn());
        assertThat(constructorClient.listClusters().clusterArns()).containsExactly(created.clusterArn());
        assertThat(mock.view().cluster("injected")).isPresent();
    }

    @Test
    void theClientsAreConfiguredForTheMocksRegionAndAccount(EcsClient ecs, EcsAsyncClient async) {
        assertThat(ecs.serviceClientConfiguration().region().id()).isEqualTo("us-east-1");
        assertThat(async.serviceClientConfiguration().region().id()).isEqualTo("us-east-1");
        assertThat(ecs.createCluster(r -> r.clusterName("arn-check")).cluster().clusterArn())
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/arn-check");
    }

    @Test
    void theClassSharesOneClientOfEachKind(EcsClient first, EcsClient second, EcsAsyncClient async1, EcsAsyncClient async2) {
        assertThat(first).isSameAs(second).isSameAs(constructorClient);
        assertThat(async1).isSameAs(async2);
    }
}
