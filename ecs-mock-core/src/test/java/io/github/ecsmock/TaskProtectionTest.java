package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.GetTaskProtectionResponse;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.ProtectedTask;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.UpdateTaskProtectionResponse;

/** GetTaskProtection, UpdateTaskProtection, and what protection does to a service's scale-in, through the real EcsClient. */
class TaskProtectionTest extends EcsApiTest {
    private static final String TASK_ARN_PREFIX = "arn:aws:ecs:us-east-1:123456789012:task/prod/";

    @BeforeEach
    void createClusterAndDefinition() {
        ecs.createCluster(r -> r.clusterName("prod"));
        ecs.registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx:latest")));
    }

    // ---------------------------------------------------------------- UpdateTaskProtection and GetTaskProtection

    @Test
    void protectionLastsTwoHoursByDefault() {
        String task = serviceTasks(createService(1)).get(0);
        Instant now = mock.clock().now();

        UpdateTaskProtectionResponse response = ecs.updateTaskProtection(r -> r.cluster("prod").tasks(task).protectionEnabled(true));

        assertThat(response.failures()).isEmpty();
        assertThat(response.protectedTasks()).containsExactly(ProtectedTask.builder()
                .taskArn(task).protectionEnabled(true).expirationDate(now.plus(Duration.ofMinutes(120))).build());
        assertThat(get(task)).isEqualTo(response.protectedTasks().get(0));
    }

    @Test
    void protectionEndsWhenItsMinutesHavePassed() {
        String task = serviceTasks(createService(1)).get(0);
        Instant now = mock.clock().now();
        ecs.updateTaskProtection(r -> r.cluster("prod").tasks(task).protectionEnabled(true).expiresInMinutes(30));

        mock.clock().advance(Duration.ofMinutes(29));
        assertThat(get(task).protectionEnabled()).isTrue();
        assertThat(get(task).expirationDate()).isEqualTo(now.plus(Duration.ofMinutes(30)));

        mock.clock().advance(Duration.ofMinutes(1));
        assertThat(get(task)).isEqualTo(ProtectedTask.builder().taskArn(task).protectionEnabled(false).build());
    }

    @Test
    void updatingAgainRestartsTheExpiry() {
        String task = serviceTasks(createService(1)).get(0);
        ecs.updateTaskProtection(r -> r.cluster("prod").tasks(task).protectionEnabled(true).expiresInMinutes(10));
        mock.clock().advance(Duration.ofMinutes(5));
        Instant now = mock.clock().now();

        ecs.updateTaskProtection(r -> r.cluster("prod").tasks(task).protectionEnabled(true).expiresInMinutes(10));

        assertThat(get(task).expirationDate()).isEqualTo(now.plus(Duration.ofMinutes(10)));
    }

    @Test
    void protectionCanBeTurnedOff() {
        String task = serviceTasks(createService(1)).get(0);
        ecs.updateTaskProtection(r -> r.cluster("prod").tasks(task).protectionEnabled(true));

        UpdateTaskProtectionResponse response = ecs.updateTaskProtection(r -> r.cluster("prod").tasks(task).protectionEnabled(false));

        assertThat(response.protectedTasks()).containsExactly(ProtectedTask.builder().taskArn(task).protectionEnabled(false).build());
        assertThat(get(task).protectionEnabled()).isFalse();
    }

    @Test
    void aTaskNeverProtectedReadsUnprotected() {
        String task = serviceTasks(createService(1)).get(0);

        assertThat(get(task)).isEqualTo(ProtectedTask.builder().taskArn(task).protectionEnabled(false).build());
    }

    @Test
    void tasksAreNamedByIdOrArnAndTheMaximumExpiryIsAccepted() {
        List<String> tasks = serviceTasks(createService(2));
        String id = tasks.get(0).substring(TASK_ARN_PREFIX.length());
        Instant now = mock.clock().now();

        UpdateTaskProtectionResponse response = ecs.updateTaskProtection(r -> r.cluster("arn:aws:ecs:us-east-1:123456789012:cluster/prod")
                .tasks(id, tasks.get(1)).protectionEnabled(true).expiresInMinutes(2880));

        assertThat(response.protectedTasks()).extracting(ProtectedTask::taskArn).containsExactlyElementsOf(tasks);
        assertThat(response.protectedTasks()).extracting(ProtectedTask::expirationDate)
                .containsOnly(now.plus(Duration.ofMinutes(2880)));
    }

