package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/**
 * The SDK's own waiters, with their default configuration (polls 6 or 15 seconds apart), succeed on
 * their first poll under the immediate lifecycle, so each of these tests takes milliseconds. Under
 * moto or CloudMock, TasksRunning fails and ServicesStable never succeeds.
 */
class WaitersTest extends EcsApiTest {
    private EcsWaiter waiter;

    @BeforeEach
    void clusterAndDefinition() {
        ecs.createCluster(r -> r.clusterName("dev"));
        register("worker", "worker:1.0");
        waiter = ecs.waiter();
    }

    private void register(String family, String image) {
        ecs.registerTaskDefinition(r -> r.family(family)
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE)
                .cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image(image)));
    }

    private Task runTask() {
        return ecs.runTask(r -> r.cluster("dev").taskDefinition("worker").launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0a1b2c3d4e5f60718"))))
                .tasks().get(0);
    }

    private void createService(int desiredCount) {
        ecs.createService(r -> r.cluster("dev").serviceName("workers").taskDefinition("worker").desiredCount(desiredCount)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0a1b2c3d4e5f60718"))));
    }

    @Test
    void tasksRunningSucceedsOnTheFirstPollAfterRunTask() {
        Task task = runTask();

        WaiterResponse<DescribeTasksResponse> waited =
                waiter.waitUntilTasksRunning(r -> r.cluster("dev").tasks(task.taskArn()));

        assertThat(waited.attemptsExecuted()).isEqualTo(1);
        assertThat(waited.matched().response()).hasValueSatisfying(response ->
                assertThat(response.tasks()).singleElement().satisfies(t -> assertThat(t.lastStatus()).isEqualTo("RUNNING")));
    }

    @Test
    void tasksStoppedSucceedsOnTheFirstPollAfterStopTask() {
        Task task = runTask();
        ecs.stopTask(r -> r.cluster("dev").task(task.taskArn()).reason("done"));

        WaiterResponse<DescribeTasksResponse> waited =
                waiter.waitUntilTasksStopped(r -> r.cluster("dev").tasks(task.taskArn()));

        assertThat(waited.attemptsExecuted()).isEqualTo(1);
        assertThat(waited.matched().response()).hasValueSatisfying(response ->
                assertThat(response.tasks()).singleElement().satisfies(t -> {
                    assertThat(t.lastStatus()).isEqualTo("STOPPED");
                    assertThat(t.stoppedReason()).isEqualTo("done");
                }));
    }

    @Test
    void servicesStableSucceedsOnTheFirstPollAfterCreateService() {
        createService(3);

        WaiterResponse<DescribeServicesResponse> waited =
                waiter.waitUntilServicesStable(r -> r.cluster("dev").services("workers"));

        assertThat(waited.attemptsExecuted()).isEqualTo(1);
        Service service = waited.matched().response().orElseThrow().services().get(0);
        assertThat(service.runningCount()).isEqualTo(3);
        assertThat(service.deployments()).hasSize(1);
    }

    @Test
    void servicesStableSucceedsOnTheFirstPollAfterAnUpdateToANewTaskDefinition() {
        createService(2);
        register("worker", "worker:2.0");
        ecs.updateService(r -> r.cluster("dev").service("workers").taskDefinition("worker:2"));

        WaiterResponse<DescribeServicesResponse> waited =
                waiter.waitUntilServicesStable(r -> r.cluster("dev").services("workers"));

        assertThat(waited.attemptsExecuted()).isEqualTo(1);
        Service service = waited.matched().response().orElseThrow().services().get(0);
        assertThat(service.deployments()).singleElement().satisfies(d -> {
            assertThat(d.taskDefinition()).endsWith("task-definition/worker:2");
            assertThat(d.runningCount()).isEqualTo(2);
        });
    }

    @Test
    void servicesInactiveSucceedsOnTheFirstPollAfterDeleteService() {
        createService(2);
        ecs.deleteService(r -> r.cluster("dev").service("workers").force(true));

        WaiterResponse<DescribeServicesResponse> waited =
                waiter.waitUntilServicesInactive(r -> r.cluster("dev").services("workers"));

        assertThat(waited.attemptsExecuted()).isEqualTo(1);
        assertThat(waited.matched().response().orElseThrow().services())
                .singleElement().satisfies(s -> assertThat(s.status()).isEqualTo("INACTIVE"));
    }
}
