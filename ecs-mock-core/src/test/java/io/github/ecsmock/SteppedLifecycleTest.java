package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Under the stepped lifecycle tasks take one status per step of mock time, and services converge as
 * their tasks do. The test moves time; nothing moves on its own.
 */
class SteppedLifecycleTest extends EcsApiTest {
    private static final Duration STEP = Duration.ofSeconds(5);

    @Override
    protected EcsMock.Builder configure(EcsMock.Builder builder) {
        return builder.lifecycle(Lifecycle.stepped(STEP));
    }

    @BeforeEach
    void clusterAndDefinition() {
        ecs.createCluster(r -> r.clusterName("dev"));
        register("worker:1.0");
    }

    private void register(String image) {
        ecs.registerTaskDefinition(r -> r.family("worker")
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE)
                .cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image(image)));
    }

    private Task describe(String taskArn) {
        return ecs.describeTasks(r -> r.cluster("dev").tasks(taskArn)).tasks().get(0);
    }

    private Service service() {
        return ecs.describeServices(r -> r.cluster("dev").services("workers")).services().get(0);
    }

    @Test
    void aTaskDescribedOverAndOverShowsEachChangeAsItComes() {
        // From its second answer on, the mock copies an unchanged task's JSON; a change must still show.
        String arn = ecs.runTask(r -> r.cluster("dev").taskDefinition("worker").launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0a1b2c3d4e5f60718"))))
                .tasks().get(0).taskArn();
        Task provisioning = describe(arn);
        assertThat(describe(arn)).isEqualTo(provisioning);
        assertThat(describe(arn)).isEqualTo(provisioning);
        assertThat(provisioning.lastStatus()).isEqualTo("PROVISIONING");

        mock.clock().advance(STEP);
        Task pending = describe(arn);
        assertThat(pending.lastStatus()).isEqualTo("PENDING");
        assertThat(pending.version()).isGreaterThan(provisioning.version());
        assertThat(describe(arn)).isEqualTo(pending);

        ecs.stopTask(r -> r.cluster("dev").task(arn).reason("no longer needed"));
        Task stopping = describe(arn);
        assertThat(stopping.desiredStatus()).isEqualTo("STOPPED");
        assertThat(stopping.stoppedReason()).isEqualTo("no longer needed");
        assertThat(describe(arn)).isEqualTo(stopping);
    }

    @Test
    void aTaskWalksThroughEveryStatusAsTheClockAdvances() {
        Task started = ecs.runTask(r -> r.cluster("dev").taskDefinition("worker").launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0a1b2c3d4e5f60718")))).tasks().get(0);
        List<String> seen = new ArrayList<>();
        seen.add(started.lastStatus());
        assertThat(started.attachments()).singleElement().satisfies(eni -> {
            assertThat(eni.status()).isEqualTo("PRECREATED");
            assertThat(eni.details()).extracting(KeyValuePair::name).containsExactly("subnetId");
        });
        assertThat(started.connectivity()).isNull();

        for (int step = 0; step < 3; step++) {
            mock.clock().advance(STEP);
            seen.add(describe(started.taskArn()).lastStatus());
        }
        Task running = describe(started.taskArn());
        assertThat(running.startedAt()).isEqualTo(mock.clock().now());
        assertThat(running.connectivity()).hasToString("CONNECTED");
        assertThat(running.attachments()).extracting(Attachment::status).containsExactly("ATTACHED");

        Task stopping = ecs.stopTask(r -> r.cluster("dev").task(started.taskArn())).task();
        assertThat(stopping.lastStatus()).isEqualTo("RUNNING");
        assertThat(stopping.desiredStatus()).isEqualTo("STOPPED");
        assertThat(stopping.stoppingAt()).isEqualTo(mock.clock().now());
        for (int step = 0; step < 4; step++) {
            mock.clock().advance(STEP);
            seen.add(describe(started.taskArn()).lastStatus());
        }

        assertThat(seen).containsExactly("PROVISIONING", "PENDING", "ACTIVATING", "RUNNING",
                "DEACTIVATING", "STOPPING", "DEPROVISIONING", "STOPPED");
        Task stopped = describe(started.taskArn());
        assertThat(stopped.stoppedAt()).isEqualTo(mock.clock().now());
        assertThat(stopped.stopCode()).hasToString("UserInitiated");
        assertThat(stopped.attachments()).extracting(Attachment::status).containsExactly("DELETED");
    }

    @Test
    void anEc2TaskStartsPendingAndShowsItsConnectivityOnlyOnceItMovesOn() {
        ecs.registerContainerInstance(r -> r.cluster("dev").instanceIdentityDocument("{\"instanceId\":\"i-0000000000000000a\"}"));
        ecs.registerTaskDefinition(r -> r.family("batch").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(c -> c.name("job").image("batch:1").memory(128)));

        Task started = ecs.runTask(r -> r.cluster("dev").taskDefinition("batch").launchType(LaunchType.EC2)).tasks().get(0);

        assertThat(started.lastStatus()).isEqualTo("PENDING");
        assertThat(started.connectivity()).isNull();
        assertThat(started.connectivityAt()).isNull();
        assertThat(started.pullStartedAt()).isNull();
        assertThat(started.startedAt()).isNull();

        mock.clock().advance(STEP);
        Task activating = describe(started.taskArn());
        assertThat(activating.lastStatus()).isEqualTo("ACTIVATING");
        assertThat(activating.connectivity()).hasToString("CONNECTED");
        assertThat(activating.connectivityAt()).isEqualTo(mock.clock().now());
        assertThat(activating.pullStartedAt()).isEqualTo(mock.clock().now());
    }

    @Test
    void lessThanAStepChangesNothing() {
        String taskArn = ecs.runTask(r -> r.cluster("dev").taskDefinition("worker").launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0a1b2c3d4e5f60718"))))
                .tasks().get(0).taskArn();

        mock.clock().advance(STEP.minusMillis(1));

        assertThat(describe(taskArn).lastStatus()).isEqualTo("PROVISIONING");
        mock.clock().advance(Duration.ofMillis(1));
        assertThat(describe(taskArn).lastStatus()).isEqualTo("PENDING");
    }

    /**
     * Replacing four tasks with at most 100 % and at least 50 %: two old tasks stop, two new ones start
     * once those have stopped, then the other two are replaced. At no step do fewer than two tasks run,
     * or more than four hold a place (RUNNING or PENDING, those winding down included).
     */
    @Test
    void aDeploymentAtOneHundredAndFiftyPercentKeepsTheServiceWithinItsBounds() {
        ecs.createService(r -> r.cluster("dev").serviceName("workers").taskDefinition("worker").desiredCount(4)
                .launchType(LaunchType.FARGATE)
                .deploymentConfiguration(d -> d.maximumPercent(100).minimumHealthyPercent(50))
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0a1b2c3d4e5f60718"))));
        mock.clock().advance(STEP.multipliedBy(3));
        assertThat(service().runningCount()).isEqualTo(4);
        register("worker:2.0");

        ecs.updateService(r -> r.cluster("dev").service("workers").taskDefinition("worker:2"));
        List<String> seen = new ArrayList<>();
        for (int step = 0; step < 30 && !(service().deployments().size() == 1 && service().runningCount() == 4); step++) {
            List<Task> tasks = tasksOfTheService();
            long healthy = tasks.stream().filter(t -> t.lastStatus().equals("RUNNING") && t.desiredStatus().equals("RUNNING")).count();
            long placed = tasks.stream().filter(t -> !t.lastStatus().equals("STOPPED")).count();
            seen.add(healthy + "/" + placed);
            assertThat(healthy).as("tasks RUNNING and meant to, step %d", step).isGreaterThanOrEqualTo(2);
            assertThat(placed).as("tasks RUNNING or PENDING, step %d", step).isLessThanOrEqualTo(4);
            mock.clock().advance(STEP);
        }

        Service done = service();
        assertThat(done.deployments()).singleElement().satisfies(d -> {
            assertThat(d.taskDefinition()).endsWith("task-definition/worker:2");
            assertThat(d.runningCount()).isEqualTo(4);
        });
        assertThat(seen).as("healthy/placed at each step").contains("2/4");
        // Waiting for stopped tasks to wind down is the deployment working, not a configuration that blocks it.
        assertThat(done.events()).extracting(e -> e.message())
                .noneMatch(message -> message.contains("because of the service deployment configuration"));
    }

    /** Every task the service has now or has had and not yet forgotten, whatever its status. */
    private List<Task> tasksOfTheService() {
        List<String> arns = new ArrayList<>(ecs.listTasks(r -> r.cluster("dev").serviceName("workers")).taskArns());
        arns.addAll(ecs.listTasks(r -> r.cluster("dev").serviceName("workers").desiredStatus("STOPPED")).taskArns());
        return arns.isEmpty() ? List.of() : ecs.describeTasks(r -> r.cluster("dev").tasks(arns)).tasks();
    }

    @Test
    void aRollingDeploymentGoesThroughTwoDeploymentsBackToOne() {
        Service created = ecs.createService(r -> r.cluster("dev").serviceName("workers").taskDefinition("worker")
                .desiredCount(2).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0a1b2c3d4e5f60718")))).service();
        assertThat(created.runningCount()).isZero();
        assertThat(created.pendingCount()).isEqualTo(2);
        assertThat(created.deployments()).singleElement().satisfies(d -> assertThat(d.rolloutStateAsString()).isEqualTo("IN_PROGRESS"));

        mock.clock().advance(STEP.multipliedBy(3));
        Service steady = service();
        assertThat(steady.runningCount()).isEqualTo(2);
        Deployment first = steady.deployments().get(0);
        assertThat(first.rolloutStateAsString()).isEqualTo("COMPLETED");
        assertThat(steady.events().get(0).message()).isEqualTo("(service workers) has reached a steady state.");

        register("worker:2.0");
        Service updated = ecs.updateService(r -> r.cluster("dev").service("workers").taskDefinition("worker:2")).service();
        assertThat(updated.deployments()).extracting(Deployment::status).containsExactly("PRIMARY", "ACTIVE");
        assertThat(updated.deployments().get(0).rolloutStateAsString()).isEqualTo("IN_PROGRESS");
        assertThat(updated.deployments().get(0).pendingCount()).isEqualTo(2);
        assertThat(updated.deployments().get(1).id()).isEqualTo(first.id());
        assertThat(updated.deployments().get(1).runningCount()).isEqualTo(2);

        // Three steps: the new tasks are RUNNING, and with 100 % minimum healthy the old ones are told to
        // stop: their desired count is 0 while they are still RUNNING on their way out.
        mock.clock().advance(STEP.multipliedBy(3));
        Service replacing = service();
        assertThat(replacing.deployments()).hasSize(2);
        assertThat(replacing.deployments().get(0).runningCount()).isEqualTo(2);
        assertThat(replacing.deployments().get(1).desiredCount()).isZero();
        assertThat(replacing.deployments().get(1).runningCount()).isEqualTo(2);
        assertThat(replacing.runningCount()).isEqualTo(4);
        assertThat(replacing.events().get(0).message()).startsWith("(service workers) has stopped 2 running tasks: (task ");

        // Four more: the old tasks have walked to STOPPED and the old deployment is gone.
        mock.clock().advance(STEP.multipliedBy(4));
        Service done = service();
        assertThat(done.deployments()).singleElement().satisfies(d -> {
            assertThat(d.taskDefinition()).endsWith("task-definition/worker:2");
            assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
            assertThat(d.runningCount()).isEqualTo(2);
        });
        assertThat(done.events().get(0).message()).isEqualTo("(service workers) has reached a steady state.");
        assertThat(done.events().get(1).message())
                .isEqualTo("(service workers) (deployment " + done.deployments().get(0).id() + ") deployment completed.");
    }

    @Test
    void aDeletedServiceDrainsAsItsTasksStop() {
        ecs.createService(r -> r.cluster("dev").serviceName("workers").taskDefinition("worker").desiredCount(1)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0a1b2c3d4e5f60718"))));
        mock.clock().advance(STEP.multipliedBy(3));

        assertThat(ecs.deleteService(r -> r.cluster("dev").service("workers").force(true)).service().status()).isEqualTo("DRAINING");
        mock.clock().advance(STEP); // the task DEACTIVATING
        assertThat(service().status()).isEqualTo("DRAINING");
        mock.clock().advance(STEP); // STOPPING: the service is INACTIVE, the task still winds down
        assertThat(service().status()).isEqualTo("INACTIVE");
    }
}
