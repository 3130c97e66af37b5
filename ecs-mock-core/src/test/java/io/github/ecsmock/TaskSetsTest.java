package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.CreateTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.DescribeTaskSetsResponse;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Scale;
import software.amazon.awssdk.services.ecs.model.ScaleUnit;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceNotActiveException;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.StabilityStatus;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskSet;
import software.amazon.awssdk.services.ecs.model.TaskSetField;
import software.amazon.awssdk.services.ecs.model.TaskSetNotFoundException;

/**
 * CreateTaskSet, UpdateTaskSet, DeleteTaskSet, DescribeTaskSets and UpdateServicePrimaryTaskSet through
 * the real EcsClient, on services with the EXTERNAL deployment controller.
 */
class TaskSetsTest extends EcsApiTest {
    private static final String PREFIX = "arn:aws:ecs:us-east-1:123456789012:";
    private static final String SUBNET = "subnet-0123456789abcdef0";
    private static final String NOT_EXTERNAL = "Amazon ECS only supports task set management on services configured to use "
            + "external deployment controllers.";
    private static final String TASK_SET_ID = "ecs-svc/\\d{19}";

    @BeforeEach
    void clusterDefinitionsAndExternalService() {
        ecs.createCluster(r -> r.clusterName("prod"));
        registerFargate();
        registerFargate();
        createExternal("web", 4);
    }

    @org.junit.jupiter.api.AfterEach
    void theStateKeepsItsRules() {
        assertThat(mock.invariantViolations()).isEmpty();
    }

    // ---------------------------------------------------------------- CreateTaskSet

    @Test
    void createTaskSetStartsItsShareOfTheServiceTasks() {
        TaskSet taskSet = create("web:1", 50.0, r -> r.externalId("deploy-1").tags(Tag.builder().key("team").value("a").build()));

        assertThat(taskSet.id()).matches(TASK_SET_ID);
        assertThat(taskSet.taskSetArn()).isEqualTo(PREFIX + "task-set/prod/web/" + taskSet.id());
        assertThat(taskSet.serviceArn()).isEqualTo(PREFIX + "service/prod/web");
        assertThat(taskSet.clusterArn()).isEqualTo(PREFIX + "cluster/prod");
        assertThat(taskSet.externalId()).isEqualTo("deploy-1");
        assertThat(taskSet.status()).isEqualTo("ACTIVE");
        assertThat(taskSet.taskDefinition()).isEqualTo(PREFIX + "task-definition/web:1");
        assertThat(taskSet.scale()).isEqualTo(Scale.builder().value(50.0).unit(ScaleUnit.PERCENT).build());
        assertThat(taskSet.computedDesiredCount()).isEqualTo(2);
        assertThat(taskSet.runningCount()).isEqualTo(2);
        assertThat(taskSet.pendingCount()).isZero();
        assertThat(taskSet.stabilityStatus()).isEqualTo(StabilityStatus.STEADY_STATE);
        assertThat(taskSet.launchType()).isEqualTo(LaunchType.FARGATE);
        assertThat(taskSet.platformVersion()).isEqualTo("1.4.0");
        assertThat(taskSet.networkConfiguration().awsvpcConfiguration().subnets()).containsExactly(SUBNET);
        assertThat(taskSet.createdAt()).isEqualTo(mock.clock().now());
        assertThat(taskSet.tags()).containsExactly(Tag.builder().key("team").value("a").build());

        List<Task> tasks = serviceTasks();
        assertThat(tasks).hasSize(2).allSatisfy(task -> {
            assertThat(task.startedBy()).isEqualTo(taskSet.id());
            assertThat(task.group()).isEqualTo("service:web");
            assertThat(task.lastStatus()).isEqualTo("RUNNING");
        });
        assertThat(describeService().events()).extracting(software.amazon.awssdk.services.ecs.model.ServiceEvent::message)
                .anySatisfy(message -> assertThat(message).startsWith("(service web, taskSet " + taskSet.id() + ") has started 2 tasks: "))
                .contains("(service web) has reached a steady state.");
    }

