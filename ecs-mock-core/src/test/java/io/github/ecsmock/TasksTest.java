package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.PlacementConstraintType;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PropagateTags;
import software.amazon.awssdk.services.ecs.model.PlatformUnknownException;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/** RunTask, StopTask, DescribeTasks and ListTasks through the real EcsClient. */
class TasksTest extends EcsApiTest {
    private static final String PREFIX = "arn:aws:ecs:us-east-1:123456789012:";
    private static final String CLUSTER_ARN = PREFIX + "cluster/prod";
    private static final String TASK_ARN_PREFIX = PREFIX + "task/prod/";
    private static final String TD_ARN_PREFIX = PREFIX + "task-definition/";
    private static final String TASK_ARN = "arn:aws:ecs:us-east-1:123456789012:task/prod/[0-9a-f]{32}";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String SUBNET = "subnet-0123456789abcdef0";

    @BeforeEach
    void createCluster() {
        ecs.createCluster(r -> r.clusterName("prod"));
    }

    // ---------------------------------------------------------------- RunTask: the answer

    @Test
    void runTaskAnswersWithARunningFargateTask() {
        registerFargate("web");

        RunTaskResponse response = ecs.runTask(fargateTask("web"));

        assertThat(response.failures()).isEmpty();
        assertThat(response.tasks()).hasSize(1);
        Task task = response.tasks().get(0);
        assertThat(task.taskArn()).matches(TASK_ARN);
        assertThat(task.clusterArn()).isEqualTo(CLUSTER_ARN);
        assertThat(task.taskDefinitionArn()).isEqualTo(TD_ARN_PREFIX + "web:1");
        assertThat(task.lastStatus()).isEqualTo("RUNNING");
        assertThat(task.desiredStatus()).isEqualTo("RUNNING");
        assertThat(task.group()).isEqualTo("family:web");
        assertThat(task.startedBy()).isNull();
        assertThat(task.launchType()).isEqualTo(LaunchType.FARGATE);
        assertThat(task.capacityProviderName()).isNull();
        assertThat(task.platformVersion()).isEqualTo("1.4.0");
        assertThat(task.platformFamily()).isEqualTo("Linux");
        assertThat(task.cpu()).isEqualTo("256");
        assertThat(task.memory()).isEqualTo("512");
        assertThat(task.ephemeralStorage().sizeInGiB()).isEqualTo(20);
        assertThat(task.fargateEphemeralStorage().sizeInGiB()).isEqualTo(20);
        assertThat(task.fargateEphemeralStorage().kmsKeyId()).isNull();
        assertThat(task.availabilityZone()).startsWith("us-east-1").hasSize("us-east-1".length() + 1);
        assertThat(task.enableExecuteCommand()).isFalse();
        assertThat(task.createdAt()).isEqualTo(mock.clock().now());
        assertThat(task.startedAt()).isEqualTo(mock.clock().now());
        assertThat(task.connectivityAsString()).isEqualTo("CONNECTED");
        assertThat(task.version()).as("PROVISIONING 1, PENDING 2, RUNNING 3").isEqualTo(3);
        assertThat(task.attributes()).extracting(a -> a.name() + "=" + a.value()).containsExactly("ecs.cpu-architecture=x86_64");
        assertThat(task.stopCode()).isNull();
        assertThat(task.stoppedAt()).isNull();
        assertThat(task.hasTags()).isTrue();
        assertThat(task.tags()).isEmpty();
    }

    @Test
    void runTaskShowsOneContainerPerContainerDefinition() {
        registerFargateWithSidecar("web");

        Task task = ecs.runTask(fargateTask("web")).tasks().get(0);

        String taskId = idOf(task.taskArn());
        assertThat(task.containers()).extracting(Container::name).containsExactly("app", "sidecar");
        assertThat(task.containers()).extracting(Container::image).containsExactly("nginx:latest", "busybox:latest");
        assertThat(task.containers()).allSatisfy(container -> {
            assertThat(container.containerArn()).matches(PREFIX + "container/prod/" + taskId + "/" + UUID);
            assertThat(container.taskArn()).isEqualTo(task.taskArn());
            assertThat(container.lastStatus()).isEqualTo("RUNNING");
            assertThat(container.exitCode()).isNull();
            assertThat(container.networkBindings()).isEmpty();
            assertThat(container.runtimeId()).matches(taskId + "-[0-9]{10}");
        });
        assertThat(task.containers()).extracting(Container::containerArn).doesNotHaveDuplicates();
        assertThat(task.containers()).extracting(Container::runtimeId).doesNotHaveDuplicates();
        assertThat(task.overrides().containerOverrides()).containsExactly(
                ContainerOverride.builder().name("app").build(), ContainerOverride.builder().name("sidecar").build());
    }

