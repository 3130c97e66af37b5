package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.ecsmock.internal.protocol.EcsProtocol;
import io.github.ecsmock.internal.protocol.ProtocolRequest;
import io.github.ecsmock.internal.protocol.ProtocolResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AccessDeniedException;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.ServerException;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * Misbehaviour on cue: errors and delays for the next calls of an operation, RunTask placing fewer
 * tasks than asked, and task definitions whose tasks fail to start (with a service's back-off and its
 * deployment circuit breaker).
 */
class FaultsTest extends EcsApiTest {
    private static final String PREFIX = "arn:aws:ecs:us-east-1:123456789012:";
    private static final String CLUSTER_ARN = PREFIX + "cluster/prod";
    private static final String SUBNET = "subnet-0123456789abcdef0";
    private static final String PULL_ERROR = "CannotPullContainerError: pull image manifest has been retried 5 time(s): "
            + "failed to resolve ref: not found";

    private EcsClient notRetrying;
    private EcsClient retrying;

    @BeforeAll
    void clients() {
        notRetrying = TestClients.notRetrying(mock);
        retrying = TestClients.retryingImmediately(mock);
    }

    @AfterAll
    void closeClients() {
        notRetrying.close();
        retrying.close();
    }

    @BeforeEach
    void createCluster() {
        ecs.createCluster(r -> r.clusterName("prod"));
    }

    // ---------------------------------------------------------------- errors

    @Test
    void anInjectedErrorReachesTheClientAsItsExceptionClassAndMessage() {
        mock.failNext("DescribeClusters").withError("AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecs:DescribeClusters");

        AccessDeniedException error = catchThrowableOfType(AccessDeniedException.class,
                () -> ecs.describeClusters(r -> r.clusters("prod")));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecs:DescribeClusters");
        assertThat(ecs.describeClusters(r -> r.clusters("prod")).clusters()).hasSize(1);
    }

    /**
     * The mock's own requests (the HTTP server's warm-up on the first start of a JVM, fixtures) leave the
     * faults to the test's calls: the warm-up's DescribeClusters took a failNext set just after start(),
     * and a delayNext moved the clock.
     */
    @Test
    void theMocksOwnRequestsLeaveInjectedFaultsToTheTest() {
        mock.failNext("DescribeClusters").withError("ClientException", "Not now.");
        mock.delayNext("DescribeClusters").by(Duration.ofHours(1));
        Instant before = mock.clock().now();

        ProtocolResponse own = mock.protocol().handleUnsigned(ProtocolRequest.post(EcsProtocol.TARGET_PREFIX + "DescribeClusters",
                null, "{\"clusters\":[\"ecs-mock-warm-up\"]}".getBytes(StandardCharsets.UTF_8)));

        assertThat(own.isError()).isFalse();
        assertThat(mock.clock().now()).isEqualTo(before);
        ClientException error = catchThrowableOfType(ClientException.class, () -> ecs.describeClusters(r -> r.clusters("prod")));
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Not now.");
        assertThat(mock.clock().now()).isEqualTo(before.plus(Duration.ofHours(1)));
    }

