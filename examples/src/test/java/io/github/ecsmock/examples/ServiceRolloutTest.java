package io.github.ecsmock.examples;

import static io.github.ecsmock.junit5.assertj.EcsMockAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.junit5.EcsMockTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/**
 * A deployer's tests. The running service comes from a fixture file, back in place before each test;
 * the waiter is the mock's, so waiting moves the mock's clock instead of sleeping.
 */
@EcsMockTest(fixture = "fixtures/web-service.json")
class ServiceRolloutTest {

    @Test
    void rollsTheNewImageOutAndReturnsTheStableService(EcsClient ecs, EcsWaiter waiter, EcsMock mock) {
        Service stable = new ServiceRollout(ecs, waiter).rollOut("prod", "web", "app", "registry.example.com/web:2.0");

        assertThat(stable.taskDefinition()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/web:2");
        assertThat(mock).cluster("prod").hasService("web").withTaskDefinition("web:2").withRunningCount(3)
                .withRolloutState("COMPLETED").isStable();
        assertThat(mock).receivedUpdateService().forService("web").withTaskDefinition("web:2").times(1);
        String deploymentId = stable.deployments().get(0).id();
        assertThat(mock.view().tasks("prod"))
                .filteredOn(t -> t.desiredStatus().equals("RUNNING"))
                .hasSize(3)
                .allSatisfy(t -> {
                    assertThat(t.startedBy()).isEqualTo(deploymentId);
                    assertThat(t.containers()).extracting(c -> c.image()).contains("registry.example.com/web:2.0");
                });
        assertThat(mock.view().tasks("prod")).filteredOn(t -> t.desiredStatus().equals("STOPPED"))
                .hasSize(3)
                .allSatisfy(t -> assertThat(t.stoppedReason()).startsWith("Scaling activity initiated by (deployment"));
    }

    @Test
    void anImageThatCannotStartIsRolledBackByTheCircuitBreaker(EcsClient ecs, EcsWaiter waiter, EcsMock mock) {
        mock.failTasksOf("web:2", "CannotPullContainerError: registry.example.com/web:2.0: not found");

        assertThatThrownBy(() -> new ServiceRollout(ecs, waiter).rollOut("prod", "web", "app", "registry.example.com/web:2.0"))
                .isInstanceOf(ServiceRollout.RolledBackException.class)
                .hasMessage("Rolled back: web runs arn:aws:ecs:us-east-1:123456789012:task-definition/web:1, "
                        + "not arn:aws:ecs:us-east-1:123456789012:task-definition/web:2");

        Service web = mock.view().service("prod", "web").orElseThrow();
        assertThat(web.deployments()).extracting(Deployment::taskDefinition)
                .containsExactly("arn:aws:ecs:us-east-1:123456789012:task-definition/web:1");
        assertThat(web.deployments().get(0).rolloutStateAsString()).isEqualTo("COMPLETED");
        assertThat(mock).cluster("prod").hasService("web")
                .hasEventContaining("deployment failed: tasks failed to start.")
                .hasEventContaining("rolling back to deployment")
                .isStable();
        assertThat(mock.view().tasks("prod")).filteredOn(t -> "TaskFailedToStart".equals(t.stopCodeAsString()))
                .extracting(Task::stoppedReason)
                .containsOnly("CannotPullContainerError: registry.example.com/web:2.0: not found");
    }

    @Test
    void anUnknownServiceIsReportedBeforeAnythingChanges(EcsClient ecs, EcsWaiter waiter, EcsMock mock) {
        assertThatThrownBy(() -> new ServiceRollout(ecs, waiter).rollOut("prod", "api", "app", "img:2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No service api in cluster prod");
        assertThat(mock).didNotReceive("RegisterTaskDefinition").didNotReceive("UpdateService");
        assertThat(mock).cluster("prod").hasService("web").withTaskDefinition("web:1").isStable();
    }
}
