package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterContainsServicesException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsTasksException;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The counters DescribeClusters shows (runningTasksCount, pendingTasksCount, activeServicesCount and
 * the STATISTICS entries), and DeleteCluster's refusals while services or tasks remain, as RunTask,
 * StopTask, CreateService and DeleteService change the cluster.
 */
class ClusterCountersTest extends EcsApiTest {
    private static final String SUBNET = "subnet-0123456789abcdef0";

    @BeforeEach
    void createClusterAndDefinitions() {
        setUp(ecs);
    }

    // ---------------------------------------------------------------- counters, immediate lifecycle

    @Test
    void newClusterCountsNothing() {
        Cluster cluster = describe(ecs);

        assertThat(cluster.runningTasksCount()).isZero();
        assertThat(cluster.pendingTasksCount()).isZero();
        assertThat(cluster.activeServicesCount()).isZero();
        assertThat(cluster.registeredContainerInstancesCount()).isZero();
    }

    @Test
    void runTaskAndStopTaskMoveTheRunningCount() {
        List<Task> tasks = runFargate(ecs, 3);
        Cluster afterRun = describe(ecs);
        assertThat(afterRun.runningTasksCount()).isEqualTo(3);
        assertThat(afterRun.pendingTasksCount()).isZero();

        ecs.stopTask(r -> r.cluster("prod").task(tasks.get(0).taskArn()));

        Cluster afterStop = describe(ecs);
        assertThat(afterStop.runningTasksCount()).isEqualTo(2);
        assertThat(afterStop.pendingTasksCount()).isZero();
    }

    @Test
    void createServiceCountsTheServiceAndItsTasks() {
        createFargateService(ecs, "web", 2);

        Cluster cluster = describe(ecs);

        assertThat(cluster.activeServicesCount()).isEqualTo(1);
        assertThat(cluster.runningTasksCount()).isEqualTo(2);
        assertThat(cluster.pendingTasksCount()).isZero();
    }

    @Test
    void serviceScalingMovesTheRunningCount() {
        createFargateService(ecs, "web", 2);

        ecs.updateService(r -> r.cluster("prod").service("web").desiredCount(5));
        assertThat(describe(ecs).runningTasksCount()).isEqualTo(5);

        ecs.updateService(r -> r.cluster("prod").service("web").desiredCount(1));
        assertThat(describe(ecs).runningTasksCount()).isEqualTo(1);
    }

    @Test
    void deletedServiceNoLongerCountsAndItsTasksStop() {
        createFargateService(ecs, "web", 2);
        createFargateService(ecs, "api", 1);

        ecs.deleteService(r -> r.cluster("prod").service("web").force(true));

        Cluster cluster = describe(ecs);
        assertThat(cluster.activeServicesCount()).isEqualTo(1);
        assertThat(cluster.runningTasksCount()).isEqualTo(1);
        assertThat(cluster.pendingTasksCount()).isZero();
    }

    @Test
    void createClusterAnswerAlsoShowsLiveCounters() {
        runFargate(ecs, 2);

        Cluster again = ecs.createCluster(r -> r.clusterName("prod")).cluster();

        assertThat(again.runningTasksCount()).isEqualTo(2);
    }

