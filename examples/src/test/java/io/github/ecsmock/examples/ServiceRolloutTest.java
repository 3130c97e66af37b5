package io.github.ecsmock.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.junit5.EcsMockTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/** A deployer's test: the SDK's ServicesStable waiter returns on its first poll under the immediate lifecycle. */
@EcsMockTest
class ServiceRolloutTest {

    @BeforeEach
    void runningService(EcsClient ecs) {
        ecs.createCluster(r -> r.clusterName("prod"));
        new ImageRelease(ecs).bootstrap(ImageReleaseTest.webTemplate());
        ecs.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(3)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0a1b2c3d4e5f60718"))));
    }

    @Test
    void rollsTheNewImageOutAndReturnsTheStableService(EcsClient ecs, EcsMock mock) {
        Service stable = new ServiceRollout(ecs).rollOut("prod", "web", "app", "registry.example.com/web:2.0");

        assertThat(stable.taskDefinition()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/web:2");
        assertThat(stable.deployments()).singleElement().satisfies(d -> {
            assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
            assertThat(d.runningCount()).isEqualTo(3);
        });
        String deploymentId = stable.deployments().get(0).id();
        assertThat(mock.view().tasks("prod"))
                .filteredOn(t -> t.desiredStatus().equals("RUNNING"))
                .hasSize(3)
                .allSatisfy(t -> {
                    assertThat(t.startedBy()).isEqualTo(deploymentId);
                    assertThat(t.containers()).extracting(c -> c.image())
                            .contains("registry.example.com/web:2.0");
                });
        assertThat(mock.view().tasks("prod")).filteredOn(t -> t.desiredStatus().equals("STOPPED"))
                .hasSize(3)
                .allSatisfy(t -> assertThat(t.stoppedReason()).startsWith("Scaling activity initiated by (deployment"));
    }

    @Test
    void anUnknownServiceIsReportedBeforeAnythingChanges(EcsClient ecs, EcsMock mock) {
        assertThatThrownBy(() -> new ServiceRollout(ecs).rollOut("prod", "api", "app", "img:2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No service api in cluster prod");
        assertThat(mock.view().taskDefinitions()).hasSize(1);
        assertThat(mock.view().service("prod", "web").orElseThrow().deployments()).extracting(Deployment::taskDefinition)
                .containsExactly("arn:aws:ecs:us-east-1:123456789012:task-definition/web:1");
        assertThat(mock.view().tasks("prod")).extracting(Task::lastStatus).containsOnly("RUNNING");
    }
}