    @Test
    void aFaultForAnOperationEcsDoesNotHaveIsRefusedWhenItIsSet() {
        assertThatThrownBy(() -> mock.failNext("RunTasks"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No ECS operation is called RunTasks; operations are named as in X-Amz-Target, e.g. RunTask "
                        + "or DescribeServices.");
        assertThatThrownBy(() -> mock.delayNext("listClusters")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("No ECS operation is called listClusters (did you mean ListClusters?);");
    }

    /** The README's own example once did this: count() is null when the caller leaves it out. */
    @Test
    void aPredicateThatThrowsIsTheTestsMistakeAnsweredOnceAsAClientError() {
        registerFargate("web");
        mock.failNext("RunTask").matching(RunTaskRequest.class, r -> r.count() > 1).withThrottling();

        ClientException error = catchThrowableOfType(ClientException.class, () -> ecs.runTask(r -> r.cluster("prod")
                .taskDefinition("web").launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-1")))));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorMessage())
                .startsWith("ecs-mock: the matching predicate of a fault for RunTask threw java.lang.NullPointerException")
                .endsWith("; the request was not run. (Members the caller left out are null.)");
        assertThat(mock.journal().count("RunTask")).isEqualTo(1);
        assertThat(ecs.listTasks(r -> r.cluster("prod")).taskArns()).isEmpty();
    }

    @Test
    void anInjectedErrorIsAnsweredBeforeTheOperationRunsAndIsJournaled() {
        mock.failNext("CreateCluster").withError("ClientException", "Something went wrong.");

        ClientException error = catchThrowableOfType(ClientException.class, () -> ecs.createCluster(r -> r.clusterName("staging")));

        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Something went wrong.");
        assertThat(mock.view().cluster("staging")).isEmpty();
        RecordedRequest recorded = mock.journal().last("CreateCluster").orElseThrow();
        assertThat(recorded.status()).isEqualTo(400);
        assertThat(recorded.errorCode()).isEqualTo("ClientException");
    }

    @Test
    void anErrorWithAStatusOfItsOwn() {
        mock.failNext("ListClusters").withError("ServiceUnavailableException", 503, "Please slow down.");

        EcsException error = catchThrowableOfType(EcsException.class, () -> notRetrying.listClusters(r -> { }));

        assertThat(error.statusCode()).isEqualTo(503);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailableException");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Please slow down.");
    }

    @Test
    void timesSaysHowManyCallsFail() {
        mock.failNext("ListClusters").times(2).withError("ClientException", "Not now.");

        assertThatThrownBy(() -> ecs.listClusters(r -> { })).isInstanceOf(ClientException.class);
        assertThatThrownBy(() -> ecs.listClusters(r -> { })).isInstanceOf(ClientException.class);

        assertThat(ecs.listClusters(r -> { }).clusterArns()).containsExactly(CLUSTER_ARN);
    }

    @Test
    void alwaysFailsUntilTheFaultsAreCleared() {
        mock.failNext("ListClusters").always().withError("ClientException", "Not now.");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> ecs.listClusters(r -> { })).isInstanceOf(ClientException.class);
        }

        mock.clearFaults();

        assertThat(ecs.listClusters(r -> { }).clusterArns()).containsExactly(CLUSTER_ARN);
    }

    @Test
    void onlyTheNamedOperationFails() {
        mock.failNext("DeleteCluster").withError("ClientException", "Not now.");

        assertThat(ecs.listClusters(r -> { }).clusterArns()).containsExactly(CLUSTER_ARN);
        assertThat(ecs.describeClusters(r -> r.clusters("prod")).clusters()).hasSize(1);
        assertThatThrownBy(() -> ecs.deleteCluster(r -> r.cluster("prod"))).isInstanceOf(ClientException.class);
    }

    @Test
    void matchingFailsOnlyTheRequestsItMatchesAndIsUsedUpByThemAlone() {
        registerFargate("web");
        mock.failNext("RunTask").matching(RunTaskRequest.class, r -> r.count() != null && r.count() > 1)
                .withError("ClientException", "Too many at once.");

        assertThat(ecs.runTask(fargateTask("web", 1)).tasks()).hasSize(1);
        ClientException error = catchThrowableOfType(ClientException.class, () -> ecs.runTask(fargateTask("web", 2)));
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Too many at once.");

        assertThat(ecs.runTask(fargateTask("web", 2)).tasks()).hasSize(2);
        assertThat(mock.view().tasks("prod")).hasSize(3);
    }

    @Test
    void rulesForOneOperationAreUsedInTheOrderTheyWereAdded() {
        mock.failNext("ListClusters").withError("ClientException", "first");
        mock.failNext("ListClusters").withError("AccessDeniedException", "second");

        assertThat(catchThrowableOfType(ClientException.class, () -> ecs.listClusters(r -> { })).awsErrorDetails().errorMessage())
                .isEqualTo("first");
        assertThat(catchThrowableOfType(AccessDeniedException.class, () -> ecs.listClusters(r -> { })).awsErrorDetails()
                .errorMessage()).isEqualTo("second");
        assertThat(ecs.listClusters(r -> { }).clusterArns()).containsExactly(CLUSTER_ARN);
    }

    @Test
    void throttlingIsTheThrottlingExceptionAwsAnswers() {
        mock.failNext("ListClusters").withThrottling();

        EcsException error = catchThrowableOfType(EcsException.class, () -> notRetrying.listClusters(r -> { }));

        assertThat(error.isThrottlingException()).isTrue();
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
        assertThat(mock.journal().count("ListClusters")).isEqualTo(1);
    }

    @Test
    void throttledCallsAreRetriedByTheSdkAndEveryAttemptIsJournaled() {
        mock.failNext("ListClusters").times(2).withThrottling();

        assertThat(retrying.listClusters(r -> { }).clusterArns()).containsExactly(CLUSTER_ARN);

        assertThat(mock.journal().of("ListClusters")).extracting(RecordedRequest::errorCode)
                .containsExactly("ThrottlingException", "ThrottlingException", null);
    }

    /** The mock's own clients wait before a retry on the mock's clock, not in a sleep, and by the same amount every run. */
    @Test
    void theMocksClientsWaitBeforeARetryOnTheMocksClock() {
        Instant start = mock.clock().now();
        mock.failNext("ListClusters").times(2).withThrottling();
        mock.failNext("DescribeClusters").withServerError();

        assertThat(ecs.listClusters(r -> { }).clusterArns()).containsExactly(CLUSTER_ARN);
        assertThat(mock.clock().now()).isEqualTo(start.plusSeconds(3));
        assertThat(ecs.describeClusters(r -> r.clusters("prod")).clusters()).hasSize(1);
        assertThat(mock.clock().now()).isEqualTo(start.plusMillis(3_100));
        assertThat(mock.journal().of("ListClusters")).extracting(RecordedRequest::at)
                .containsExactly(start, start.plusSeconds(1), start.plusSeconds(3));
    }

    @Test
    void aServerErrorIsEcsServerException() {
        mock.failNext("DescribeClusters").withServerError();

        ServerException error = catchThrowableOfType(ServerException.class,
                () -> notRetrying.describeClusters(r -> r.clusters("prod")));

        assertThat(error.statusCode()).isEqualTo(500);
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Service Unavailable. Please try again later.");
    }

    @Test
    void serverErrorsAreRetriedByTheSdkAndEveryAttemptIsJournaled() {
        mock.failNext("DescribeClusters").times(2).withServerError();

        assertThat(retrying.describeClusters(r -> r.clusters("prod")).clusters()).hasSize(1);

        assertThat(mock.journal().of("DescribeClusters")).extracting(RecordedRequest::status).containsExactly(500, 500, 200);
    }

    @Test
    void moreFailuresThanTheSdkAttemptsReachTheCaller() {
        mock.failNext("ListClusters").times(3).withThrottling();

        EcsException error = catchThrowableOfType(EcsException.class, () -> retrying.listClusters(r -> { }));

        assertThat(error.isThrottlingException()).isTrue();
        assertThat(mock.journal().count("ListClusters")).isEqualTo(3);
        assertThat(ecs.listClusters(r -> { }).clusterArns()).containsExactly(CLUSTER_ARN);
    }

    @Test
    void aResetForgetsTheFaults() {
        mock.failNext("ListClusters").always().withError("ClientException", "Not now.");

        mock.reset();

        assertThat(ecs.listClusters(r -> { }).clusterArns()).isEmpty();
    }

    @Test
    void anInjectionIsCheckedWhenItIsAsked() {
        assertThatThrownBy(() -> mock.failNext("ListClusters").times(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("times must be at least 1: 0");
        assertThatThrownBy(() -> mock.failNext("ListClusters").withError("Moved", 302, "Elsewhere."))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("An error status is 4xx or 5xx: 302");
        assertThatThrownBy(() -> mock.delayNext("ListClusters").by(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mock.failPlacement().placing(-1)).isInstanceOf(IllegalArgumentException.class);

        assertThat(ecs.listClusters(r -> { }).clusterArns()).containsExactly(CLUSTER_ARN);
    }

    // ---------------------------------------------------------------- delays

    @Test
    void aDelayAdvancesTheMockClockBeforeTheAnswer() {
        Instant start = mock.clock().now();
        mock.delayNext("ListClusters").by(Duration.ofSeconds(10));

        ecs.listClusters(r -> { });
        assertThat(mock.clock().now()).isEqualTo(start.plusSeconds(10));
        ecs.listClusters(r -> { });
        ecs.describeClusters(r -> r.clusters("prod"));

        assertThat(mock.clock().now()).isEqualTo(start.plusSeconds(10));
        assertThat(mock.journal().of("ListClusters")).extracting(RecordedRequest::at)
                .containsExactly(start.plusSeconds(10), start.plusSeconds(10));
    }

    @Test
    void whatFallsDueDuringADelayHasHappenedWhenTheAnswerComes() {
        ecs.deleteCluster(r -> r.cluster("prod"));
        assertThat(ecs.describeClusters(r -> r.clusters("prod")).clusters())
                .singleElement().satisfies(c -> assertThat(c.status()).isEqualTo("INACTIVE"));
        mock.delayNext("DescribeClusters").by(Duration.ofHours(1));

        DescribeClustersResponse delayed = ecs.describeClusters(r -> r.clusters("prod"));

        assertThat(delayed.clusters()).isEmpty();
        assertThat(delayed.failures()).containsExactly(Failure.builder().arn(CLUSTER_ARN).reason("MISSING").build());
    }

    @Test
    void delaysCountTheirTimesAndMatchTheirRequests() {
        Instant start = mock.clock().now();
        mock.delayNext("DescribeClusters").times(2)
                .matching(DescribeClustersRequest.class, r -> r.clusters().contains("prod"))
                .by(Duration.ofSeconds(5));

        ecs.describeClusters(r -> r.clusters("other"));
        assertThat(mock.clock().now()).isEqualTo(start);
        for (int i = 0; i < 3; i++) {
            ecs.describeClusters(r -> r.clusters("prod"));
        }

        assertThat(mock.clock().now()).isEqualTo(start.plusSeconds(10));
    }

    @Test
    void aDelayedCallCanStillFail() {
        Instant start = mock.clock().now();
        mock.delayNext("ListClusters").by(Duration.ofSeconds(30));
        mock.failNext("ListClusters").withError("ClientException", "Timed out upstream.");

        assertThatThrownBy(() -> ecs.listClusters(r -> { })).isInstanceOf(ClientException.class);

        assertThat(mock.clock().now()).isEqualTo(start.plusSeconds(30));
    }

    // ---------------------------------------------------------------- placement

    @Test
    void runTaskPlacesFewerTasksAndReportsTheRestAsFailures() {
        registerFargate("web");
        mock.failPlacement().placing(1).withReason("RESOURCE:MEMORY");

        RunTaskResponse cut = ecs.runTask(fargateTask("web", 3));

        assertThat(cut.tasks()).hasSize(1);
        assertThat(cut.failures()).hasSize(2)
                .containsOnly(Failure.builder().arn(CLUSTER_ARN).reason("RESOURCE:MEMORY").build());
        assertThat(ecs.listTasks(r -> r.cluster("prod")).taskArns()).containsExactly(cut.tasks().get(0).taskArn());
        assertThat(mock.journal().last("RunTask").orElseThrow().succeeded()).isTrue();

        RunTaskResponse next = ecs.runTask(fargateTask("web", 3));
        assertThat(next.tasks()).hasSize(3);
        assertThat(next.failures()).isEmpty();
    }

    @Test
    void byDefaultNoTaskIsPlaced() {
        registerFargate("web");
        mock.failPlacement().withReason("RESOURCE:CPU");

        RunTaskResponse response = ecs.runTask(fargateTask("web", 2));

        assertThat(response.tasks()).isEmpty();
        assertThat(response.failures()).extracting(Failure::reason).containsExactly("RESOURCE:CPU", "RESOURCE:CPU");
        assertThat(mock.view().tasks("prod")).isEmpty();
    }

    @Test
    void placementFailuresCountTheirTimesAndMatchTheirRequests() {
        registerFargate("web");
        mock.failPlacement().times(2).matching(r -> "batch".equals(r.group())).withReason("AGENT");

        assertThat(ecs.runTask(fargateTask("web", 1)).failures()).isEmpty();
        for (int i = 0; i < 2; i++) {
            RunTaskResponse batch = ecs.runTask(fargateTask("web", 1).andThen(r -> r.group("batch")));
            assertThat(batch.tasks()).isEmpty();
            assertThat(batch.failures()).extracting(Failure::reason).containsExactly("AGENT");
        }

        assertThat(ecs.runTask(fargateTask("web", 1).andThen(r -> r.group("batch"))).tasks()).hasSize(1);
    }

    @Test
    void aRequestForFewerTasksThanThePlacementAllowsIsPlacedWhole() {
        registerFargate("web");
        mock.failPlacement().placing(5).withReason("RESOURCE:MEMORY");

        RunTaskResponse response = ecs.runTask(fargateTask("web", 2));

        assertThat(response.tasks()).hasSize(2);
        assertThat(response.failures()).isEmpty();
    }

    // ---------------------------------------------------------------- tasks that fail to start

    @Test
    void aTaskOfAFailingDefinitionStopsWithTaskFailedToStart() {
        registerFargate("web");
        mock.failTasksOf("web", "CannotPullContainerError: ref pull has been retried 1 time(s): not found");

        Task answered = ecs.runTask(fargateTask("web", 1)).tasks().get(0);
        Task described = describeTask(answered.taskArn());

        for (Task task : List.of(answered, described)) {
            assertThat(task.lastStatus()).isEqualTo("STOPPED");
            assertThat(task.desiredStatus()).isEqualTo("STOPPED");
            assertThat(task.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
            assertThat(task.stoppedReason()).isEqualTo("CannotPullContainerError: ref pull has been retried 1 time(s): not found");
            assertThat(task.startedAt()).isNull();
            assertThat(task.stoppedAt()).isEqualTo(mock.clock().now());
            assertThat(task.containers()).singleElement().satisfies(container -> {
                assertThat(container.lastStatus()).isEqualTo("STOPPED");
                assertThat(container.exitCode()).isNull();
                assertThat(container.reason()).isEqualTo(task.stoppedReason());
            });
        }
        assertThat(ecs.listTasks(r -> r.cluster("prod")).taskArns()).isEmpty();
        assertThat(ecs.listTasks(r -> r.cluster("prod").desiredStatus(DesiredStatus.STOPPED)).taskArns())
                .containsExactly(answered.taskArn());
    }

    @Test
    void aTaskThatWillFailToStartIsAnsweredAsStartingAndFailsAStepLater() {
        try (EcsMock stepped = EcsMock.builder().lifecycle(Lifecycle.stepped()).build();
             EcsClient client = stepped.newClient(Transport.IN_MEMORY)) {
            client.createCluster(r -> r.clusterName("prod"));
            client.registerTaskDefinition(fargateDefinition("web"));
            stepped.failTasksOf("web");

            Task answered = client.runTask(fargateTask("web", 1)).tasks().get(0);
            assertThat(answered.lastStatus()).isEqualTo("PROVISIONING");
            assertThat(answered.desiredStatus()).isEqualTo("RUNNING");
            assertThat(answered.stopCode()).isNull();
            assertThat(answered.stoppedReason()).isNull();
            assertThat(client.listTasks(r -> r.cluster("prod")).taskArns()).containsExactly(answered.taskArn());

            stepped.clock().advance(Duration.ofSeconds(5));
            Task failing = client.describeTasks(r -> r.cluster("prod").tasks(answered.taskArn())).tasks().get(0);
            assertThat(failing.desiredStatus()).isEqualTo("STOPPED");
            assertThat(failing.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
            assertThat(failing.stoppingAt()).isEqualTo(stepped.clock().now());

            stepped.clock().advance(Duration.ofSeconds(15));
            assertThat(client.describeTasks(r -> r.cluster("prod").tasks(answered.taskArn())).tasks().get(0).lastStatus())
                    .isEqualTo("STOPPED");
        }
    }

    @Test
    void byDefaultTheImageCannotBePulled() {
        registerFargate("web");
        mock.failTasksOf("web");

        Task task = ecs.runTask(fargateTask("web", 1)).tasks().get(0);

        assertThat(task.stoppedReason()).isEqualTo(PULL_ERROR);
        assertThat(task.containers()).extracting(Container::reason).containsExactly(PULL_ERROR);
    }

    @Test
    void aFamilyMeansEveryRevisionAndARevisionOrArnOnlyThatOne() {
        registerFargate("web");
        registerFargate("web");
        registerFargate("web");
        mock.failTasksOf("web:2");
        mock.failTasksOf(PREFIX + "task-definition/web:3");

        assertThat(ecs.runTask(fargateTask("web:1", 1)).tasks().get(0).lastStatus()).isEqualTo("RUNNING");
        assertThat(ecs.runTask(fargateTask("web:2", 1)).tasks().get(0).stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(ecs.runTask(fargateTask("web:3", 1)).tasks().get(0).stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);

        mock.clearFaults();
        mock.failTasksOf("web");
        assertThat(ecs.runTask(fargateTask("web:1", 1)).tasks().get(0).stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);

        mock.clearFaults();
        assertThat(ecs.runTask(fargateTask("web:2", 1)).tasks().get(0).lastStatus()).isEqualTo("RUNNING");
    }

    @Test
    void aServiceRetriesEveryThirtySecondsOfMockTimeUntilItsTasksStart() {
        registerFargate("web");
        mock.failTasksOf("web");

        Service created = ecs.createService(service("web", 2)).service();

        assertThat(created.runningCount()).isZero();
        assertThat(primary(created).failedTasks()).isEqualTo(2);
        assertThat(primary(created).rolloutStateAsString()).isEqualTo("IN_PROGRESS");
        mock.clock().advance(Duration.ofSeconds(29));
        assertThat(primary(describe()).failedTasks()).isEqualTo(2);
        mock.clock().advance(Duration.ofSeconds(1));
        assertThat(primary(describe()).failedTasks()).isEqualTo(4);
        mock.clock().advance(Duration.ofSeconds(30));
        Service failing = describe();
        assertThat(primary(failing).failedTasks()).isEqualTo(6);
        assertThat(primary(failing).rolloutStateAsString()).isEqualTo("IN_PROGRESS");
        assertThat(messages(failing)).contains("(service web) is unable to consistently start tasks successfully.");
        assertThat(ecs.listTasks(r -> r.cluster("prod").desiredStatus(DesiredStatus.STOPPED)).taskArns()).hasSize(6);

        mock.clearFaults();
        mock.clock().advance(Duration.ofSeconds(30));

        Service recovered = describe();
        assertThat(recovered.runningCount()).isEqualTo(2);
        assertThat(primary(recovered).rolloutStateAsString()).isEqualTo("COMPLETED");
        assertThat(messages(recovered).get(0)).isEqualTo("(service web) has reached a steady state.");
    }

    @Test
    void theCircuitBreakerFailsADeploymentWhoseTasksFailToStart() {
        registerFargate("web");
        registerFargate("web");
        Service created = ecs.createService(service("web:1", 2).andThen(breaker(false))).service();
        String first = primary(created).id();
        mock.failTasksOf("web:2");

        Service updating = ecs.updateService(r -> r.cluster("prod").service("web").taskDefinition("web:2")).service();
        String second = primary(updating).id();
        assertThat(primary(updating).rolloutStateAsString()).isEqualTo("IN_PROGRESS");
        assertThat(primary(updating).failedTasks()).isEqualTo(2);

        mock.clock().advance(Duration.ofSeconds(30));

        Service failed = describe();
        Deployment deployment = primary(failed);
        assertThat(deployment.id()).isEqualTo(second);
        assertThat(deployment.failedTasks()).isEqualTo(4);
        assertThat(deployment.rolloutStateAsString()).isEqualTo("FAILED");
        assertThat(deployment.rolloutStateReason()).isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
        assertThat(messages(failed)).contains("(service web) (deployment " + second + ") deployment failed: tasks failed to start.");
        assertThat(messages(failed)).noneMatch(message -> message.contains("rolling back"));
        assertThat(failed.deployments()).extracting(Deployment::id).containsExactly(second, first);
        assertThat(failed.runningCount()).isEqualTo(2);

        mock.clock().advance(Duration.ofMinutes(5));
        assertThat(primary(describe()).failedTasks()).isEqualTo(4);
        // A FAILED deployment starts nothing by design; no event blames the deployment configuration.
        assertThat(messages(describe())).noneMatch(message -> message.contains("because of the service deployment configuration"));
    }

    @ParameterizedTest(name = "desired {0}, maximumPercent {1}: FAILED at failure {2}")
    @CsvSource({"2, 150, 3", "10, 110, 5"})
    void theCircuitBreakerTripsAtHalfTheDesiredCountButNoFewerThanThree(int desired, int maximumPercent, int threshold) {
        registerFargate("web");
        registerFargate("web");
        ecs.createService(service("web:1", desired).andThen(r -> r.deploymentConfiguration(d -> d.maximumPercent(maximumPercent)
                        .deploymentCircuitBreaker(b -> b.enable(true).rollback(false)))));
        mock.failTasksOf("web:2");

        Service updating = ecs.updateService(r -> r.cluster("prod").service("web").taskDefinition("web:2")).service();

        assertThat(primary(updating).failedTasks()).isEqualTo(1);
        for (int failures = 2; failures < threshold; failures++) {
            mock.clock().advance(Duration.ofSeconds(30));
            Deployment deployment = primary(describe());
            assertThat(deployment.failedTasks()).isEqualTo(failures);
            assertThat(deployment.rolloutStateAsString()).isEqualTo("IN_PROGRESS");
        }
        mock.clock().advance(Duration.ofSeconds(30));
        Deployment deployment = primary(describe());
        assertThat(deployment.failedTasks()).isEqualTo(threshold);
        assertThat(deployment.rolloutStateAsString()).isEqualTo("FAILED");
    }

    @Test
    void theCircuitBreakerRollsBackToTheLastCompletedDeployment() {
        registerFargate("web");
        registerFargate("web");
        Service created = ecs.createService(service("web:1", 2).andThen(breaker(true))).service();
        String first = primary(created).id();
        mock.failTasksOf("web:2");
        String second = primary(ecs.updateService(r -> r.cluster("prod").service("web").taskDefinition("web:2")).service()).id();

        mock.clock().advance(Duration.ofSeconds(30));

        Service rolledBack = describe();
        assertThat(rolledBack.taskDefinition()).isEqualTo(PREFIX + "task-definition/web:1");
        assertThat(rolledBack.runningCount()).isEqualTo(2);
        assertThat(rolledBack.deployments()).singleElement().satisfies(deployment -> {
            assertThat(deployment.id()).isNotIn(first, second);
            assertThat(deployment.status()).isEqualTo("PRIMARY");
            assertThat(deployment.taskDefinition()).isEqualTo(PREFIX + "task-definition/web:1");
            assertThat(deployment.runningCount()).isEqualTo(2);
        });
        List<String> messages = messages(rolledBack);
        assertThat(messages).containsSubsequence(
                "(service web) rolling back to deployment " + first + ".",
                "(service web) (deployment " + second + ") deployment failed: tasks failed to start.");
        assertThat(mock.view().tasks("prod")).filteredOn(t -> "RUNNING".equals(t.lastStatus()))
                .extracting(Task::taskDefinitionArn).containsOnly(PREFIX + "task-definition/web:1");
    }

    @Test
    void theRollbackDeploymentSaysWhatItRollsBackToWhileItRollsOut() {
        try (EcsMock stepped = EcsMock.builder().lifecycle(Lifecycle.stepped()).build();
             EcsClient client = stepped.newClient(Transport.IN_MEMORY)) {
            client.createCluster(r -> r.clusterName("prod"));
            for (int i = 0; i < 2; i++) {
                client.registerTaskDefinition(fargateDefinition("web"));
            }
            client.createService(service("web:1", 2).andThen(breaker(true)));
            stepped.clock().advance(Duration.ofSeconds(15));
            Service steady = describe(client);
            assertThat(primary(steady).rolloutStateAsString()).isEqualTo("COMPLETED");
            String first = primary(steady).id();
            stepped.failTasksOf("web:2");
            String second = primary(client.updateService(r -> r.cluster("prod").service("web").taskDefinition("web:2"))
                    .service()).id();

            // Two tasks fail a step into their start and walk to STOPPED (20 s), 30 s of back-off, two more
            // fail the same way: the breaker trips at 70 s.
            stepped.clock().advance(Duration.ofSeconds(75));

            Service rollingBack = describe(client);
            Deployment rollback = primary(rollingBack);
            assertThat(rollback.id()).isNotIn(first, second);
            assertThat(rollback.taskDefinition()).endsWith("task-definition/web:1");
            assertThat(rollback.rolloutStateAsString()).isEqualTo("IN_PROGRESS");
            assertThat(rollback.rolloutStateReason())
                    .isEqualTo("ECS deployment circuit breaker: rolling back to deploymentId " + first + ".");
            assertThat(messages(rollingBack)).contains("(service web) rolling back to deployment " + first + ".");
            // The failed deployment stays in view while the rollback runs, so that a deployer polling its
            // own deployment sees it FAILED.
            assertThat(rollingBack.deployments()).filteredOn(d -> d.id().equals(second)).singleElement().satisfies(d -> {
                assertThat(d.status()).isEqualTo("ACTIVE");
                assertThat(d.rolloutStateAsString()).isEqualTo("FAILED");
                assertThat(d.rolloutStateReason()).isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
                assertThat(d.failedTasks()).isGreaterThanOrEqualTo(3);
                assertThat(d.runningCount()).isZero();
            });

            stepped.clock().advance(Duration.ofMinutes(2));
            Service done = describe(client);
            assertThat(done.deployments()).singleElement().satisfies(d -> {
                assertThat(d.id()).isEqualTo(rollback.id());
                assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
            });
            assertThat(done.runningCount()).isEqualTo(2);
        }
    }

    @Test
    void aFirstDeploymentHasNothingToRollBackTo() {
        registerFargate("web");
        mock.failTasksOf("web");

        ecs.createService(service("web", 1).andThen(breaker(true)));
        mock.clock().advance(Duration.ofSeconds(60));

        Service failed = describe();
        assertThat(failed.deployments()).singleElement().satisfies(d -> {
            assertThat(d.rolloutStateAsString()).isEqualTo("FAILED");
            assertThat(d.failedTasks()).isEqualTo(3);
        });
        assertThat(failed.runningCount()).isZero();
        assertThat(messages(failed)).noneMatch(message -> message.contains("rolling back"));
    }

    // ---------------------------------------------------------------- helpers

    private void registerFargate(String family) {
        ecs.registerTaskDefinition(fargateDefinition(family));
    }

    private static Consumer<software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest.Builder> fargateDefinition(
            String family) {
        return r -> r.family(family).requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx:latest"));
    }

    private static Consumer<RunTaskRequest.Builder> fargateTask(String taskDefinition, int count) {
        return r -> r.cluster("prod").taskDefinition(taskDefinition).launchType(LaunchType.FARGATE).count(count)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(SUBNET)));
    }

    private static Consumer<CreateServiceRequest.Builder> service(String taskDefinition, int desiredCount) {
        return r -> r.cluster("prod").serviceName("web").taskDefinition(taskDefinition).desiredCount(desiredCount)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(SUBNET)));
    }

    private static Consumer<CreateServiceRequest.Builder> breaker(boolean rollback) {
        return r -> r.deploymentConfiguration(d -> d.deploymentCircuitBreaker(b -> b.enable(true).rollback(rollback)));
    }

    private Task describeTask(String taskArn) {
        return ecs.describeTasks(r -> r.cluster("prod").tasks(taskArn)).tasks().get(0);
    }

    private Service describe() {
        return describe(ecs);
    }

    private static Service describe(EcsClient client) {
        return client.describeServices(r -> r.cluster("prod").services("web")).services().get(0);
    }

    private static Deployment primary(Service service) {
        Deployment deployment = service.deployments().get(0);
        assertThat(deployment.status()).isEqualTo("PRIMARY");
        return deployment;
    }

    private static List<String> messages(Service service) {
        return service.events().stream().map(ServiceEvent::message).toList();
    }
}
