package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ConflictException;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * RunTask's client token, as a batch tool uses it to launch a job exactly once: a retry with the same
 * token and request starts nothing new and answers with the first call's tasks; the same token with
 * another request is a ConflictException naming those tasks. Tokens are per cluster and kept 24 hours.
 */
class RunTaskIdempotencyTest extends EcsApiTest {
    private static final String SUBNET = "subnet-0123456789abcdef0";

    @BeforeEach
    void clusterAndDefinition() {
        ecs.createCluster(r -> r.clusterName("batch"));
        ecs.createCluster(r -> r.clusterName("other"));
        ecs.registerTaskDefinition(r -> r.family("job").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("registry.example.com/job:1")));
    }

    @Test
    void aRetryWithTheSameTokenAnswersWithTheFirstCallsTasksAndStartsNone() {
        RunTaskResponse first = ecs.runTask(job("batch", "job-2026-12-05", 2));

        RunTaskResponse retry = ecs.runTask(job("batch", "job-2026-12-05", 2));

        assertThat(arns(retry.tasks())).isEqualTo(arns(first.tasks())).hasSize(2);
        assertThat(retry.failures()).isEmpty();
        assertThat(ecs.listTasks(r -> r.cluster("batch")).taskArns()).containsExactlyInAnyOrderElementsOf(arns(first.tasks()));
    }

    @Test
    void aRetryShowsTheTasksAsTheyAreNow() {
        RunTaskResponse first = ecs.runTask(job("batch", "job-1", 1));
        ecs.stopTask(r -> r.cluster("batch").task(first.tasks().get(0).taskArn()).reason("done"));

        Task shown = ecs.runTask(job("batch", "job-1", 1)).tasks().get(0);

        assertThat(shown.taskArn()).isEqualTo(first.tasks().get(0).taskArn());
        assertThat(shown.desiredStatus()).isEqualTo(DesiredStatus.STOPPED.toString());
        assertThat(shown.stoppedReason()).isEqualTo("done");
    }

    @Test
    void theSameTokenWithAnotherRequestIsAConflictNamingTheFirstTasks() {
        RunTaskResponse first = ecs.runTask(job("batch", "job-1", 1));

        ConflictException e = catchThrowableOfType(ConflictException.class,
                () -> ecs.runTask(job("batch", "job-1", 2)));

        assertThat(e).isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.resourceIds()).isEqualTo(arns(first.tasks()));
        assertThat(e.awsErrorDetails().errorMessage()).contains("job-1").contains("different RunTask request");
        assertThat(ecs.listTasks(r -> r.cluster("batch")).taskArns()).hasSize(1);
    }

    @Test
    void aTokenIsScopedToItsCluster() {
        RunTaskResponse inBatch = ecs.runTask(job("batch", "job-1", 1));

        RunTaskResponse inOther = ecs.runTask(job("other", "job-1", 1));

        assertThat(inOther.tasks()).hasSize(1);
        assertThat(inOther.tasks().get(0).taskArn()).isNotEqualTo(inBatch.tasks().get(0).taskArn())
                .contains(":task/other/");
    }

    @Test
    void withoutATokenOfTheCallersEveryCallStartsTasks() {
        // The SDK fills in a fresh token on every call that has none.
        ecs.runTask(job("batch", null, 1));
        ecs.runTask(job("batch", null, 1));

        assertThat(ecs.listTasks(r -> r.cluster("batch")).taskArns()).hasSize(2);
    }

    @Test
    void aTokenIsForgottenAfter24Hours() {
        RunTaskResponse first = ecs.runTask(job("batch", "job-1", 1));

        mock.clock().advance(Duration.ofHours(23).plusMinutes(59));
        assertThat(arns(ecs.runTask(job("batch", "job-1", 1)).tasks())).isEqualTo(arns(first.tasks()));

        mock.clock().advance(Duration.ofMinutes(1));
        RunTaskResponse later = ecs.runTask(job("batch", "job-1", 1));
        assertThat(later.tasks()).hasSize(1);
        assertThat(later.tasks().get(0).taskArn()).isNotEqualTo(first.tasks().get(0).taskArn());
    }

    @Test
    void aRefusedCallDoesNotUseItsToken() {
        InvalidParameterException refused = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.runTask(job("batch", "job-1", 11)));
        assertThat(refused).isNotNull();

        assertThat(ecs.runTask(job("batch", "job-1", 1)).tasks()).hasSize(1);
    }

    @Test
    void aTokenLongerThan64CharactersIsRefused() {
        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.runTask(job("batch", "t".repeat(65), 1)));

        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("clientToken longer than 64.");
        assertThat(ecs.runTask(job("batch", "t".repeat(64), 1)).tasks()).hasSize(1);
    }

    @Test
    void aResetForgetsTheTokens() {
        ecs.runTask(job("batch", "job-1", 1));
        mock.reset();
        clusterAndDefinition();

        assertThat(ecs.runTask(job("batch", "job-1", 2)).tasks()).hasSize(2);
    }

    private static Consumer<RunTaskRequest.Builder> job(String cluster, String token, int count) {
        return r -> r.cluster(cluster).taskDefinition("job").count(count).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(SUBNET))).clientToken(token);
    }

    private static List<String> arns(List<Task> tasks) {
        return tasks.stream().map(Task::taskArn).toList();
    }
}
