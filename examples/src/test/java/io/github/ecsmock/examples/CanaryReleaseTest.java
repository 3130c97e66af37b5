package io.github.ecsmock.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.junit5.EcsMockTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.StabilityStatus;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskSet;

/**
 * The canary deployer's tests: a service of ten tasks on web:1 under an EXTERNAL controller. The
 * deployer's pause between polls advances the mock's clock by 15 seconds, so nothing sleeps.
 */
@EcsMockTest
class CanaryReleaseTest {
    private static final String PREFIX = "arn:aws:ecs:us-east-1:123456789012:";
    private static final List<String> SUBNETS = List.of("subnet-0a1b2c3d4e5f60718");

    private String blueArn;

    @BeforeEach
    void serviceOnWeb1(EcsClient ecs) {
        ecs.createCluster(r -> r.clusterName("prod"));
        for (String image : List.of("registry.example.com/web:1.0", "registry.example.com/web:2.0")) {
            ecs.registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC)
                    .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("app").image(image)));
        }
        ecs.createService(r -> r.cluster("prod").serviceName("web").desiredCount(10)
                .deploymentController(c -> c.type(DeploymentControllerType.EXTERNAL)));
        blueArn = ecs.createTaskSet(r -> r.cluster("prod").service("web").taskDefinition("web:1").launchType("FARGATE")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(SUBNETS)))).taskSet().taskSetArn();
        ecs.updateServicePrimaryTaskSet(r -> r.cluster("prod").service("web").primaryTaskSet(blueArn));
    }

    private static CanaryRelease deployer(EcsClient ecs, EcsMock mock) {
        return new CanaryRelease(ecs, () -> mock.clock().advance(Duration.ofSeconds(15)), 8);
    }

    @Test
    void aSteadyCanaryIsPromotedAndTheOldTaskSetRemoved(EcsClient ecs, EcsMock mock) {
        CanaryRelease release = deployer(ecs, mock);

        TaskSet canary = release.start("prod", "web", "web:2", 10.0, SUBNETS);

        assertThat(canary.computedDesiredCount()).as("10 % of 10 tasks").isEqualTo(1);
        assertThat(canary.runningCount()).isEqualTo(1);
        assertThat(canary.status()).isEqualTo("ACTIVE");

        TaskSet promoted = release.promote("prod", "web", canary.taskSetArn());

        assertThat(promoted.status()).isEqualTo("PRIMARY");
        assertThat(promoted.computedDesiredCount()).isEqualTo(10);
        assertThat(promoted.stabilityStatus()).isEqualTo(StabilityStatus.STEADY_STATE);
        Service web = ecs.describeServices(r -> r.cluster("prod").services("web")).services().get(0);
        assertThat(web.taskDefinition()).isEqualTo(PREFIX + "task-definition/web:2");
        assertThat(web.runningCount()).isEqualTo(10);
        assertThat(web.taskSets()).extracting(TaskSet::taskSetArn).containsExactly(canary.taskSetArn());
        List<Task> running = mock.view().tasks("prod").stream().filter(t -> t.desiredStatus().equals("RUNNING")).toList();
        assertThat(running).hasSize(10)
                .allSatisfy(task -> assertThat(task.taskDefinitionArn()).isEqualTo(PREFIX + "task-definition/web:2"));
    }

    @Test
    void aCanaryWhoseTasksCannotStartIsRemovedAndTheServiceKeepsRunningTheOldRevision(EcsClient ecs, EcsMock mock) {
        mock.failTasksOf("web:2", "CannotPullContainerError: registry.example.com/web:2.0: not found");

        assertThatThrownBy(() -> deployer(ecs, mock).start("prod", "web", "web:2", 10.0, SUBNETS))
                .isInstanceOf(CanaryRelease.CanaryFailedException.class)
                .hasMessageContaining("did not become steady after 8 polls; it was removed");

        Service web = ecs.describeServices(r -> r.cluster("prod").services("web")).services().get(0);
        assertThat(web.taskSets()).extracting(TaskSet::taskSetArn).containsExactly(blueArn);
        assertThat(web.taskDefinition()).isEqualTo(PREFIX + "task-definition/web:1");
        assertThat(mock.view().tasks("prod")).filteredOn(t -> t.desiredStatus().equals("RUNNING"))
                .hasSize(10)
                .allSatisfy(task -> assertThat(task.taskDefinitionArn()).isEqualTo(PREFIX + "task-definition/web:1"));
        assertThat(mock.view().tasks("prod")).filteredOn(t -> t.taskDefinitionArn().endsWith("web:2"))
                .isNotEmpty()
                .allSatisfy(task -> assertThat(task.stoppedReason()).contains("CannotPullContainerError"));
    }
}
