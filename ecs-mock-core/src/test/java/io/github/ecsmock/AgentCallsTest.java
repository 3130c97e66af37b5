package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerStateChange;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The container agent's calls: a test moves a task by the path a real instance reports it. Under a
 * stepped lifecycle, so that the agent's reports visibly move tasks ahead of the clock.
 */
class AgentCallsTest extends EcsApiTest {
    private String task;

    @Override
    protected EcsMock.Builder configure(EcsMock.Builder builder) {
        return builder.lifecycle(Lifecycle.stepped(Duration.ofSeconds(30)));
    }

    @BeforeEach
    void aPendingTask() {
        ecs.createCluster(r -> r.clusterName("prod"));
        ecs.registerContainerInstance(r -> r.cluster("prod"));
        ecs.registerTaskDefinition(r -> r.family("job").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(c -> c.name("main").image("job").memory(64),
                        c -> c.name("sidecar").image("log").memory(32).essential(false)));
        task = ecs.runTask(r -> r.cluster("prod").taskDefinition("job").launchType(LaunchType.EC2)).tasks().get(0).taskArn();
    }

    private Task task() {
        return ecs.describeTasks(r -> r.cluster("prod").tasks(task)).tasks().get(0);
    }

    private static Container container(Task task, String name) {
        return task.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void discoverPollEndpointNamesTheRegionsEndpoints() {
        var answer = ecs.discoverPollEndpoint(r -> r.cluster("prod"));

        assertThat(answer.endpoint()).isEqualTo("https://ecs-a-1.us-east-1.amazonaws.com/");
        assertThat(answer.telemetryEndpoint()).isEqualTo("https://ecs-t-1.us-east-1.amazonaws.com/");
    }

    @Test
    void discoverPollEndpointAnswersForAnyClusterAsItDeclaresNoNotFoundError() {
        var answer = ecs.discoverPollEndpoint(r -> r.cluster("not-created-yet"));

        assertThat(answer.endpoint()).isEqualTo("https://ecs-a-1.us-east-1.amazonaws.com/");
    }

    @Test
    void aRunningReportBringsThePendingTaskToRunningAtOnce() {
        assertThat(task().lastStatus()).isEqualTo("PENDING");

        String ack = ecs.submitTaskStateChange(r -> r.cluster("prod").task(task).status("RUNNING")).acknowledgment();

        assertThat(ack).isEqualTo("ACK");
        assertThat(task().lastStatus()).isEqualTo("RUNNING");
        assertThat(task().startedAt()).isEqualTo(mock.clock().now());
    }

    @Test
    void theEssentialContainerStoppingStopsTheTaskWithItsExitCode() {
        ecs.submitTaskStateChange(r -> r.cluster("prod").task(task).status("RUNNING"));

        ecs.submitContainerStateChange(r -> r.cluster("prod").task(task).containerName("main").status("STOPPED")
                .exitCode(137).reason("OutOfMemoryError: Container killed due to memory usage"));

        Task stopping = task();
        assertThat(stopping.desiredStatus()).isEqualTo("STOPPED");
        assertThat(stopping.stopCodeAsString()).isEqualTo("EssentialContainerExited");
        // The container that exited shows it at once; the others run until the task stops them.
        assertThat(stopping.lastStatus()).isIn("RUNNING", "DEACTIVATING");
        assertThat(container(stopping, "main").lastStatus()).isEqualTo("STOPPED");
        assertThat(container(stopping, "main").exitCode()).isEqualTo(137);
        assertThat(container(stopping, "sidecar").lastStatus()).isEqualTo("RUNNING");
        assertThat(container(stopping, "sidecar").exitCode()).isNull();
        mock.clock().advance(Duration.ofMinutes(5));
        Task stopped = task();
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(container(stopped, "main").exitCode()).isEqualTo(137);
        assertThat(container(stopped, "main").reason()).isEqualTo("OutOfMemoryError: Container killed due to memory usage");
    }

    @Test
    void aNonEssentialContainerStoppingLeavesTheTaskRunning() {
        ecs.submitTaskStateChange(r -> r.cluster("prod").task(task).status("RUNNING"));

        ecs.submitContainerStateChange(r -> r.cluster("prod").task(task).containerName("sidecar").status("STOPPED").exitCode(0));

        assertThat(task().lastStatus()).isEqualTo("RUNNING");
        assertThat(task().desiredStatus()).isEqualTo("RUNNING");
        assertThat(container(task(), "sidecar").lastStatus()).isEqualTo("STOPPED");
        assertThat(container(task(), "sidecar").exitCode()).isZero();
        assertThat(container(task(), "main").lastStatus()).isEqualTo("RUNNING");
    }

    @Test
    void aStoppedTaskReportCarriesTheContainersExits() {
        ecs.submitTaskStateChange(r -> r.cluster("prod").task(task).status("RUNNING"));

        ecs.submitTaskStateChange(r -> r.cluster("prod").task(task).status("STOPPED").reason("Essential container in task exited")
                .containers(ContainerStateChange.builder().containerName("main").status("STOPPED").exitCode(1).build()));
        mock.clock().advance(Duration.ofMinutes(5));

        Task stopped = task();
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(container(stopped, "main").exitCode()).isEqualTo(1);
    }

    @Test
    void reportsAboutUnknownTasksOrContainersAreRefused() {
        assertThatThrownBy(() -> ecs.submitTaskStateChange(r -> r.cluster("prod").task("0123456789abcdef0123456789abcdef")
                .status("RUNNING")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("The referenced task was not found.");
        assertThatThrownBy(() -> ecs.submitContainerStateChange(r -> r.cluster("prod").task(task).containerName("nope")
                .status("STOPPED")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Container nope is not a container of the task.");
    }

    @Test
    void attachmentChangesAreAcknowledged() {
        assertThat(ecs.submitAttachmentStateChanges(r -> r.cluster("prod")
                .attachments(a -> a.attachmentArn("arn:aws:ecs:us-east-1:123456789012:attachment/a1b2c3d4").status("ATTACHED")))
                .acknowledgment()).isEqualTo("ACK");
    }
}
