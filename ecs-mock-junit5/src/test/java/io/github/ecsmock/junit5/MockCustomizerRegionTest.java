package io.github.ecsmock.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ecsmock.EcsMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;

/** A region and account set on the mock's own builder through {@code .mock(...)} are the injected clients' too. */
class MockCustomizerRegionTest {
    @RegisterExtension
    static EcsMockExtension ecsMock = EcsMockExtension.builder()
            .mock(m -> m.region("eu-west-1").account("444455556666"))
            .build();

    @Test
    void theInjectedClientActsInTheMocksRegionAndAccount(EcsClient ecs, EcsMock mock) {
        String arn = ecs.createCluster(r -> r.clusterName("dev")).cluster().clusterArn();

        assertThat(arn).isEqualTo("arn:aws:ecs:eu-west-1:444455556666:cluster/dev");
        assertThat(mock.view().clusters()).extracting(Cluster::clusterArn).containsExactly(arn);
    }
}
