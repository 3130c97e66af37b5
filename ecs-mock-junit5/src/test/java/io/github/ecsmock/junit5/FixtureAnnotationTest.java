package io.github.ecsmock.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ecsmock.EcsMock;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;

/** A fixture named on the annotation is the state every test starts from, and the journal starts empty. */
@EcsMockTest(fixture = "fixtures/platform.json")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FixtureAnnotationTest {

    @Test
    @Order(1)
    void theFixtureIsThereAtTheStart(EcsClient ecs, EcsMock mock) {
        Service api = ecs.describeServices(r -> r.cluster("platform").services("api")).services().get(0);

        assertThat(api.runningCount()).isEqualTo(2);
        assertThat(api.taskDefinition()).endsWith("task-definition/api:1");
        assertThat(mock.view().cluster("platform").orElseThrow().tags()).extracting(t -> t.value()).containsExactly("platform");
        assertThat(mock.journal().of("CreateService")).isEmpty();
    }

    @Test
    @Order(2)
    void aTestMayChangeIt(EcsClient ecs) {
        ecs.updateService(r -> r.cluster("platform").service("api").desiredCount(5));
        ecs.createCluster(r -> r.clusterName("scratch"));

        assertThat(ecs.listClusters().clusterArns()).hasSize(2);
    }

    @Test
    @Order(3)
    void theNextTestStartsFromTheFixtureAgain(EcsClient ecs) {
        assertThat(ecs.listClusters().clusterArns()).containsExactly("arn:aws:ecs:us-east-1:123456789012:cluster/platform");
        assertThat(ecs.describeServices(r -> r.cluster("platform").services("api")).services().get(0).desiredCount()).isEqualTo(2);
    }
}