    @Test
    void countersAreKeptPerCluster() {
        ecs.createCluster(r -> r.clusterName("other"));
        runFargate(ecs, 2);

        Cluster other = ecs.describeClusters(r -> r.clusters("other")).clusters().get(0);

        assertThat(other.runningTasksCount()).isZero();
        assertThat(describe(ecs).runningTasksCount()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- STATISTICS

    @Test
    void statisticsSplitTasksAndServicesByLaunchType() {
        runFargate(ecs, 2);
        createFargateService(ecs, "web", 1);
        ecs.createService(r -> r.cluster("prod").serviceName("worker").taskDefinition("worker").desiredCount(1)
                .launchType(LaunchType.EC2));

        Map<String, String> statistics = statistics(ecs);

        assertThat(statistics).containsEntry("runningFargateTasksCount", "3")
                .containsEntry("pendingFargateTasksCount", "0")
                .containsEntry("runningEC2TasksCount", "0")
                .containsEntry("pendingEC2TasksCount", "0")
                .containsEntry("activeFargateServiceCount", "1")
                .containsEntry("activeEC2ServiceCount", "1")
                .containsEntry("drainingFargateServiceCount", "0")
                .containsEntry("drainingEC2ServiceCount", "0");
        assertThat(describe(ecs).activeServicesCount()).isEqualTo(2);
    }

    @Test
    void statisticsOfAnEmptyClusterAreAllZero() {
        Map<String, String> statistics = statistics(ecs);

        assertThat(statistics).containsKeys("runningEC2TasksCount", "runningFargateTasksCount", "pendingEC2TasksCount",
                "pendingFargateTasksCount", "activeEC2ServiceCount", "activeFargateServiceCount",
                "drainingEC2ServiceCount", "drainingFargateServiceCount");
        assertThat(statistics.values()).containsOnly("0");
    }

    @Test
    void statisticsComeOnlyWhenAsked() {
        runFargate(ecs, 1);

        assertThat(describe(ecs).statistics()).isEmpty();
    }

    // ---------------------------------------------------------------- DeleteCluster

    @Test
    void clusterWithAnActiveServiceCannotBeDeleted() {
        createFargateService(ecs, "web", 0);

        ClusterContainsServicesException e = catchThrowableOfType(ClusterContainsServicesException.class,
                () -> ecs.deleteCluster(r -> r.cluster("prod")));

        assertThat(e).isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The Cluster cannot be deleted while Services are active.");
        assertThat(describe(ecs).status()).isEqualTo("ACTIVE");
    }

    @Test
    void clusterWithARunningTaskCannotBeDeleted() {
        runFargate(ecs, 1);

        ClusterContainsTasksException e = catchThrowableOfType(ClusterContainsTasksException.class,
                () -> ecs.deleteCluster(r -> r.cluster("prod")));

        assertThat(e).isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The Cluster cannot be deleted while Tasks are active.");
        assertThat(describe(ecs).status()).isEqualTo("ACTIVE");
    }

    @Test
    void clusterCanBeDeletedOnceItsServicesAreDeletedAndItsTasksStopped() {
        createFargateService(ecs, "web", 2);
        Task task = runFargate(ecs, 1).get(0);

        ecs.deleteService(r -> r.cluster("prod").service("web").force(true));
        ClusterContainsTasksException stillRunning = catchThrowableOfType(ClusterContainsTasksException.class,
                () -> ecs.deleteCluster(r -> r.cluster("prod")));
        assertThat(stillRunning).isNotNull();

        ecs.stopTask(r -> r.cluster("prod").task(task.taskArn()));
        Cluster deleted = ecs.deleteCluster(r -> r.cluster("prod")).cluster();

        assertThat(deleted.status()).isEqualTo("INACTIVE");
        assertThat(deleted.runningTasksCount()).isZero();
        assertThat(deleted.activeServicesCount()).isZero();
    }

    // ---------------------------------------------------------------- stepped lifecycle

    /** A mock of its own under {@link Lifecycle#stepped()}: tasks are pending for three steps. */
    @Nested
    class UnderTheSteppedLifecycle extends EcsApiTest {
        @Override
        protected EcsMock.Builder configure(EcsMock.Builder builder) {
            return builder.lifecycle(Lifecycle.stepped());
        }

        @BeforeEach
        void createClusterAndDefinitions() {
            setUp(ecs);
        }

        @Test
        void runTaskIsPendingUntilItRuns() {
            runFargate(ecs, 2);

            Cluster pending = describe(ecs);
            assertThat(pending.pendingTasksCount()).isEqualTo(2);
            assertThat(pending.runningTasksCount()).isZero();
            assertThat(statistics(ecs)).containsEntry("pendingFargateTasksCount", "2")
                    .containsEntry("runningFargateTasksCount", "0");

            mock.clock().advance(Lifecycle.DEFAULT_STEP.multipliedBy(2));
            assertThat(describe(ecs).pendingTasksCount()).isEqualTo(2);

            mock.clock().advance(Lifecycle.DEFAULT_STEP);
            Cluster running = describe(ecs);
            assertThat(running.pendingTasksCount()).isZero();
            assertThat(running.runningTasksCount()).isEqualTo(2);
            assertThat(statistics(ecs)).containsEntry("pendingFargateTasksCount", "0")
                    .containsEntry("runningFargateTasksCount", "2");
        }

        @Test
        void serviceTasksArePendingThenRunning() {
            createFargateService(ecs, "web", 3);

            Cluster pending = describe(ecs);
            assertThat(pending.activeServicesCount()).isEqualTo(1);
            assertThat(pending.pendingTasksCount()).isEqualTo(3);
            assertThat(pending.runningTasksCount()).isZero();

            mock.clock().advance(Lifecycle.DEFAULT_STEP.multipliedBy(3));

            Cluster running = describe(ecs);
            assertThat(running.pendingTasksCount()).isZero();
            assertThat(running.runningTasksCount()).isEqualTo(3);
        }

        @Test
        void stoppingTaskNoLongerRunsButStillBlocksDeleteCluster() {
            Task task = runFargate(ecs, 1).get(0);
            mock.clock().advance(Lifecycle.DEFAULT_STEP.multipliedBy(3));
            assertThat(describe(ecs).runningTasksCount()).isEqualTo(1);

            Task stopping = ecs.stopTask(r -> r.cluster("prod").task(task.taskArn())).task();
            assertThat(stopping.desiredStatus()).isEqualTo("STOPPED");
            assertThat(stopping.lastStatus()).isEqualTo("RUNNING");
            mock.clock().advance(Lifecycle.DEFAULT_STEP);

            Cluster cluster = describe(ecs);
            assertThat(cluster.runningTasksCount()).isZero();
            assertThat(cluster.pendingTasksCount()).isZero();
            ClusterContainsTasksException e = catchThrowableOfType(ClusterContainsTasksException.class,
                    () -> ecs.deleteCluster(r -> r.cluster("prod")));
            assertThat(e).isNotNull();
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The Cluster cannot be deleted while Tasks are active.");

            mock.clock().advance(Lifecycle.DEFAULT_STEP.multipliedBy(3));
            assertThat(ecs.deleteCluster(r -> r.cluster("prod")).cluster().status()).isEqualTo("INACTIVE");
        }

        @Test
        void drainingServiceIsNotActiveButStillBlocksDeleteClusterUntilInactive() {
            createFargateService(ecs, "web", 1);
            mock.clock().advance(Lifecycle.DEFAULT_STEP.multipliedBy(3));
            assertThat(describe(ecs).runningTasksCount()).isEqualTo(1);

            ecs.deleteService(r -> r.cluster("prod").service("web").force(true));

            Cluster draining = describe(ecs);
            assertThat(draining.activeServicesCount()).isZero();
            assertThat(statistics(ecs)).containsEntry("activeFargateServiceCount", "0")
                    .containsEntry("drainingFargateServiceCount", "1");
            ClusterContainsServicesException e = catchThrowableOfType(ClusterContainsServicesException.class,
                    () -> ecs.deleteCluster(r -> r.cluster("prod")));
            assertThat(e).isNotNull();
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The Cluster cannot be deleted while Services are active.");

            mock.clock().advance(Lifecycle.DEFAULT_STEP.multipliedBy(4));

            assertThat(ecs.describeServices(r -> r.cluster("prod").services("web")).services().get(0).status())
                    .isEqualTo("INACTIVE");
            assertThat(statistics(ecs)).containsEntry("drainingFargateServiceCount", "0");
            Cluster cluster = describe(ecs);
            assertThat(cluster.runningTasksCount()).isZero();
            assertThat(ecs.deleteCluster(r -> r.cluster("prod")).cluster().status()).isEqualTo("INACTIVE");
        }
    }

    // ---------------------------------------------------------------- helpers (static: nested classes pass their own client)

    private static void setUp(EcsClient ecs) {
        ecs.createCluster(r -> r.clusterName("prod"));
        ecs.registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx:latest")));
        ecs.registerTaskDefinition(r -> r.family("worker")
                .containerDefinitions(c -> c.name("app").image("nginx:latest").memory(128)));
    }

    private static List<Task> runFargate(EcsClient ecs, int count) {
        return ecs.runTask(r -> r.cluster("prod").taskDefinition("web").count(count).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(SUBNET)))).tasks();
    }

    private static void createFargateService(EcsClient ecs, String name, int desiredCount) {
        ecs.createService(r -> r.cluster("prod").serviceName(name).taskDefinition("web").desiredCount(desiredCount)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(SUBNET))));
    }

    private static Cluster describe(EcsClient ecs) {
        List<Cluster> clusters = ecs.describeClusters(r -> r.clusters("prod")).clusters();
        assertThat(clusters).hasSize(1);
        return clusters.get(0);
    }

    private static Map<String, String> statistics(EcsClient ecs) {
        Cluster cluster = ecs.describeClusters(r -> r.clusters("prod").include(ClusterField.STATISTICS)).clusters().get(0);
        Map<String, String> statistics = new LinkedHashMap<>();
        for (KeyValuePair pair : cluster.statistics()) {
            statistics.put(pair.name(), pair.value());
        }
        return statistics;
    }
}
