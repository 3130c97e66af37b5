package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * What happens to a running task from outside the API (its essential container exits, a Spot
 * interruption, a lost host), as DescribeTasks then shows it, and a service replacing the task.
 */
class TaskSteeringTest extends EcsApiTest {
    private static final String SUBNET = "subnet-0123456789abcdef0";

    @BeforeEach
    void clusterAndDefinitions() {
        ecs.createCluster(r -> r.clusterName("prod"));
        ecs.registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("log-router").image("fluent-bit:latest").essential(false),
                        c -> c.name("app").image("nginx:latest"),
                        c -> c.name("sidecar").image("envoy:latest").essential(false)));
    }

    private Task runTask() {
        return ecs.runTask(fargateTask()).tasks().get(0);
    }

    private static Consumer<RunTaskRequest.Builder> fargateTask() {
        return r -> r.cluster("prod").taskDefinition("web").launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(SUBNET)));
    }

    private Task describe(String taskArn) {
        return describe(ecs, taskArn);
    }

    private static Task describe(EcsClient client, String taskArn) {
        return client.describeTasks(r -> r.cluster("prod").tasks(taskArn)).tasks().get(0);
    }

    private static Container container(Task task, String name) {
        return task.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------- an essential container exits

    @Test
    void anEssentialContainerExitStopsTheTaskWithItsExitCodeAndReason() {
        Task task = runTask();

        Task returned = mock.exitEssentialContainer("prod", task.taskArn(), 137, "OutOfMemoryError: Container killed due to memory usage");
        Task described = describe(task.taskArn());

        assertThat(returned).isEqualTo(described);
        assertThat(described.lastStatus()).isEqualTo("STOPPED");
        assertThat(described.desiredStatus()).isEqualTo("STOPPED");
        assertThat(described.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(described.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(described.stoppedAt()).isEqualTo(mock.clock().now());
        Container app = container(described, "app");
        assertThat(app.lastStatus()).isEqualTo("STOPPED");
        assertThat(app.exitCode()).isEqualTo(137);
        assertThat(app.reason()).isEqualTo("OutOfMemoryError: Container killed due to memory usage");
        for (String other : List.of("log-router", "sidecar")) {
            assertThat(container(described, other).exitCode()).as(other).isEqualTo(143);
            assertThat(container(described, other).reason()).as(other).isNull();
        }
    }

    @Test
    void withoutAReasonOnlyTheExitCodeIsShown() {
        Task task = runTask();

        mock.exitEssentialContainer("prod", task.taskArn(), 1);

        Container app = container(describe(task.taskArn()), "app");
        assertThat(app.exitCode()).isEqualTo(1);
        assertThat(app.reason()).isNull();
    }

    @Test
    void theTaskCanBeNamedByItsIdAndTheClusterByItsArn() {
        Task task = runTask();
        String id = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);

        mock.exitEssentialContainer(task.clusterArn(), id, 2);

        assertThat(describe(task.taskArn()).stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(ecs.listTasks(r -> r.cluster("prod").desiredStatus(DesiredStatus.STOPPED)).taskArns())
                .containsExactly(task.taskArn());
        assertThat(ecs.listTasks(r -> r.cluster("prod")).taskArns()).isEmpty();
    }

    @Test
    void aServiceReplacesATaskWhoseEssentialContainerExited() {
        ecs.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(2)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(SUBNET))));
        List<String> before = ecs.listTasks(r -> r.cluster("prod").serviceName("web")).taskArns();

        mock.exitEssentialContainer("prod", before.get(0), 1, "panic: nil pointer dereference");

        List<String> after = ecs.listTasks(r -> r.cluster("prod").serviceName("web")).taskArns();
        assertThat(after).hasSize(2).contains(before.get(1)).doesNotContain(before.get(0));
        String replacement = after.stream().filter(arn -> !before.contains(arn)).findFirst().orElseThrow();
        Service service = ecs.describeServices(r -> r.cluster("prod").services("web")).services().get(0);
        assertThat(service.runningCount()).isEqualTo(2);
        assertThat(service.events()).extracting(ServiceEvent::message).contains(
                "(service web) has started 1 tasks: (task " + replacement.substring(replacement.lastIndexOf('/') + 1) + ").");
        assertThat(describe(replacement).startedBy()).isEqualTo(service.deployments().get(0).id());
    }

    @Test
    void underTheSteppedLifecycleTheTaskWalksToStoppedAndTheServiceReplacesIt() {
        try (EcsMock stepped = EcsMock.builder().lifecycle(Lifecycle.stepped()).build();
             EcsClient client = stepped.newClient(Transport.IN_MEMORY)) {
            client.createCluster(r -> r.clusterName("prod"));
            client.registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("app").image("nginx:latest")));
            client.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(1)
                    .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(SUBNET))));
            stepped.clock().advance(Duration.ofSeconds(15));
            String first = client.listTasks(r -> r.cluster("prod")).taskArns().get(0);
            assertThat(describe(client, first).lastStatus()).isEqualTo("RUNNING");

            Task exiting = stepped.exitEssentialContainer("prod", first, 1);

            assertThat(exiting.lastStatus()).isEqualTo("RUNNING");
            assertThat(exiting.desiredStatus()).isEqualTo("STOPPED");
            assertThat(exiting.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
            assertThat(container(exiting, "app").lastStatus()).isEqualTo("STOPPED");
            assertThat(container(exiting, "app").exitCode()).isEqualTo(1);
            stepped.clock().advance(Duration.ofSeconds(5));
            assertThat(container(describe(client, first), "app").exitCode()).isEqualTo(1);
            stepped.clock().advance(Duration.ofSeconds(15));
            Task stopped = describe(client, first);
            assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
            assertThat(container(stopped, "app").exitCode()).isEqualTo(1);
            Service service = client.describeServices(r -> r.cluster("prod").services("web")).services().get(0);
            assertThat(service.runningCount()).isEqualTo(1);
            assertThat(client.listTasks(r -> r.cluster("prod")).taskArns()).hasSize(1).doesNotContain(first);
        }
    }

    // ---------------------------------------------------------------- Spot interruption, lost host

    @Test
    void aSpotInterruptionStopsTheTask() {
        Task task = runTask();

        mock.interruptTask("prod", task.taskArn());

        Task described = describe(task.taskArn());
        assertThat(described.lastStatus()).isEqualTo("STOPPED");
        assertThat(described.stopCode()).isEqualTo(TaskStopCode.SPOT_INTERRUPTION);
        assertThat(described.stoppedReason()).isEqualTo("Your Spot Task was interrupted.");
        assertThat(described.containers()).allSatisfy(container -> assertThat(container.exitCode()).isEqualTo(143));
    }

    @Test
    void aLostHostStopsTheTaskWithoutExitCodes() {
        Task task = runTask();

        mock.loseTask("prod", task.taskArn());

        Task described = describe(task.taskArn());
        assertThat(described.lastStatus()).isEqualTo("STOPPED");
        assertThat(described.stopCode()).isEqualTo(TaskStopCode.TERMINATION_NOTICE);
        assertThat(described.stoppedReason()).isEqualTo("Task stopped because its host was lost.");
        assertThat(described.containers()).hasSize(3).allSatisfy(container -> {
            assertThat(container.exitCode()).isNull();
            assertThat(container.reason()).isEqualTo("The host of the task was lost.");
        });
    }

    @Test
    void aServiceReplacesAnInterruptedOrLostTask() {
        ecs.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(2)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(SUBNET))));
        List<String> before = ecs.listTasks(r -> r.cluster("prod")).taskArns();

        mock.interruptTask("prod", before.get(0));
        mock.loseTask("prod", before.get(1));

        List<String> after = ecs.listTasks(r -> r.cluster("prod")).taskArns();
        assertThat(after).hasSize(2).doesNotContainAnyElementsOf(before);
        assertThat(ecs.describeServices(r -> r.cluster("prod").services("web")).services().get(0).runningCount()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- what cannot be steered

    @Test
    void aTaskThatIsNotThereCannotBeSteered() {
        Task task = runTask();

        assertThatThrownBy(() -> mock.exitEssentialContainer("prod", "0123456789abcdef0123456789abcdef", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No task 0123456789abcdef0123456789abcdef in cluster prod");
        assertThatThrownBy(() -> mock.interruptTask("staging", task.taskArn()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No cluster staging");
        assertThat(describe(task.taskArn()).lastStatus()).isEqualTo("RUNNING");
    }

    @Test
    void aStoppedTaskCannotBeSteeredAgain() {
        Task task = runTask();
        ecs.stopTask(r -> r.cluster("prod").task(task.taskArn()));

        assertThatThrownBy(() -> mock.loseTask("prod", task.taskArn()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Task " + task.taskArn() + " is already stopped");
        Task described = describe(task.taskArn());
        assertThat(described.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
    }

    @Test
    void steeringActsOnTheDefaultAccountAndRegion() {
        try (EcsClient elsewhere = mock.newClient("eu-west-1", EcsMock.DEFAULT_ACCOUNT, Transport.IN_MEMORY)) {
            elsewhere.createCluster(r -> r.clusterName("eu"));
            elsewhere.registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("app").image("nginx:latest")));
            String taskArn = elsewhere.runTask(r -> r.cluster("eu").taskDefinition("web").launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(SUBNET)))).tasks().get(0).taskArn();

            assertThatThrownBy(() -> mock.interruptTask("eu", taskArn)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
