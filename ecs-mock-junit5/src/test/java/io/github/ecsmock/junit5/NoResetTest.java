package io.github.ecsmock.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;

/** With {@link ResetMode#NEVER} the tests of a class build on each other's state. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NoResetTest {
    @RegisterExtension
    static EcsMockExtension ecsMock = EcsMockExtension.builder().reset(ResetMode.NEVER).build();

    @Test
    @Order(1)
    void createsACluster(EcsClient ecs) {
        assertThat(ecs.createCluster(r -> r.clusterName("kept")).cluster())
                .returns("arn:aws:ecs:us-east-1:123456789012:cluster/kept", Cluster::clusterArn)
                .returns("ACTIVE", Cluster::status);
    }

    @Test
    @Order(2)
    void laterTestsStillSeeIt(EcsClient ecs) {
        assertThat(ecs.listClusters().clusterArns()).containsExactly("arn:aws:ecs:us-east-1:123456789012:cluster/kept");
        assertThat(ecsMock.mock().view().cluster("kept")).isPresent();
    }
}
