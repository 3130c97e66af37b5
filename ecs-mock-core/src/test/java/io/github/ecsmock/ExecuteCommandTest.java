package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ExecuteCommandResponse;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ManagedAgent;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.TargetNotConnectedException;
import software.amazon.awssdk.services.ecs.model.Task;

/** ExecuteCommand (ECS Exec) through the real EcsClient: the session it answers with, and every refusal. */
class ExecuteCommandTest extends EcsApiTest {
    private static final String CLUSTER_ARN = "arn:aws:ecs:us-east-1:123456789012:cluster/prod";
    private static final String NOT_ENABLED = "The execute command failed because execute command was not enabled when the "
            + "task was run or the execute command agent isn't running. Wait and try again or run a new task with execute "
            + "command enabled and try again.";

    @BeforeEach
    void createClusterAndDefinitions() {
        ecs.createCluster(r -> r.clusterName("prod"));
        ecs.registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx:latest")));
        ecs.registerTaskDefinition(r -> r.family("pair").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx:latest"), c -> c.name("sidecar").image("envoy:latest")));
    }

    // ---------------------------------------------------------------- the session

    @Test
    void answersWithASessionToTheOnlyContainer() {
        Task task = run("web", true);

        ExecuteCommandResponse response = ecs.executeCommand(r -> r.cluster("prod").task(task.taskArn())
                .command("/bin/sh").interactive(true));

        Container container = task.containers().get(0);
        assertThat(response.clusterArn()).isEqualTo(CLUSTER_ARN);
        assertThat(response.taskArn()).isEqualTo(task.taskArn());
        assertThat(response.containerName()).isEqualTo("app");
        assertThat(response.containerArn()).isEqualTo(container.containerArn());
        assertThat(response.interactive()).isTrue();
        String sessionId = response.session().sessionId();
        assertThat(sessionId).matches("ecs-execute-command-[0-9a-f]{17}");
        assertThat(response.session().streamUrl()).isEqualTo(
                "wss://ssmmessages.us-east-1.amazonaws.com/v1/data-channel/" + sessionId + "?role=publish_subscribe");
        assertThat(response.session().tokenValue()).isNotBlank();
    }

    @Test
    void everyCallOpensANewSession() {
        Task task = run("web", true);

        String first = ecs.executeCommand(r -> r.cluster("prod").task(task.taskArn()).command("ls").interactive(true))
                .session().sessionId();
        String second = ecs.executeCommand(r -> r.cluster("prod").task(task.taskArn()).command("ls").interactive(true))
                .session().sessionId();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void theTaskMayBeNamedByIdAndTheContainerByName() {
        Task task = run("pair", true);
        String id = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);

        ExecuteCommandResponse response = ecs.executeCommand(r -> r.cluster(CLUSTER_ARN).task(id).container("sidecar")
                .command("/bin/sh").interactive(true));

        assertThat(response.taskArn()).isEqualTo(task.taskArn());
        assertThat(response.containerName()).isEqualTo("sidecar");
        assertThat(response.containerArn()).isEqualTo(task.containers().stream()
                .filter(c -> c.name().equals("sidecar")).findFirst().orElseThrow().containerArn());
    }

    @Test
    void aServiceLaunchedWithExecuteCommandGivesItsTasksExec() {
        ecs.createService(r -> r.cluster("prod").serviceName("api").taskDefinition("web").desiredCount(1)
                .launchType(LaunchType.FARGATE).enableExecuteCommand(true)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))));
        String task = ecs.listTasks(r -> r.cluster("prod").serviceName("api")).taskArns().get(0);

        ExecuteCommandResponse response = ecs.executeCommand(r -> r.cluster("prod").task(task).command("/bin/sh").interactive(true));

        assertThat(response.taskArn()).isEqualTo(task);
    }

    @Test
    void describeTasksShowsTheExecAgentOfEachContainer() {
        Task task = run("pair", true);
        Task plain = run("web", false);

        Task shown = ecs.describeTasks(r -> r.cluster("prod").tasks(task.taskArn())).tasks().get(0);

        assertThat(shown.containers()).allSatisfy(container -> assertThat(container.managedAgents()).containsExactly(
                ManagedAgent.builder().name("ExecuteCommandAgent").lastStatus("RUNNING").lastStartedAt(shown.startedAt()).build()));
        assertThat(plain.containers().get(0).managedAgents()).isEmpty();

        ecs.stopTask(r -> r.cluster("prod").task(task.taskArn()));

        assertThat(ecs.describeTasks(r -> r.cluster("prod").tasks(task.taskArn())).tasks().get(0).containers().get(0)
                .managedAgents().get(0).lastStatus()).isEqualTo("STOPPED");
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void aTaskRunWithoutExecuteCommandIsRefused() {
        Task task = run("web", false);

        assertThat(refused(InvalidParameterException.class, () -> ecs.executeCommand(r -> r.cluster("prod").task(task.taskArn())
                .command("/bin/sh").interactive(true)))).isEqualTo(NOT_ENABLED);
    }

    @Test
    void enablingExecOnAServiceDoesNotReachItsRunningTasks() {
        ecs.createService(r -> r.cluster("prod").serviceName("api").taskDefinition("web").desiredCount(1)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))));
        String task = ecs.listTasks(r -> r.cluster("prod").serviceName("api")).taskArns().get(0);

        ecs.updateService(r -> r.cluster("prod").service("api").enableExecuteCommand(true));

        assertThat(refused(InvalidParameterException.class,
                () -> ecs.executeCommand(r -> r.cluster("prod").task(task).command("/bin/sh").interactive(true)))).isEqualTo(NOT_ENABLED);
    }

    @Test
    void aTaskThatIsNotRunningIsNotConnected() {
        Task task = run("web", true);
        ecs.stopTask(r -> r.cluster("prod").task(task.taskArn()));

        assertThat(refused(TargetNotConnectedException.class, () -> ecs.executeCommand(r -> r.cluster("prod").task(task.taskArn())
                .command("/bin/sh").interactive(true)))).isEqualTo("The execute command failed due to an internal error. Try again later.");
    }

    @Test
    void onlyInteractiveSessionsAreSupported() {
        Task task = run("web", true);

        assertThat(refused(InvalidParameterException.class, () -> ecs.executeCommand(r -> r.cluster("prod").task(task.taskArn())
                .command("/bin/sh").interactive(false)))).isEqualTo("Interactive is the only mode supported currently.");
    }

    @Test
    void anUnknownTaskIsNotFound() {
        assertThat(refused(InvalidParameterException.class, () -> ecs.executeCommand(r -> r.cluster("prod")
                .task("0123456789abcdef0123456789abcdef").command("/bin/sh").interactive(true))))
                .isEqualTo("The referenced task was not found.");
    }

    @Test
    void aTaskOfAnotherClusterIsNotFound() {
        Task task = run("web", true);
        ecs.createCluster(r -> r.clusterName("other"));

        assertThat(refused(InvalidParameterException.class, () -> ecs.executeCommand(r -> r.cluster("other")
                .task(task.taskArn()).command("/bin/sh").interactive(true)))).isEqualTo("The referenced task was not found.");
    }

    @Test
    void aTaskIdOfTheWrongLengthIsRefused() {
        assertThat(refused(InvalidParameterException.class, () -> ecs.executeCommand(r -> r.cluster("prod")
                .task("abc123").command("/bin/sh").interactive(true)))).isEqualTo("task length should be one of [32,36]");
    }

    @Test
    void aTaskOfSeveralContainersNeedsTheContainerName() {
        Task task = run("pair", true);

        assertThat(refused(InvalidParameterException.class, () -> ecs.executeCommand(r -> r.cluster("prod").task(task.taskArn())
                .command("/bin/sh").interactive(true))))
                .isEqualTo("Container name must be provided when the task has more than one container.");
    }

    @Test
    void anUnknownContainerIsRefused() {
        Task task = run("web", true);

        assertThat(refused(InvalidParameterException.class, () -> ecs.executeCommand(r -> r.cluster("prod").task(task.taskArn())
                .container("nope").command("/bin/sh").interactive(true)))).isEqualTo("The container does not exist in the task.");
    }

    @Test
    void anUnknownClusterIsClusterNotFound() {
        assertThat(refused(ClusterNotFoundException.class, () -> ecs.executeCommand(r -> r.cluster("nope")
                .task("0123456789abcdef0123456789abcdef").command("/bin/sh").interactive(true)))).isEqualTo("Cluster not found.");
    }

    @Test
    void theCommandIsRequired() {
        Task task = run("web", true);

        assertThat(refused(InvalidParameterException.class,
                () -> ecs.executeCommand(r -> r.cluster("prod").task(task.taskArn()).interactive(true)))).contains("command");
    }

    /** Under the stepped lifecycle a task is seen before it runs: its agent is not connected yet. */
    @Nested
    class BeforeTheTaskRuns extends EcsApiTest {
        @Override
        protected EcsMock.Builder configure(EcsMock.Builder builder) {
            return builder.lifecycle(Lifecycle.stepped(Duration.ofSeconds(10)));
        }

        @Test
        void aPendingTaskIsNotConnectedUntilItRuns() {
            ecs.createCluster(r -> r.clusterName("prod"));
            ecs.registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("app").image("nginx:latest")));
            Task task = ecs.runTask(r -> r.cluster("prod").taskDefinition("web").launchType(LaunchType.FARGATE)
                    .enableExecuteCommand(true).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))))
                    .tasks().get(0);

            assertThat(task.containers().get(0).managedAgents().get(0).lastStatus()).isEqualTo("PENDING");
            assertThat(refused(TargetNotConnectedException.class, () -> ecs.executeCommand(r -> r.cluster("prod")
                    .task(task.taskArn()).command("/bin/sh").interactive(true))))
                    .isEqualTo("The execute command failed due to an internal error. Try again later.");

            mock.clock().advance(Duration.ofMinutes(1));

            assertThat(ecs.executeCommand(r -> r.cluster("prod").task(task.taskArn()).command("/bin/sh").interactive(true))
                    .taskArn()).isEqualTo(task.taskArn());
        }
    }

    // ---------------------------------------------------------------- helpers

    private Task run(String family, boolean enableExecuteCommand) {
        return ecs.runTask(r -> r.cluster("prod").taskDefinition(family).launchType(LaunchType.FARGATE)
                .enableExecuteCommand(enableExecuteCommand)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))).tasks().get(0);
    }

    private static <T extends software.amazon.awssdk.services.ecs.model.EcsException> String refused(
            Class<T> type, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        T error = catchThrowableOfType(type, call);
        assertThat(error).as("expected %s", type.getSimpleName()).isNotNull();
        assertThat(error.statusCode()).isEqualTo(400);
        return error.awsErrorDetails().errorMessage();
    }
}