    @Test
    void aStandaloneTaskIsATaskNotValidFailure() {
        String standalone = ecs.runTask(r -> r.cluster("prod").taskDefinition("web").launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))).tasks().get(0).taskArn();
        String serviceTask = serviceTasks(createService(1)).get(0);

        UpdateTaskProtectionResponse response = ecs.updateTaskProtection(r -> r.cluster("prod")
                .tasks(standalone, serviceTask).protectionEnabled(true));

        assertThat(response.failures()).containsExactly(Failure.builder().arn(standalone).reason("TASK_NOT_VALID").build());
        assertThat(response.protectedTasks()).extracting(ProtectedTask::taskArn).containsExactly(serviceTask);
        assertThat(ecs.getTaskProtection(r -> r.cluster("prod").tasks(standalone)).failures())
                .containsExactly(Failure.builder().arn(standalone).reason("TASK_NOT_VALID").build());
    }

    @Test
    void anUnknownTaskIsAMissingFailure() {
        String unknown = "0123456789abcdef0123456789abcdef";

        UpdateTaskProtectionResponse update = ecs.updateTaskProtection(r -> r.cluster("prod").tasks(unknown).protectionEnabled(true));
        GetTaskProtectionResponse get = ecs.getTaskProtection(r -> r.cluster("prod").tasks(TASK_ARN_PREFIX + unknown));

        Failure missing = Failure.builder().arn(TASK_ARN_PREFIX + unknown).reason("MISSING").build();
        assertThat(update.failures()).containsExactly(missing);
        assertThat(update.protectedTasks()).isEmpty();
        assertThat(get.failures()).containsExactly(missing);
        assertThat(get.protectedTasks()).isEmpty();
    }

    @Test
    void aTaskOfAnotherClusterIsMissing() {
        String task = serviceTasks(createService(1)).get(0);
        ecs.createCluster(r -> r.clusterName("other"));

        assertThat(ecs.getTaskProtection(r -> r.cluster("other").tasks(task)).failures())
                .containsExactly(Failure.builder().arn(task).reason("MISSING").build());
    }

    @Test
    void getWithoutTasksReportsNothing() {
        createService(1);

        GetTaskProtectionResponse response = ecs.getTaskProtection(r -> r.cluster("prod"));

        assertThat(response.protectedTasks()).isEmpty();
        assertThat(response.failures()).isEmpty();
    }

    // ---------------------------------------------------------------- errors

    @Test
    void expiryOutsideOneMinuteToTwoDaysIsRefused() {
        String task = serviceTasks(createService(1)).get(0);

        for (int minutes : new int[] {0, -5, 2881}) {
            InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                    () -> ecs.updateTaskProtection(r -> r.cluster("prod").tasks(task).protectionEnabled(true).expiresInMinutes(minutes)));
            assertThat(e).as("%d minutes", minutes).isNotNull();
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("expiresInMinutes must be between 1 and 2880.");
        }
        assertThat(get(task).protectionEnabled()).isFalse();
    }

    @Test
    void tooManyTasksAreRefused() {
        List<String> eleven = IntStream.range(0, 11).mapToObj(i -> String.format("%032x", i)).toList();
        List<String> hundredAndOne = IntStream.range(0, 101).mapToObj(i -> String.format("%032x", i)).toList();

        InvalidParameterException update = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.updateTaskProtection(r -> r.cluster("prod").tasks(eleven).protectionEnabled(true)));
        InvalidParameterException get = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.getTaskProtection(r -> r.cluster("prod").tasks(hundredAndOne)));

        assertThat(update.awsErrorDetails().errorMessage()).isEqualTo("tasks can have at most 10 items.");
        assertThat(get.awsErrorDetails().errorMessage()).isEqualTo("tasks can have at most 100 items.");
    }

    @Test
    void anUnknownClusterIsClusterNotFound() {
        ClusterNotFoundException update = catchThrowableOfType(ClusterNotFoundException.class,
                () -> ecs.updateTaskProtection(r -> r.cluster("nope").tasks("0123456789abcdef0123456789abcdef").protectionEnabled(true)));
        ClusterNotFoundException get = catchThrowableOfType(ClusterNotFoundException.class,
                () -> ecs.getTaskProtection(r -> r.cluster("nope").tasks("0123456789abcdef0123456789abcdef")));

        assertThat(update.awsErrorDetails().errorMessage()).isEqualTo("Cluster not found.");
        assertThat(get.awsErrorDetails().errorMessage()).isEqualTo("Cluster not found.");
    }

    @Test
    void requiredMembersAreRequired() {
        InvalidParameterException noCluster = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.getTaskProtection(r -> r.tasks("0123456789abcdef0123456789abcdef")));
        InvalidParameterException noTasks = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.updateTaskProtection(r -> r.cluster("prod").protectionEnabled(true)));
        InvalidParameterException noFlag = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.updateTaskProtection(r -> r.cluster("prod").tasks("0123456789abcdef0123456789abcdef")));

        assertThat(noCluster.awsErrorDetails().errorMessage()).contains("cluster");
        assertThat(noTasks.awsErrorDetails().errorMessage()).contains("tasks");
        assertThat(noFlag.awsErrorDetails().errorMessage()).contains("protectionEnabled");
    }

    // ---------------------------------------------------------------- scale-in

    @Test
    void scaleInStopsUnprotectedTasksAndKeepsProtectedOnesUntilProtectionEnds() {
        String service = createService(3);
        List<String> tasks = serviceTasks(service);
        // Scale-in takes the newest first: protect the two newest, so only the oldest may go.
        ecs.updateTaskProtection(r -> r.cluster("prod").tasks(tasks.get(1), tasks.get(2)).protectionEnabled(true).expiresInMinutes(30));

        ecs.updateService(r -> r.cluster("prod").service(service).desiredCount(1));

        assertThat(serviceTasks(service)).containsExactly(tasks.get(1), tasks.get(2));
        assertThat(stoppedTasks()).containsExactly(tasks.get(0));
        Service shown = describe(service);
        assertThat(shown.runningCount()).isEqualTo(2);
        assertThat(shown.events()).extracting(ServiceEvent::message).contains("(service web, taskSet "
                + shown.deployments().get(0).id() + ") was unable to scale in due to (reason 1 tasks under protection)");

        mock.clock().advance(Duration.ofMinutes(30));

        assertThat(serviceTasks(service)).hasSize(1);
        assertThat(stoppedTasks()).hasSize(2);
        assertThat(describe(service).runningCount()).isEqualTo(1);
    }

    @Test
    void turningProtectionOffLetsTheScaleInFinishAtOnce() {
        String service = createService(2);
        List<String> tasks = serviceTasks(service);
        ecs.updateTaskProtection(r -> r.cluster("prod").tasks(tasks).protectionEnabled(true));
        ecs.updateService(r -> r.cluster("prod").service(service).desiredCount(0));
        assertThat(serviceTasks(service)).containsExactlyElementsOf(tasks);

        ecs.updateTaskProtection(r -> r.cluster("prod").tasks(tasks.get(0)).protectionEnabled(false));

        assertThat(serviceTasks(service)).containsExactly(tasks.get(1));
        assertThat(describe(service).runningCount()).isEqualTo(1);
    }

    @Test
    void aDeploymentDoesNotReplaceAProtectedTaskUntilProtectionEnds() {
        String service = createService(1);
        String old = serviceTasks(service).get(0);
        ecs.updateTaskProtection(r -> r.cluster("prod").tasks(old).protectionEnabled(true).expiresInMinutes(15));

        ecs.updateService(r -> r.cluster("prod").service(service).forceNewDeployment(true));

        List<String> running = serviceTasks(service);
        assertThat(running).hasSize(2).contains(old);
        assertThat(describe(service).deployments()).hasSize(2);

        mock.clock().advance(Duration.ofMinutes(15));

        assertThat(serviceTasks(service)).hasSize(1).doesNotContain(old);
        assertThat(describe(service).deployments()).hasSize(1);
    }

    @Test
    void deletingTheServiceStopsProtectedTasksToo() {
        String service = createService(1);
        String task = serviceTasks(service).get(0);
        ecs.updateTaskProtection(r -> r.cluster("prod").tasks(task).protectionEnabled(true));

        ecs.deleteService(r -> r.cluster("prod").service(service).force(true));

        assertThat(ecs.describeTasks(r -> r.cluster("prod").tasks(task)).tasks().get(0).desiredStatus())
                .isEqualTo("STOPPED");
    }

    // ---------------------------------------------------------------- helpers

    private String createService(int desiredCount) {
        return ecs.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(desiredCount)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))))
                .service().serviceName();
    }

    /** The ARNs of the service's tasks meant to run, in launch order (ListTasks lists in launch order). */
    private List<String> serviceTasks(String service) {
        return ecs.listTasks(r -> r.cluster("prod").serviceName(service)).taskArns();
    }

    private List<String> stoppedTasks() {
        return ecs.listTasks(r -> r.cluster("prod").desiredStatus(DesiredStatus.STOPPED)).taskArns();
    }

    private ProtectedTask get(String task) {
        GetTaskProtectionResponse response = ecs.getTaskProtection(r -> r.cluster("prod").tasks(task));
        assertThat(response.failures()).isEmpty();
        assertThat(response.protectedTasks()).hasSize(1);
        return response.protectedTasks().get(0);
    }

    private Service describe(String service) {
        return ecs.describeServices(r -> r.cluster("prod").services(service)).services().get(0);
    }
}