    @Test
    void containersOfOneImageShowOneDigestAndAnImagePinnedToADigestShowsThatDigest() {
        registerFargateWithSidecar("web");
        String digest = "sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a";
        ecs.registerTaskDefinition(r -> r.family("pinned").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("public.ecr.aws/nginx/nginx@" + digest)));

        List<Task> tasks = ecs.runTask(fargateTask("web").andThen(r -> r.count(3))).tasks();
        Task pinned = ecs.runTask(fargateTask("pinned")).tasks().get(0);

        List<String> nginx = tasks.stream().map(task -> task.containers().get(0).imageDigest()).toList();
        List<String> busybox = tasks.stream().map(task -> task.containers().get(1).imageDigest()).toList();
        assertThat(nginx).hasSize(3).allMatch(d -> d.matches("sha256:[0-9a-f]{64}")).containsOnly(nginx.get(0));
        assertThat(busybox).hasSize(3).allMatch(d -> d.matches("sha256:[0-9a-f]{64}")).containsOnly(busybox.get(0));
        assertThat(nginx.get(0)).isNotEqualTo(busybox.get(0));
        assertThat(pinned.containers().get(0).imageDigest()).isEqualTo(digest);
    }

    @Test
    void awsvpcTaskCarriesAnAttachedNetworkInterface() {
        registerFargate("web");

        Task task = ecs.runTask(fargateTask("web")).tasks().get(0);

        assertThat(task.attachments()).hasSize(1);
        Attachment eni = task.attachments().get(0);
        assertThat(eni.id()).matches(UUID);
        assertThat(eni.type()).isEqualTo("ElasticNetworkInterface");
        assertThat(eni.status()).isEqualTo("ATTACHED");
        Map<String, String> details = details(eni);
        assertThat(details.keySet()).containsExactly(
                "subnetId", "networkInterfaceId", "macAddress", "privateDnsName", "privateIPv4Address");
        assertThat(details.get("subnetId")).isEqualTo(SUBNET);
        assertThat(details.get("networkInterfaceId")).matches("eni-[0-9a-f]{17}");
        assertThat(details.get("macAddress")).matches("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
        String ip = details.get("privateIPv4Address");
        assertThat(ip).matches("\\d{1,3}(\\.\\d{1,3}){3}");
        assertThat(details.get("privateDnsName")).isEqualTo("ip-" + ip.replace('.', '-') + ".ec2.internal");
        Container container = task.containers().get(0);
        assertThat(container.networkInterfaces()).hasSize(1);
        assertThat(container.networkInterfaces().get(0).attachmentId()).isEqualTo(eni.id());
        assertThat(container.networkInterfaces().get(0).privateIpv4Address()).isEqualTo(ip);
    }

    @Test
    void groupAndStartedByAreShownAsGiven() {
        registerFargate("web");

        Task task = ecs.runTask(fargateTask("web").andThen(r -> r.group("batch-jobs").startedBy("nightly-cron")))
                .tasks().get(0);

        assertThat(task.group()).isEqualTo("batch-jobs");
        assertThat(task.startedBy()).isEqualTo("nightly-cron");
    }

    @Test
    void runTaskEchoesTheGivenTags() {
        registerFargate("web");

        Task task = ecs.runTask(fargateTask("web").andThen(r -> r.tags(tag("job", "report"), tag("env", "prod"))))
                .tasks().get(0);

        assertThat(task.tags()).containsExactly(tag("job", "report"), tag("env", "prod"));
    }

    @Test
    void taskDefinitionGivenByFamilyRevisionOrArn() {
        registerFargate("web");
        registerFargate("web");

        assertThat(ecs.runTask(fargateTask("web")).tasks().get(0).taskDefinitionArn()).isEqualTo(TD_ARN_PREFIX + "web:2");
        assertThat(ecs.runTask(fargateTask("web:1")).tasks().get(0).taskDefinitionArn()).isEqualTo(TD_ARN_PREFIX + "web:1");
        assertThat(ecs.runTask(fargateTask(TD_ARN_PREFIX + "web:1")).tasks().get(0).taskDefinitionArn())
                .isEqualTo(TD_ARN_PREFIX + "web:1");
    }

    // ---------------------------------------------------------------- RunTask: count, overrides

    @Test
    void countOfTenStartsTenTasks() {
        registerFargate("web");

        RunTaskResponse response = ecs.runTask(fargateTask("web").andThen(r -> r.count(10)));

        assertThat(response.tasks()).hasSize(10).allSatisfy(task -> assertThat(task.lastStatus()).isEqualTo("RUNNING"));
        assertThat(response.tasks()).extracting(Task::taskArn).doesNotHaveDuplicates();
        assertThat(ecs.listTasks(r -> r.cluster("prod")).taskArns())
                .containsExactlyElementsOf(response.tasks().stream().map(Task::taskArn).toList());
    }

    @Test
    void countAboveTenIsRefused() {
        registerFargate("web");

        assertNotRun(InvalidParameterException.class, fargateTask("web").andThen(r -> r.count(11)),
                "Task count can not be greater than 10");
    }

    @Test
    void containerOverridesAreEchoed() {
        registerFargateWithSidecar("web");
        ContainerOverride override = ContainerOverride.builder().name("app")
                .command("sh", "-c", "echo hello")
                .environment(KeyValuePair.builder().name("MODE").value("batch").build())
                .build();

        Task task = ecs.runTask(fargateTask("web").andThen(r -> r.overrides(o -> o.containerOverrides(override))))
                .tasks().get(0);

        assertThat(task.overrides().containerOverrides()).containsExactly(
                override, ContainerOverride.builder().name("sidecar").build());
        assertThat(describeTasks(task.taskArn()).get(0).overrides().containerOverrides().get(0).command())
                .containsExactly("sh", "-c", "echo hello");
    }

    @Test
    void startedByIsTheOnlyFilterListTasksTakesWithIt() {
        registerFargate("web");
        String task = ecs.runTask(fargateTask("web").andThen(r -> r.startedBy("nightly"))).tasks().get(0).taskArn();

        for (Consumer<ListTasksRequest.Builder> combined : List.<Consumer<ListTasksRequest.Builder>>of(
                r -> r.family("web"), r -> r.launchType(LaunchType.FARGATE), r -> r.serviceName("web"),
                r -> r.containerInstance("0123456789abcdef0123456789abcdef"), r -> r.daemonName("agent"))) {
            assertError(InvalidParameterException.class,
                    () -> ecs.listTasks(combined.andThen(r -> r.cluster("prod").startedBy("nightly"))),
                    "cannot specify startedBy with other arguments");
        }
        assertThat(ecs.listTasks(r -> r.cluster("prod").startedBy("nightly")).taskArns()).containsExactly(task);
        assertThat(ecs.listTasks(r -> r.cluster("prod").startedBy("nightly").desiredStatus(DesiredStatus.RUNNING)).taskArns())
                .containsExactly(task);
    }

    @Test
    void overrideWithANegativeSizeIsRefused() {
        registerFargate("web");

        assertNotRun(InvalidParameterException.class,
                fargateTask("web").andThen(r -> r.overrides(o -> o.containerOverrides(c -> c.name("app").memory(-99_999)))),
                "Override for container named app has an invalid cpu, memory or memoryReservation.");
        assertNotRun(InvalidParameterException.class,
                fargateTask("web").andThen(r -> r.overrides(o -> o.containerOverrides(c -> c.name("app").memory(0)))),
                "Override for container named app has an invalid cpu, memory or memoryReservation.");
    }

    @Test
    void aTaskSizeOverrideIsCheckedLikeATaskDefinitionsSize() {
        registerFargate("web");

        assertNotRun(InvalidParameterException.class,
                fargateTask("web").andThen(r -> r.overrides(o -> o.cpu("abc"))), "Invalid 'cpu' setting for task.");
        assertNotRun(InvalidParameterException.class,
                fargateTask("web").andThen(r -> r.overrides(o -> o.memory("-1"))), "Invalid 'memory' setting for task.");
        assertNotRun(InvalidParameterException.class,
                fargateTask("web").andThen(r -> r.overrides(o -> o.cpu("256").memory("99999"))),
                "No Fargate configuration exists for given values: 256 CPU, 99999 memory. See the Amazon ECS documentation "
                        + "for the valid values.");

        Task bigger = ecs.runTask(fargateTask("web").andThen(r -> r.overrides(o -> o.cpu("1024").memory("2048"))))
                .tasks().get(0);
        assertThat(bigger.cpu()).isEqualTo("1024");
        assertThat(bigger.memory()).isEqualTo("2048");
    }

    @Test
    void aContainerCannotOutgrowTheTaskItsOverridesLeave() {
        ecs.registerTaskDefinition(r -> r.family("worker").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("1024")
                .containerDefinitions(c -> c.name("app").image("worker").memory(768)));

        assertNotRun(InvalidParameterException.class,
                fargateTask("worker").andThen(r -> r.overrides(o -> o.memory("512"))),
                "'memory' setting for container 'app' is greater than for task.");
        assertNotRun(InvalidParameterException.class,
                fargateTask("worker").andThen(r -> r.overrides(o -> o.containerOverrides(c -> c.name("app").memory(2048)))),
                "'memory' setting for container 'app' is greater than for task.");
    }

    @Test
    void aPlatformVersionFargateNeverHadIsUnknown() {
        registerFargate("web");

        assertNotRun(PlatformUnknownException.class, fargateTask("web").andThen(r -> r.platformVersion("1.4")),
                "The specified platform does not exist.");
        assertThat(ecs.runTask(fargateTask("web").andThen(r -> r.platformVersion("1.3.0"))).tasks().get(0).platformVersion())
                .isEqualTo("1.3.0");
    }

    @Test
    void overrideOfAnUnknownContainerIsRefused() {
        registerFargate("web");

        assertNotRun(InvalidParameterException.class,
                fargateTask("web").andThen(r -> r.overrides(o -> o.containerOverrides(c -> c.name("x").command("true")))),
                "Override for container named x is not a container in the TaskDefinition.");
    }

    // ---------------------------------------------------------------- RunTask: refusals

    @Test
    void unknownTaskDefinitionIsRefused() {
        assertNotRun(ClientException.class, fargateTask("nope"), "TaskDefinition not found.");
        registerFargate("web");
        assertNotRun(ClientException.class, fargateTask("web:5"), "TaskDefinition not found.");
    }

    @Test
    void inactiveRevisionIsRefused() {
        registerFargate("web");
        registerFargate("web");
        ecs.deregisterTaskDefinition(r -> r.taskDefinition("web:1"));

        assertNotRun(InvalidParameterException.class, fargateTask("web:1"), "TaskDefinition is inactive");
        assertThat(ecs.runTask(fargateTask("web")).tasks().get(0).taskDefinitionArn()).isEqualTo(TD_ARN_PREFIX + "web:2");
    }

    @Test
    void ec2TaskCannotBePlacedWithoutContainerInstances() {
        registerBridge("worker");

        assertNotRun(InvalidParameterException.class,
                r -> r.cluster("prod").taskDefinition("worker").launchType(LaunchType.EC2),
                "No Container Instances were found in your cluster.");
        assertNotRun(InvalidParameterException.class, r -> r.cluster("prod").taskDefinition("worker"),
                "No Container Instances were found in your cluster.");
    }

    @Test
    void fargateWithANonFargateDefinitionIsRefused() {
        registerBridge("worker");

        assertNotRun(InvalidParameterException.class,
                r -> r.cluster("prod").taskDefinition("worker").launchType(LaunchType.FARGATE),
                "Task definition does not support launch_type FARGATE.");
    }

    @Test
    void fargatePlacesTasksItselfAndRefusesPlacementConstraints() {
        registerFargate("web");

        assertNotRun(InvalidParameterException.class, fargateTask("web").andThen(r -> r.placementConstraints(
                        c -> c.type(PlacementConstraintType.DISTINCT_INSTANCE))),
                "Placement constraints are not supported with FARGATE launch type.");
        assertThat(ecs.runTask(fargateTask("web")).tasks()).hasSize(1);
    }

    @Test
    void runTaskInAnUnknownClusterIsClusterNotFound() {
        registerFargate("web");

        assertError(ClusterNotFoundException.class, () -> ecs.runTask(fargateTask("web").andThen(r -> r.cluster("nope"))),
                "Cluster not found.");
    }

    @Test
    void withoutAClusterRunTaskUsesTheDefaultCluster() {
        registerFargate("web");

        assertError(ClusterNotFoundException.class,
                () -> ecs.runTask(fargateTask("web").andThen(r -> r.cluster(null))), "Cluster not found.");

        ecs.createCluster(r -> r.clusterName("default"));
        Task task = ecs.runTask(fargateTask("web").andThen(r -> r.cluster(null))).tasks().get(0);
        assertThat(task.clusterArn()).isEqualTo(PREFIX + "cluster/default");
        assertThat(task.taskArn()).startsWith(PREFIX + "task/default/");
        assertThat(ecs.listTasks(r -> { }).taskArns()).containsExactly(task.taskArn());
    }

    @Test
    void awsvpcTaskWithoutNetworkConfigurationIsAcceptedByTheDefaultProfile() {
        registerFargate("web");

        Task task = ecs.runTask(r -> r.cluster("prod").taskDefinition("web").launchType(LaunchType.FARGATE)).tasks().get(0);

        assertThat(task.lastStatus()).isEqualTo("RUNNING");
        assertThat(details(task.attachments().get(0)).get("subnetId")).matches("subnet-[0-9a-f]{17}");
    }

    // ---------------------------------------------------------------- RunTask: tags

    @Test
    void propagateTagsTaskDefinitionCopiesTheDefinitionTags() {
        ecs.registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512").tags(tag("team", "payments"))
                .containerDefinitions(c -> c.name("app").image("nginx:latest")));

        Task task = ecs.runTask(fargateTask("web").andThen(r -> r.propagateTags(PropagateTags.TASK_DEFINITION)
                .tags(tag("job", "report")))).tasks().get(0);

        assertThat(describeTasksWithTags(task.taskArn()).tags()).containsExactlyInAnyOrder(tag("job", "report"), tag("team", "payments"));
    }

    @Test
    void withoutPropagateTagsTheDefinitionTagsAreNotCopied() {
        ecs.registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512").tags(tag("team", "payments"))
                .containerDefinitions(c -> c.name("app").image("nginx:latest")));

        Task task = ecs.runTask(fargateTask("web")).tasks().get(0);

        assertThat(describeTasksWithTags(task.taskArn()).tags()).isEmpty();
    }

    @Test
    void enableEcsManagedTagsAddsTheClusterName() {
        registerFargate("web");

        Task task = ecs.runTask(fargateTask("web").andThen(r -> r.enableECSManagedTags(true))).tasks().get(0);

        assertThat(describeTasksWithTags(task.taskArn()).tags()).containsExactly(tag("aws:ecs:clusterName", "prod"));
    }

    // ---------------------------------------------------------------- StopTask

    @Test
    void stopTaskAnswersWithTheTaskStopped() {
        registerFargate("web");
        Task running = runOne();
        mock.clock().advance(Duration.ofMinutes(5));
        Instant now = mock.clock().now();

        Task stopped = ecs.stopTask(r -> r.cluster("prod").task(running.taskArn())).task();

        assertThat(stopped.taskArn()).isEqualTo(running.taskArn());
        assertThat(stopped.desiredStatus()).isEqualTo("STOPPED");
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
        assertThat(stopped.stoppedReason()).isEqualTo("Task stopped by user");
        assertThat(stopped.stoppingAt()).isEqualTo(now);
        assertThat(stopped.executionStoppedAt()).isEqualTo(now);
        assertThat(stopped.stoppedAt()).isEqualTo(now);
        assertThat(stopped.createdAt()).isEqualTo(running.createdAt());
        assertThat(stopped.version()).isGreaterThan(running.version());
        assertThat(stopped.containers()).hasSize(1).allSatisfy(container -> {
            assertThat(container.lastStatus()).isEqualTo("STOPPED");
            assertThat(container.exitCode()).isZero();
        });
        assertThat(stopped.attachments()).singleElement().satisfies(eni -> assertThat(eni.status()).isEqualTo("DELETED"));
    }

    @Test
    void stopTaskKeepsTheGivenReason() {
        registerFargate("web");
        Task running = runOne();

        Task stopped = ecs.stopTask(r -> r.cluster("prod").task(running.taskArn()).reason("Deploy finished")).task();

        assertThat(stopped.stoppedReason()).isEqualTo("Deploy finished");
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
    }

    @Test
    void stopTaskByIdOrArn() {
        registerFargate("web");
        Task first = runOne();
        Task second = runOne();

        Task byId = ecs.stopTask(r -> r.cluster("prod").task(idOf(first.taskArn()))).task();
        Task byArn = ecs.stopTask(r -> r.cluster(CLUSTER_ARN).task(second.taskArn())).task();

        assertThat(byId.taskArn()).isEqualTo(first.taskArn());
        assertThat(byId.lastStatus()).isEqualTo("STOPPED");
        assertThat(byArn.taskArn()).isEqualTo(second.taskArn());
        assertThat(byArn.lastStatus()).isEqualTo("STOPPED");
        assertThat(ecs.listTasks(r -> r.cluster("prod")).taskArns()).isEmpty();
    }

    @Test
    void stopOfAnUnknownTaskIsRefused() {
        registerFargate("web");
        runOne();

        assertError(InvalidParameterException.class,
                () -> ecs.stopTask(r -> r.cluster("prod").task("0123456789abcdef0123456789abcdef")),
                "The referenced task was not found.");
        assertError(InvalidParameterException.class,
                () -> ecs.stopTask(r -> r.cluster("prod").task(TASK_ARN_PREFIX + "0123456789abcdef0123456789abcdef")),
                "The referenced task was not found.");
        assertThat(ecs.listTasks(r -> r.cluster("prod")).taskArns()).hasSize(1);
    }

    @Test
    void taskOfAnotherClusterIsNotFound() {
        ecs.createCluster(r -> r.clusterName("other"));
        registerFargate("web");
        Task task = runOne();

        assertError(InvalidParameterException.class, () -> ecs.stopTask(r -> r.cluster("other").task(idOf(task.taskArn()))),
                "The referenced task was not found.");
        assertError(InvalidParameterException.class, () -> ecs.stopTask(r -> r.cluster("other").task(task.taskArn())),
                "The referenced task was not found.");
        assertThat(describeTasks(task.taskArn()).get(0).lastStatus()).isEqualTo("RUNNING");
    }

    @Test
    void stoppingAStoppedTaskAgainReturnsItUnchanged() {
        registerFargate("web");
        Task running = runOne();
        Task first = ecs.stopTask(r -> r.cluster("prod").task(running.taskArn()).reason("first")).task();
        mock.clock().advance(Duration.ofMinutes(2));

        Task again = ecs.stopTask(r -> r.cluster("prod").task(running.taskArn()).reason("second")).task();

        assertThat(again).isEqualTo(first);
        assertThat(again.stoppedReason()).isEqualTo("first");
    }

    // ---------------------------------------------------------------- DescribeTasks

    @Test
    void describeTasksByIdAndByArn() {
        registerFargate("web");
        Task first = runOne();
        Task second = runOne();

        DescribeTasksResponse response = ecs.describeTasks(r -> r.cluster("prod")
                .tasks(idOf(first.taskArn()), second.taskArn()));

        assertThat(response.tasks()).extracting(Task::taskArn).containsExactly(first.taskArn(), second.taskArn());
        assertThat(response.tasks().get(0)).isEqualTo(first);
        assertThat(response.failures()).isEmpty();
    }

    @Test
    void describeUnknownTaskReportsItMissingWithTheFullArn() {
        registerFargate("web");
        Task task = runOne();
        String unknown = "0123456789abcdef0123456789abcdef";

        DescribeTasksResponse response = ecs.describeTasks(r -> r.cluster("prod").tasks(task.taskArn(), unknown));

        assertThat(response.tasks()).extracting(Task::taskArn).containsExactly(task.taskArn());
        assertThat(response.failures()).containsExactly(
                Failure.builder().arn(TASK_ARN_PREFIX + unknown).reason("MISSING").build());
    }

    @Test
    void describeWithoutTasksIsRefused() {
        assertError(InvalidParameterException.class, () -> ecs.describeTasks(r -> r.cluster("prod").tasks(List.of())),
                "Tasks cannot be empty.");
    }

    @Test
    void describeOfMoreThan100TasksIsRefused() {
        List<String> ids = IntStream.range(0, 101).mapToObj(i -> String.format("%032x", i)).toList();

        assertError(InvalidParameterException.class, () -> ecs.describeTasks(r -> r.cluster("prod").tasks(ids)),
                "taskIds can have at most 100 items.");
        assertThat(ecs.describeTasks(r -> r.cluster("prod").tasks(ids.subList(0, 100))).failures()).hasSize(100);
    }

    @Test
    void describeTasksShowsTagsOnlyWhenAsked() {
        registerFargate("web");
        Task task = ecs.runTask(fargateTask("web").andThen(r -> r.tags(tag("job", "report")))).tasks().get(0);

        assertThat(describeTasks(task.taskArn()).get(0).tags()).isEmpty();
        assertThat(describeTasksWithTags(task.taskArn()).tags()).containsExactly(tag("job", "report"));
    }

    @Test
    void stoppedTaskStaysDescribableForAnHourOfMockTime() {
        registerFargate("web");
        Task task = runOne();
        ecs.stopTask(r -> r.cluster("prod").task(task.taskArn()));

        mock.clock().advance(Duration.ofMinutes(59));
        assertThat(describeTasks(task.taskArn())).extracting(Task::lastStatus).containsExactly("STOPPED");
        assertThat(ecs.listTasks(r -> r.cluster("prod").desiredStatus(DesiredStatus.STOPPED)).taskArns())
                .containsExactly(task.taskArn());

        mock.clock().advance(Duration.ofMinutes(1));
        DescribeTasksResponse response = ecs.describeTasks(r -> r.cluster("prod").tasks(task.taskArn()));
        assertThat(response.tasks()).isEmpty();
        assertThat(response.failures()).containsExactly(Failure.builder().arn(task.taskArn()).reason("MISSING").build());
        assertThat(ecs.listTasks(r -> r.cluster("prod").desiredStatus(DesiredStatus.STOPPED)).taskArns()).isEmpty();
    }

    @Test
    void runningTaskDoesNotExpire() {
        registerFargate("web");
        Task task = runOne();

        mock.clock().advance(Duration.ofDays(2));

        assertThat(describeTasks(task.taskArn())).extracting(Task::lastStatus).containsExactly("RUNNING");
    }

    @Test
    void describeTasksOfAnotherClusterReportsThemMissing() {
        ecs.createCluster(r -> r.clusterName("other"));
        registerFargate("web");
        Task task = runOne();

        DescribeTasksResponse response = ecs.describeTasks(r -> r.cluster("other").tasks(idOf(task.taskArn())));

        assertThat(response.tasks()).isEmpty();
        assertThat(response.failures()).containsExactly(Failure.builder()
                .arn(PREFIX + "task/other/" + idOf(task.taskArn())).reason("MISSING").build());
    }

    // ---------------------------------------------------------------- ListTasks

    @Test
    void listTasksListsRunningTasksByDefaultAndStoppedOnesOnRequest() {
        registerFargate("web");
        Task kept = runOne();
        Task stopped = runOne();
        ecs.stopTask(r -> r.cluster("prod").task(stopped.taskArn()));

        assertThat(ecs.listTasks(r -> r.cluster("prod")).taskArns()).containsExactly(kept.taskArn());
        assertThat(ecs.listTasks(r -> r.cluster("prod").desiredStatus(DesiredStatus.RUNNING)).taskArns())
                .containsExactly(kept.taskArn());
        assertThat(ecs.listTasks(r -> r.cluster("prod").desiredStatus(DesiredStatus.STOPPED)).taskArns())
                .containsExactly(stopped.taskArn());
        assertThat(ecs.listTasks(r -> r.cluster("prod").desiredStatus(DesiredStatus.PENDING)).taskArns()).isEmpty();
    }

    @Test
    void listTasksGivesLongFormatArnsInLaunchOrder() {
        registerFargate("web");
        List<String> launched = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            launched.add(runOne().taskArn());
        }

        List<String> arns = ecs.listTasks(r -> r.cluster("prod")).taskArns();

        assertThat(arns).containsExactlyElementsOf(launched).allSatisfy(arn -> assertThat(arn).matches(TASK_ARN));
    }

    @Test
    void listTasksFiltersByFamilyAndStartedBy() {
        registerFargate("web");
        registerFargate("batch");
        Task web = runOne();
        Task batch = ecs.runTask(fargateTask("batch").andThen(r -> r.startedBy("cron"))).tasks().get(0);

        assertThat(ecs.listTasks(r -> r.cluster("prod").family("web")).taskArns()).containsExactly(web.taskArn());
        assertThat(ecs.listTasks(r -> r.cluster("prod").family("batch")).taskArns()).containsExactly(batch.taskArn());
        assertThat(ecs.listTasks(r -> r.cluster("prod").family("other")).taskArns()).isEmpty();
        assertThat(ecs.listTasks(r -> r.cluster("prod").startedBy("cron")).taskArns()).containsExactly(batch.taskArn());
        assertThat(ecs.listTasks(r -> r.cluster("prod").startedBy("someone")).taskArns()).isEmpty();
    }

    @Test
    void listTasksFiltersByServiceName() {
        registerFargate("web");
        Task standalone = runOne();
        ecs.createService(r -> r.cluster("prod").serviceName("api").taskDefinition("web").desiredCount(2)
                .launchType(LaunchType.FARGATE).networkConfiguration(network()));

        List<String> serviceTasks = ecs.listTasks(r -> r.cluster("prod").serviceName("api")).taskArns();

        assertThat(serviceTasks).hasSize(2).doesNotContain(standalone.taskArn());
        assertThat(describeTasks(serviceTasks.toArray(String[]::new))).extracting(Task::group)
                .containsExactly("service:api", "service:api");
        assertThat(ecs.listTasks(r -> r.cluster("prod").serviceName(PREFIX + "service/prod/api")).taskArns())
                .containsExactlyElementsOf(serviceTasks);
        assertThat(ecs.listTasks(r -> r.cluster("prod")).taskArns()).hasSize(3);
    }

    @Test
    void listTasksOfAnUnknownServiceIsServiceNotFound() {
        assertError(ServiceNotFoundException.class, () -> ecs.listTasks(r -> r.cluster("prod").serviceName("nope")),
                "Service not found.");
    }

    @Test
    void listTasksFiltersByLaunchType() {
        registerFargate("web");
        Task task = runOne();

        assertThat(ecs.listTasks(r -> r.cluster("prod").launchType(LaunchType.FARGATE)).taskArns())
                .containsExactly(task.taskArn());
        assertThat(ecs.listTasks(r -> r.cluster("prod").launchType(LaunchType.EC2)).taskArns()).isEmpty();
    }

    @Test
    void listTasksWithAnInvalidFamilyIsRefused() {
        assertError(InvalidParameterException.class, () -> ecs.listTasks(r -> r.cluster("prod").family("web:1")),
                "family must match ^[a-zA-Z0-9\\-_]+$");
    }

    @Test
    void listTasksPagesWithMaxResults() {
        registerFargate("web");
        List<String> launched = ecs.runTask(fargateTask("web").andThen(r -> r.count(5))).tasks().stream()
                .map(Task::taskArn).toList();

        ListTasksResponse first = ecs.listTasks(r -> r.cluster("prod").maxResults(2));
        ListTasksResponse second = ecs.listTasks(r -> r.cluster("prod").maxResults(2).nextToken(first.nextToken()));
        ListTasksResponse third = ecs.listTasks(r -> r.cluster("prod").maxResults(2).nextToken(second.nextToken()));

        assertThat(first.taskArns()).containsExactlyElementsOf(launched.subList(0, 2));
        assertThat(second.taskArns()).containsExactlyElementsOf(launched.subList(2, 4));
        assertThat(third.taskArns()).containsExactlyElementsOf(launched.subList(4, 5));
        assertThat(first.nextToken()).isNotBlank();
        assertThat(third.nextToken()).isNull();
    }

    @Test
    void listTasksPaginatorIteratesAll() {
        registerFargate("web");
        List<String> launched = new ArrayList<>();
        launched.addAll(ecs.runTask(fargateTask("web").andThen(r -> r.count(10))).tasks().stream().map(Task::taskArn).toList());
        launched.addAll(ecs.runTask(fargateTask("web").andThen(r -> r.count(3))).tasks().stream().map(Task::taskArn).toList());

        List<String> all = new ArrayList<>();
        ecs.listTasksPaginator(r -> r.cluster("prod").maxResults(4)).taskArns().forEach(all::add);

        assertThat(all).containsExactlyElementsOf(launched);
    }

    @Test
    void listTasksMaxResultsAbove100IsRefused() {
        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.listTasks(r -> r.cluster("prod").maxResults(101)));

        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).contains("maxResults");
    }

    @Test
    void listTasksOfAnUnknownClusterIsClusterNotFound() {
        assertError(ClusterNotFoundException.class, () -> ecs.listTasks(r -> r.cluster("nope")), "Cluster not found.");
    }

    // ---------------------------------------------------------------- under the strict profile

    /** A mock of its own under {@link ValidationProfile#STRICT}; calls use this class's client. */
    @Nested
    class UnderTheStrictProfile extends EcsApiTest {
        @Override
        protected EcsMock.Builder configure(EcsMock.Builder builder) {
            return builder.validationProfile(ValidationProfile.STRICT);
        }

        @Test
        void awsvpcTaskWithoutNetworkConfigurationIsRefused() {
            ecs.createCluster(r -> r.clusterName("prod"));
            ecs.registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("app").image("nginx:latest")));

            InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                    () -> ecs.runTask(r -> r.cluster("prod").taskDefinition("web").launchType(LaunchType.FARGATE)));

            assertThat(e).isNotNull();
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
            assertThat(ecs.listTasks(r -> r.cluster("prod")).taskArns()).isEmpty();
            assertThat(ecs.runTask(r -> r.cluster("prod").taskDefinition("web").launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(SUBNET)))).tasks()).hasSize(1);
        }
    }

    // ---------------------------------------------------------------- helpers

    private void registerFargate(String family) {
        ecs.registerTaskDefinition(r -> r.family(family).requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx:latest")));
    }

    private void registerFargateWithSidecar(String family) {
        ecs.registerTaskDefinition(r -> r.family(family).requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx:latest"),
                        c -> c.name("sidecar").image("busybox:latest").essential(false)));
    }

    private void registerBridge(String family) {
        ecs.registerTaskDefinition(r -> r.family(family)
                .containerDefinitions(c -> c.name("app").image("nginx:latest").memory(128)));
    }

    private static NetworkConfiguration network() {
        return NetworkConfiguration.builder().awsvpcConfiguration(a -> a.subnets(SUBNET)).build();
    }

    /** RunTask of one FARGATE task of {@code taskDefinition} in cluster {@code prod}. */
    private static Consumer<RunTaskRequest.Builder> fargateTask(String taskDefinition) {
        return r -> r.cluster("prod").taskDefinition(taskDefinition).launchType(LaunchType.FARGATE)
                .networkConfiguration(network());
    }

    private Task runOne() {
        return ecs.runTask(fargateTask("web")).tasks().get(0);
    }

    private List<Task> describeTasks(String... tasks) {
        return ecs.describeTasks(r -> r.cluster("prod").tasks(tasks)).tasks();
    }

    private Task describeTasksWithTags(String task) {
        List<Task> tasks = ecs.describeTasks(r -> r.cluster("prod").tasks(task).include(TaskField.TAGS)).tasks();
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private static String idOf(String taskArn) {
        return taskArn.substring(taskArn.lastIndexOf('/') + 1);
    }

    /** The details of an attachment by name, in their order. */
    private static Map<String, String> details(Attachment attachment) {
        return attachment.details().stream().collect(Collectors.toMap(KeyValuePair::name, KeyValuePair::value,
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    /** The RunTask request fails with {@code type} and {@code message}, and no task is started. */
    private void assertNotRun(Class<? extends EcsException> type, Consumer<RunTaskRequest.Builder> request, String message) {
        assertError(type, () -> ecs.runTask(request), message);
        assertThat(ecs.listTasks(r -> r.cluster("prod")).taskArns()).isEmpty();
    }

    private static void assertError(Class<? extends EcsException> type, ThrowingCallable call, String message) {
        EcsException e = catchThrowableOfType(type, call);
        assertThat(e).as("%s: %s", type.getSimpleName(), message).isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    }
}
