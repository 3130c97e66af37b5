package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/**
 * {@code mock.waiter(client)}: the SDK's own waiter, whose wait between polls advances the mock's
 * clock by the waiter's poll interval (6 s for tasks, 15 s for services) instead of sleeping. Under
 * the stepped lifecycle (5 s a status here), waiting for RUNNING takes several polls and no time.
 */
@Timeout(30)
class ClockWaiterTest extends EcsApiTest {
    private static final String SUBNET = "subnet-0123456789abcdef0";

    private EcsWaiter waiter;

    @Override
    protected EcsMock.Builder configure(EcsMock.Builder builder) {
        return builder.lifecycle(Lifecycle.stepped(Duration.ofSeconds(5)));
    }

    @BeforeEach
    void clusterDefinitionAndWaiter() {
        ecs.createCluster(r -> r.clusterName("prod"));
        ecs.registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx:latest")));
        waiter = mock.waiter(ecs);
    }

    @AfterEach
    void closeWaiter() {
        waiter.close();
    }

    private Task runTask() {
        return ecs.runTask(r -> r.cluster("prod").taskDefinition("web").launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(SUBNET)))).tasks().get(0);
    }

    @Test
    void tasksRunningSucceedsAfterSeveralPollsEachSixSecondsOfMockTime() {
        Task task = runTask();
        assertThat(task.lastStatus()).isEqualTo("PROVISIONING");
        Instant start = mock.clock().now();

        WaiterResponse<DescribeTasksResponse> waited = waiter.waitUntilTasksRunning(r -> r.cluster("prod").tasks(task.taskArn()));

        // Polls at 0 s (PROVISIONING), 6 s (PENDING), 12 s (ACTIVATING) and 18 s (RUNNING, since 15 s).
        assertThat(waited.attemptsExecuted()).isEqualTo(4);
        assertThat(mock.clock().now()).isEqualTo(start.plusSeconds(6L * (waited.attemptsExecuted() - 1)));
        Task running = waited.matched().response().orElseThrow().tasks().get(0);
        assertThat(running.lastStatus()).isEqualTo("RUNNING");
        assertThat(running.startedAt()).isEqualTo(start.plusSeconds(15));
        assertThat(mock.journal().count("DescribeTasks")).isEqualTo(4);
    }

    @Test
    void tasksStoppedAdvancesTheClockTheSameWay() {
        Task task = runTask();
        mock.clock().advance(Duration.ofSeconds(15));
        ecs.stopTask(r -> r.cluster("prod").task(task.taskArn()));
        Instant start = mock.clock().now();

        WaiterResponse<DescribeTasksResponse> waited = waiter.waitUntilTasksStopped(r -> r.cluster("prod").tasks(task.taskArn()));

        // DEACTIVATING, STOPPING, DEPROVISIONING, STOPPED at 5 s steps: STOPPED from 20 s, seen at 24 s.
        assertThat(waited.attemptsExecuted()).isEqualTo(5);
        assertThat(mock.clock().now()).isEqualTo(start.plusSeconds(24));
        assertThat(waited.matched().response().orElseThrow().tasks().get(0).lastStatus()).isEqualTo("STOPPED");
    }

    @Test
    void servicesStablePollsEveryFifteenSecondsOfMockTime() {
        ecs.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(2)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(SUBNET))));
        Instant start = mock.clock().now();

        WaiterResponse<DescribeServicesResponse> waited =
                waiter.waitUntilServicesStable(r -> r.cluster("prod").services("web"));

        assertThat(waited.attemptsExecuted()).isEqualTo(2);
        assertThat(mock.clock().now()).isEqualTo(start.plusSeconds(15));
        Service service = waited.matched().response().orElseThrow().services().get(0);
        assertThat(service.runningCount()).isEqualTo(2);
    }

    @Test
    void servicesInactivePollsUntilTheTasksAreStopping() {
        ecs.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(1)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(SUBNET))));
        mock.clock().advance(Duration.ofSeconds(15));
        ecs.deleteService(r -> r.cluster("prod").service("web").force(true));
        Instant start = mock.clock().now();

        WaiterResponse<DescribeServicesResponse> waited =
                waiter.waitUntilServicesInactive(r -> r.cluster("prod").services("web"));

        // The task reaches STOPPING 10 s after the delete, and the service is INACTIVE with it: first seen
        // on the poll at 15 s.
        assertThat(waited.attemptsExecuted()).isEqualTo(2);
        assertThat(mock.clock().now()).isEqualTo(start.plusSeconds(15));
        assertThat(waited.matched().response().orElseThrow().services().get(0).status()).isEqualTo("INACTIVE");
    }

    @Test
    void aTaskThatFailsToStartEndsTheWaitAsAFailure() {
        mock.failTasksOf("web");
        Task task = runTask();
        Instant start = mock.clock().now();

        SdkClientException error = catchThrowableOfType(SdkClientException.class,
                () -> waiter.waitUntilTasksRunning(r -> r.cluster("prod").tasks(task.taskArn())));

        assertThat(error).hasMessageContaining("transitioned the waiter to failure state");
        // It fails a step into its start (5 s), then STOPPING at 10 s, DEPROVISIONING at 15 s, STOPPED at
        // 20 s: seen STOPPED on the poll at 24 s.
        assertThat(mock.clock().now()).isEqualTo(start.plusSeconds(24));
    }

    @Test
    void aMissingTaskEndsTheWaitAsAFailureAtTheFirstPoll() {
        Instant start = mock.clock().now();

        SdkClientException error = catchThrowableOfType(SdkClientException.class, () -> waiter.waitUntilTasksRunning(
                r -> r.cluster("prod").tasks("arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef")));

        assertThat(error).hasMessageContaining("transitioned the waiter to failure state");
        assertThat(mock.clock().now()).isEqualTo(start);
        assertThat(mock.journal().count("DescribeTasks")).isEqualTo(1);
    }

    @Test
    void aDrainingOrMissingServiceEndsTheStabilityWaitAsAFailure() {
        ecs.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(1)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(SUBNET))));
        ecs.deleteService(r -> r.cluster("prod").service("web").force(true));
        assertThat(ecs.describeServices(r -> r.cluster("prod").services("web")).services().get(0).status()).isEqualTo("DRAINING");

        SdkClientException draining = catchThrowableOfType(SdkClientException.class,
                () -> waiter.waitUntilServicesStable(r -> r.cluster("prod").services("web")));
        SdkClientException missing = catchThrowableOfType(SdkClientException.class,
                () -> waiter.waitUntilServicesStable(r -> r.cluster("prod").services("never-created")));

        assertThat(draining).hasMessageContaining("transitioned the waiter to failure state");
        assertThat(missing).hasMessageContaining("transitioned the waiter to failure state");
        assertThat(mock.journal().count("DescribeServices")).isEqualTo(3);
    }

    @Test
    void anOverrideKeepsItsMaximumAttemptsAndTheMockClockKeepsThePollInterval() {
        Task task = runTask();
        Instant start = mock.clock().now();
        WaiterOverrideConfiguration override = WaiterOverrideConfiguration.builder()
                .maxAttempts(2)
                .backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMinutes(10)))
                .build();

        SdkClientException error = catchThrowableOfType(SdkClientException.class,
                () -> waiter.waitUntilTasksRunning(DescribeTasksRequest.builder().cluster("prod").tasks(task.taskArn()).build(), override));

        assertThat(error).hasMessageContaining("exceeded the max retry attempts: 2");
        assertThat(mock.clock().now()).isEqualTo(start.plusSeconds(6));
        assertThat(mock.journal().count("DescribeTasks")).isEqualTo(2);
    }

    @Test
    void anOverrideWithTheOlderBackoffStrategyDoesNotSleepEither() {
        Task task = runTask();
        Instant start = mock.clock().now();
        @SuppressWarnings("deprecation")
        WaiterOverrideConfiguration override = WaiterOverrideConfiguration.builder()
                .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMinutes(10)))
                .build();

        WaiterResponse<DescribeTasksResponse> waited =
                waiter.waitUntilTasksRunning(DescribeTasksRequest.builder().cluster("prod").tasks(task.taskArn()).build(), override);

        assertThat(waited.attemptsExecuted()).isEqualTo(4);
        assertThat(mock.clock().now()).isEqualTo(start.plusSeconds(18));
    }

    @Test
    void aTaskAlreadyRunningTakesOnePollAndNoTime() {
        Task task = runTask();
        mock.clock().advance(Duration.ofSeconds(15));
        Instant start = mock.clock().now();

        WaiterResponse<DescribeTasksResponse> waited = waiter.waitUntilTasksRunning(r -> r.cluster("prod").tasks(task.taskArn()));

        assertThat(waited.attemptsExecuted()).isEqualTo(1);
        assertThat(mock.clock().now()).isEqualTo(start);
    }
}