    @Test
    void theComputedDesiredCountIsRoundedUp() {
        ecs.updateService(r -> r.cluster("prod").service("web").desiredCount(3));

        assertThat(create("web:1", 50.0).computedDesiredCount()).isEqualTo(2);
        assertThat(create("web:1", 10.0).computedDesiredCount()).isEqualTo(1);
        assertThat(create("web:1", 0.0).computedDesiredCount()).isZero();
        assertThat(serviceTasks()).hasSize(3);
    }

    @Test
    void withoutAScaleATaskSetRunsTheWholeDesiredCount() {
        TaskSet taskSet = ecs.createTaskSet(r -> r.cluster("prod").service("web").taskDefinition("web:1")
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(SUBNET)))).taskSet();

        assertThat(taskSet.scale()).isEqualTo(Scale.builder().value(100.0).unit(ScaleUnit.PERCENT).build());
        assertThat(taskSet.computedDesiredCount()).isEqualTo(4);
        assertThat(taskSet.runningCount()).isEqualTo(4);
    }

    @Test
    void describeServicesShowsTheTaskSetsAndCountsTheirTasks() {
        TaskSet blue = create("web:1", 100.0);
        TaskSet green = create("web:2", 25.0);

        Service service = describeService();

        assertThat(service.deploymentController().type()).isEqualTo(DeploymentControllerType.EXTERNAL);
        assertThat(service.deployments()).isEmpty();
        assertThat(service.taskSets()).extracting(TaskSet::id).containsExactly(blue.id(), green.id());
        assertThat(service.taskSets()).extracting(TaskSet::runningCount).containsExactly(4, 1);
        assertThat(service.runningCount()).isEqualTo(5);
        assertThat(service.desiredCount()).isEqualTo(4);
    }

    @Test
    void theSixthTaskSetIsRefused() {
        for (int i = 0; i < 5; i++) {
            create("web:1", 0.0);
        }

        assertError(InvalidParameterException.class, () -> create("web:1", 0.0),
                "5 deployments exist on the service. Unable to create new TaskSet since this exceeds the maximum limit.");
    }

    @Test
    void createTaskSetOfAnUnknownTaskDefinitionIsAClientException() {
        assertError(ClientException.class, () -> create("nope:1", 50.0), "TaskDefinition not found.");
    }

    @Test
    void createTaskSetChecksTheNetworkAsCreateServiceDoes() {
        assertError(InvalidParameterException.class,
                () -> ecs.createTaskSet(r -> r.cluster("prod").service("web").taskDefinition("web:1").launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(List.of())))),
                "subnets can not be empty.");
    }

    @Test
    void aScaleAboveOneHundredPercentIsRefused() {
        assertError(InvalidParameterException.class, () -> create("web:1", 150.0), "Scale value must be between 0 and 100.");
        assertError(InvalidParameterException.class, () -> create("web:1", -1.0), "Scale value must be between 0 and 100.");
    }

    // ---------------------------------------------------------------- UpdateTaskSet and the service's desired count

    @Test
    void updateTaskSetScalesItsTasksUpAndDown() {
        TaskSet taskSet = create("web:1", 25.0);

        TaskSet up = ecs.updateTaskSet(r -> r.cluster("prod").service("web").taskSet(taskSet.id())
                .scale(s -> s.value(100.0).unit(ScaleUnit.PERCENT))).taskSet();
        assertThat(up.computedDesiredCount()).isEqualTo(4);
        assertThat(up.runningCount()).isEqualTo(4);
        assertThat(serviceTasks()).hasSize(4);

        TaskSet down = ecs.updateTaskSet(r -> r.cluster("prod").service("web").taskSet(taskSet.taskSetArn())
                .scale(s -> s.value(50.0).unit(ScaleUnit.PERCENT))).taskSet();
        assertThat(down.computedDesiredCount()).isEqualTo(2);
        assertThat(down.runningCount()).isEqualTo(2);
        assertThat(serviceTasks()).hasSize(2);
    }

    @Test
    void changingTheServiceDesiredCountResizesEveryTaskSet() {
        TaskSet blue = create("web:1", 100.0);
        TaskSet green = create("web:2", 50.0);

        ecs.updateService(r -> r.cluster("prod").service("web").desiredCount(2));

        DescribeTaskSetsResponse described = ecs.describeTaskSets(r -> r.cluster("prod").service("web"));
        assertThat(described.taskSets()).extracting(TaskSet::id).containsExactly(blue.id(), green.id());
        assertThat(described.taskSets()).extracting(TaskSet::computedDesiredCount).containsExactly(2, 1);
        assertThat(described.taskSets()).extracting(TaskSet::runningCount).containsExactly(2, 1);
    }

    @Test
    void updateTaskSetOfAnUnknownTaskSetIsTaskSetNotFound() {
        assertError(TaskSetNotFoundException.class, () -> ecs.updateTaskSet(r -> r.cluster("prod").service("web")
                .taskSet("ecs-svc/1234567890123456789").scale(s -> s.value(10.0).unit(ScaleUnit.PERCENT))),
                "The specified task set does not exist.");
    }

    // ---------------------------------------------------------------- UpdateServicePrimaryTaskSet

    @Test
    void updateServicePrimaryTaskSetMovesPrimaryAndTheServiceTaskDefinition() {
        TaskSet blue = create("web:1", 100.0);
        TaskSet green = create("web:2", 100.0);

        TaskSet primary = ecs.updateServicePrimaryTaskSet(r -> r.cluster("prod").service("web").primaryTaskSet(blue.id())).taskSet();
        assertThat(primary.status()).isEqualTo("PRIMARY");
        assertThat(describeService().taskDefinition()).isEqualTo(PREFIX + "task-definition/web:1");

        ecs.updateServicePrimaryTaskSet(r -> r.cluster("prod").service("web").primaryTaskSet(green.taskSetArn()));

        Service service = describeService();
        assertThat(service.taskSets()).extracting(TaskSet::id, TaskSet::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(blue.id(), "ACTIVE"),
                        org.assertj.core.groups.Tuple.tuple(green.id(), "PRIMARY"));
        assertThat(service.taskDefinition()).isEqualTo(PREFIX + "task-definition/web:2");
    }

    @Test
    void updateServicePrimaryTaskSetOfAnUnknownTaskSetIsTaskSetNotFound() {
        assertError(TaskSetNotFoundException.class,
                () -> ecs.updateServicePrimaryTaskSet(r -> r.cluster("prod").service("web").primaryTaskSet("ecs-svc/1")),
                "The specified task set does not exist.");
    }

    // ---------------------------------------------------------------- DeleteTaskSet

    @Test
    void deleteTaskSetDrainsItsTasksAndThenItIsGone() {
        TaskSet blue = create("web:1", 100.0);
        TaskSet green = create("web:2", 50.0);

        TaskSet deleted = ecs.deleteTaskSet(r -> r.cluster("prod").service("web").taskSet(green.id()).force(true)).taskSet();

        assertThat(deleted.status()).isEqualTo("DRAINING");
        assertThat(deleted.computedDesiredCount()).isZero();
        assertThat(serviceTasks()).extracting(Task::startedBy).containsOnly(blue.id());
        DescribeTaskSetsResponse described = ecs.describeTaskSets(r -> r.cluster("prod").service("web").taskSets(green.id()));
        assertThat(described.taskSets()).isEmpty();
        assertThat(described.failures()).containsExactly(Failure.builder().arn(green.taskSetArn()).reason("MISSING").build());
    }

    @Test
    void deleteTaskSetStillScaledAboveZeroNeedsForce() {
        TaskSet taskSet = create("web:1", 50.0);

        assertError(InvalidParameterException.class,
                () -> ecs.deleteTaskSet(r -> r.cluster("prod").service("web").taskSet(taskSet.id())),
                "The task set cannot be deleted while it is scaled above 0.");
        assertThat(serviceTasks()).hasSize(2);

        ecs.updateTaskSet(r -> r.cluster("prod").service("web").taskSet(taskSet.id()).scale(s -> s.value(0.0).unit(ScaleUnit.PERCENT)));
        assertThat(ecs.deleteTaskSet(r -> r.cluster("prod").service("web").taskSet(taskSet.id())).taskSet().status())
                .isEqualTo("DRAINING");
    }

    @Test
    void deleteTaskSetOfAnUnknownTaskSetIsTaskSetNotFound() {
        assertError(TaskSetNotFoundException.class,
                () -> ecs.deleteTaskSet(r -> r.cluster("prod").service("web").taskSet("ecs-svc/1234567890123456789").force(true)),
                "The specified task set does not exist.");
    }

    @Test
    void deletingTheServiceStopsEveryTaskSetTask() {
        create("web:1", 100.0);

        assertThat(ecs.deleteService(r -> r.cluster("prod").service("web").force(true)).service().status()).isEqualTo("DRAINING");

        assertThat(describeService().status()).isEqualTo("INACTIVE");
        assertThat(serviceTasks()).isEmpty();
    }

    // ---------------------------------------------------------------- DescribeTaskSets and tags

    @Test
    void describeTaskSetsByIdOrArnReportsUnknownOnesAsMissing() {
        TaskSet blue = create("web:1", 100.0);

        DescribeTaskSetsResponse described = ecs.describeTaskSets(r -> r.cluster("prod").service("web")
                .taskSets(blue.taskSetArn(), "ecs-svc/1234567890123456789", PREFIX + "task-set/prod/web/ecs-svc/1"));

        assertThat(described.taskSets()).extracting(TaskSet::id).containsExactly(blue.id());
        assertThat(described.failures()).containsExactly(
                Failure.builder().arn(PREFIX + "task-set/prod/web/ecs-svc/1234567890123456789").reason("MISSING").build(),
                Failure.builder().arn(PREFIX + "task-set/prod/web/ecs-svc/1").reason("MISSING").build());
    }

    @Test
    void taskSetTagsAreShownOnlyWhenAskedForAndCanBeChanged() {
        TaskSet taskSet = create("web:1", 10.0, r -> r.tags(Tag.builder().key("team").value("a").build()));

        assertThat(ecs.describeTaskSets(r -> r.cluster("prod").service("web")).taskSets().get(0).tags()).isEmpty();
        ecs.tagResource(r -> r.resourceArn(taskSet.taskSetArn()).tags(Tag.builder().key("stage").value("green").build()));

        assertThat(ecs.describeTaskSets(r -> r.cluster("prod").service("web").include(TaskSetField.TAGS)).taskSets().get(0).tags())
                .containsExactlyInAnyOrder(Tag.builder().key("team").value("a").build(), Tag.builder().key("stage").value("green").build());
        assertThat(ecs.listTagsForResource(r -> r.resourceArn(taskSet.taskSetArn())).tags()).hasSize(2);
    }

    // ---------------------------------------------------------------- errors common to the five operations

    @Test
    void taskSetOperationsOnAServiceEcsDeploysAreRefused() {
        ecs.createService(r -> r.cluster("prod").serviceName("rolling").taskDefinition("web:1").desiredCount(1)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(SUBNET))));

        for (ThrowingCallable call : everyOperationOn("prod", "rolling")) {
            assertError(InvalidParameterException.class, call, NOT_EXTERNAL);
        }
    }

    @Test
    void aCodeDeployServiceStartsWithAPrimaryTaskSetThatOnlyCodeDeployChanges() {
        ecs.createService(r -> r.cluster("prod").serviceName("bluegreen").taskDefinition("web:1").desiredCount(1)
                .deploymentController(c -> c.type(DeploymentControllerType.CODE_DEPLOY))
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(SUBNET))));

        assertThat(ecs.describeTaskSets(r -> r.cluster("prod").service("bluegreen")).taskSets()).singleElement().satisfies(set -> {
            assertThat(set.status()).isEqualTo("PRIMARY");
            assertThat(set.scale()).isEqualTo(Scale.builder().value(100.0).unit(ScaleUnit.PERCENT).build());
            assertThat(set.taskDefinition()).isEqualTo(PREFIX + "task-definition/web:1");
            assertThat(set.runningCount()).isEqualTo(1);
        });
        assertThat(ecs.describeServices(r -> r.cluster("prod").services("bluegreen")).services().get(0).runningCount()).isEqualTo(1);
        assertError(InvalidParameterException.class, () -> ecs.createTaskSet(fargateTaskSet("bluegreen", "web:1", 100.0)),
                "Unable to create task sets on services with a CODE_DEPLOY deployment controller. "
                        + "Use AWS CodeDeploy to trigger a new deployment.");
    }

    @Test
    void updateServiceOfACodeDeployServiceTakesItsCountButRefusesADefinitionOrNetwork() {
        ecs.createService(r -> r.cluster("prod").serviceName("bluegreen").taskDefinition("web:1").desiredCount(1)
                .deploymentController(c -> c.type(DeploymentControllerType.CODE_DEPLOY))
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(SUBNET))));
        ecs.registerTaskDefinition(fargateDefinition());

        // Even the definition it already runs: a deployer that always sends it is refused.
        assertError(InvalidParameterException.class,
                () -> ecs.updateService(r -> r.cluster("prod").service("bluegreen").taskDefinition("web:1").desiredCount(2)),
                "Unable to update task definition on services with a CODE_DEPLOY deployment controller. "
                        + "Use AWS CodeDeploy to trigger a new deployment.");
        assertError(InvalidParameterException.class,
                () -> ecs.updateService(r -> r.cluster("prod").service("bluegreen")
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(SUBNET)))),
                "Unable to update network parameters on services with a CODE_DEPLOY deployment controller. "
                        + "Use AWS CodeDeploy to trigger a new deployment.");

        Service scaled = ecs.updateService(r -> r.cluster("prod").service("bluegreen").desiredCount(2)).service();
        assertThat(scaled.desiredCount()).isEqualTo(2);
        assertThat(scaled.taskDefinition()).isEqualTo(PREFIX + "task-definition/web:1");
    }

    @Test
    void updateServiceOfAnExternalServiceRefusesATaskDefinition() {
        createExternal("external", 1);

        assertError(InvalidParameterException.class,
                () -> ecs.updateService(r -> r.cluster("prod").service("external").taskDefinition("web:1")),
                "Unable to update task definition on services with a EXTERNAL deployment controller. "
                        + "Create a new task set to deploy it.");
    }

    @Test
    void taskSetOperationsInAnUnknownClusterAreClusterNotFound() {
        for (ThrowingCallable call : everyOperationOn("nope", "web")) {
            assertError(ClusterNotFoundException.class, call, "Cluster not found.");
        }
    }

    @Test
    void taskSetOperationsOnAnUnknownServiceAreServiceNotFound() {
        for (ThrowingCallable call : everyOperationOn("prod", "nope")) {
            assertError(ServiceNotFoundException.class, call, "Service not found.");
        }
    }

    @Test
    void taskSetOperationsOnADeletedServiceAreServiceNotActive() {
        ecs.deleteService(r -> r.cluster("prod").service("web").force(true));

        for (ThrowingCallable call : everyOperationOn("prod", "web")) {
            assertError(ServiceNotActiveException.class, call, "Service was not ACTIVE.");
        }
    }

    // ---------------------------------------------------------------- under the stepped lifecycle

    /** A mock of its own under {@link Lifecycle#stepped()}: a task set is STABILIZING until its tasks run. */
    @Nested
    class UnderTheSteppedLifecycle extends EcsApiTest {
        @Override
        protected EcsMock.Builder configure(EcsMock.Builder builder) {
            return builder.lifecycle(Lifecycle.stepped());
        }

        @Test
        void aTaskSetStabilizesAsItsTasksReachRunning() {
            ecs.createCluster(r -> r.clusterName("prod"));
            ecs.registerTaskDefinition(fargateDefinition());
            ecs.createService(r -> r.cluster("prod").serviceName("web").desiredCount(2)
                    .deploymentController(c -> c.type(DeploymentControllerType.EXTERNAL)));

            TaskSet created = ecs.createTaskSet(fargateTaskSet("web", "web:1", 100.0)).taskSet();
            assertThat(created.stabilityStatus()).isEqualTo(StabilityStatus.STABILIZING);
            assertThat(created.pendingCount()).isEqualTo(2);
            assertThat(created.runningCount()).isZero();

            mock.clock().advance(Lifecycle.DEFAULT_STEP.multipliedBy(3));

            TaskSet steady = ecs.describeTaskSets(r -> r.cluster("prod").service("web")).taskSets().get(0);
            assertThat(steady.stabilityStatus()).isEqualTo(StabilityStatus.STEADY_STATE);
            assertThat(steady.stabilityStatusAt()).isAfter(created.stabilityStatusAt());
            assertThat(steady.runningCount()).isEqualTo(2);
            assertThat(steady.pendingCount()).isZero();

            TaskSet draining = ecs.deleteTaskSet(r -> r.cluster("prod").service("web").taskSet(created.id()).force(true)).taskSet();
            assertThat(draining.status()).isEqualTo("DRAINING");
            assertThat(ecs.describeTaskSets(r -> r.cluster("prod").service("web")).taskSets()).singleElement()
                    .satisfies(set -> assertThat(set.status()).isEqualTo("DRAINING"));

            mock.clock().advance(Duration.ofMinutes(1));

            assertThat(ecs.describeTaskSets(r -> r.cluster("prod").service("web")).taskSets()).isEmpty();
        }
    }

    // ---------------------------------------------------------------- helpers

    private List<ThrowingCallable> everyOperationOn(String cluster, String service) {
        return List.of(
                () -> ecs.createTaskSet(fargateTaskSet(service, "web:1", 100.0).andThen(r -> r.cluster(cluster))),
                () -> ecs.updateTaskSet(r -> r.cluster(cluster).service(service).taskSet("ecs-svc/1234567890123456789")
                        .scale(s -> s.value(1.0).unit(ScaleUnit.PERCENT))),
                () -> ecs.deleteTaskSet(r -> r.cluster(cluster).service(service).taskSet("ecs-svc/1234567890123456789")),
                () -> ecs.describeTaskSets(r -> r.cluster(cluster).service(service)),
                () -> ecs.updateServicePrimaryTaskSet(r -> r.cluster(cluster).service(service)
                        .primaryTaskSet("ecs-svc/1234567890123456789")));
    }

    private static software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest fargateDefinition() {
        return software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest.builder().family("web")
                .requiresCompatibilities(Compatibility.FARGATE).networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx:latest")).build();
    }

    private void registerFargate() {
        ecs.registerTaskDefinition(fargateDefinition());
    }

    private void createExternal(String name, int desiredCount) {
        ecs.createService(r -> r.cluster("prod").serviceName(name).desiredCount(desiredCount)
                .deploymentController(c -> c.type(DeploymentControllerType.EXTERNAL)));
    }

    private static java.util.function.Consumer<CreateTaskSetRequest.Builder> fargateTaskSet(String service, String definition,
                                                                                           double percent) {
        return r -> r.cluster("prod").service(service).taskDefinition(definition).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(SUBNET)))
                .scale(s -> s.value(percent).unit(ScaleUnit.PERCENT));
    }

    private TaskSet create(String definition, double percent) {
        return create(definition, percent, r -> { });
    }

    private TaskSet create(String definition, double percent, java.util.function.Consumer<CreateTaskSetRequest.Builder> more) {
        return ecs.createTaskSet(fargateTaskSet("web", definition, percent).andThen(more)).taskSet();
    }

    private Service describeService() {
        return ecs.describeServices(r -> r.cluster("prod").services("web")).services().get(0);
    }

    /** The web service's tasks that are meant to run. */
    private List<Task> serviceTasks() {
        List<String> arns = ecs.listTasks(r -> r.cluster("prod").serviceName("web")).taskArns();
        return arns.isEmpty() ? List.of() : ecs.describeTasks(r -> r.cluster("prod").tasks(arns)).tasks();
    }

    private static <T extends EcsException> void assertError(Class<T> type, ThrowingCallable call, String message) {
        T error = catchThrowableOfType(type, call);
        assertThat(error).as("expected %s", type.getSimpleName()).isNotNull();
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(message);
    }
}
