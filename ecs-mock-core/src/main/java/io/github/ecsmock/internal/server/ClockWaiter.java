package io.github.ecsmock.internal.server;

import io.github.ecsmock.EcsClock;
import java.time.Duration;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonRequest;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonResponse;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/**
 * The SDK's own {@code EcsWaiter}, whose wait between polls advances the mock's clock instead of
 * sleeping. Each waiter keeps its model's poll interval (6 seconds for tasks, 15 for services and
 * daemons) and its maximum number of attempts, so the mock's time moves as it would under a real
 * wait while the test takes milliseconds.
 */
public final class ClockWaiter implements EcsWaiter {
    private static final Duration TASK_POLL = Duration.ofSeconds(6);
    private static final Duration SERVICE_POLL = Duration.ofSeconds(15);

    private final EcsClient client;
    private final EcsClock clock;
    private final EcsWaiter tasks;
    private final EcsWaiter services;

    public ClockWaiter(EcsClient client, EcsClock clock) {
        this.client = client;
        this.clock = clock;
        this.tasks = waiter(TASK_POLL);
        this.services = waiter(SERVICE_POLL);
    }

    private EcsWaiter waiter(Duration poll) {
        return EcsWaiter.builder().client(client)
                .overrideConfiguration(WaiterOverrideConfiguration.builder().backoffStrategyV2(advancing(poll)).build())
                .build();
    }

    /** A back-off that moves the mock's clock by the poll interval and lets the waiter poll at once. */
    private BackoffStrategy advancing(Duration poll) {
        return attempt -> {
            clock.advance(poll);
            return Duration.ZERO;
        };
    }

    /** A caller's override with the poll interval kept on the mock's clock. */
    private WaiterOverrideConfiguration keepClock(WaiterOverrideConfiguration override, Duration poll) {
        return override.toBuilder().backoffStrategyV2(advancing(poll)).build();
    }

    @Override
    public WaiterResponse<DescribeTasksResponse> waitUntilTasksRunning(DescribeTasksRequest request) {
        return tasks.waitUntilTasksRunning(request);
    }

    @Override
    public WaiterResponse<DescribeTasksResponse> waitUntilTasksRunning(DescribeTasksRequest request, WaiterOverrideConfiguration override) {
        return tasks.waitUntilTasksRunning(request, keepClock(override, TASK_POLL));
    }

    @Override
    public WaiterResponse<DescribeTasksResponse> waitUntilTasksStopped(DescribeTasksRequest request) {
        return tasks.waitUntilTasksStopped(request);
    }

    @Override
    public WaiterResponse<DescribeTasksResponse> waitUntilTasksStopped(DescribeTasksRequest request, WaiterOverrideConfiguration override) {
        return tasks.waitUntilTasksStopped(request, keepClock(override, TASK_POLL));
    }

    @Override
    public WaiterResponse<DescribeServicesResponse> waitUntilServicesStable(DescribeServicesRequest request) {
        return services.waitUntilServicesStable(request);
    }

    @Override
    public WaiterResponse<DescribeServicesResponse> waitUntilServicesStable(DescribeServicesRequest request,
                                                                           WaiterOverrideConfiguration override) {
        return services.waitUntilServicesStable(request, keepClock(override, SERVICE_POLL));
    }

    @Override
    public WaiterResponse<DescribeServicesResponse> waitUntilServicesInactive(DescribeServicesRequest request) {
        return services.waitUntilServicesInactive(request);
    }

    @Override
    public WaiterResponse<DescribeServicesResponse> waitUntilServicesInactive(DescribeServicesRequest request,
                                                                             WaiterOverrideConfiguration override) {
        return services.waitUntilServicesInactive(request, keepClock(override, SERVICE_POLL));
    }

    @Override
    public WaiterResponse<DescribeDaemonResponse> waitUntilDaemonActive(DescribeDaemonRequest request) {
        return services.waitUntilDaemonActive(request);
    }

    @Override
    public WaiterResponse<DescribeDaemonDeploymentsResponse> waitUntilDaemonDeploymentStopped(DescribeDaemonDeploymentsRequest request) {
        return services.waitUntilDaemonDeploymentStopped(request);
    }

    @Override
    public WaiterResponse<DescribeDaemonDeploymentsResponse> waitUntilDaemonDeploymentSuccessful(
            DescribeDaemonDeploymentsRequest request) {
        return services.waitUntilDaemonDeploymentSuccessful(request);
    }

    @Override
    public WaiterResponse<DescribeDaemonTaskDefinitionResponse> waitUntilDaemonTaskDefinitionActive(
            DescribeDaemonTaskDefinitionRequest request) {
        return services.waitUntilDaemonTaskDefinitionActive(request);
    }

    @Override
    public WaiterResponse<DescribeDaemonTaskDefinitionResponse> waitUntilDaemonTaskDefinitionDeleted(
            DescribeDaemonTaskDefinitionRequest request) {
        return services.waitUntilDaemonTaskDefinitionDeleted(request);
    }

    @Override
    public WaiterResponse<DescribeDaemonResponse> waitUntilDaemonActive(DescribeDaemonRequest request, WaiterOverrideConfiguration override) {
        return services.waitUntilDaemonActive(request, keepClock(override, SERVICE_POLL));
    }

    @Override
    public WaiterResponse<DescribeDaemonDeploymentsResponse> waitUntilDaemonDeploymentStopped(DescribeDaemonDeploymentsRequest request, WaiterOverrideConfiguration override) {
        return services.waitUntilDaemonDeploymentStopped(request, keepClock(override, SERVICE_POLL));
    }

    @Override
    public WaiterResponse<DescribeDaemonDeploymentsResponse> waitUntilDaemonDeploymentSuccessful(DescribeDaemonDeploymentsRequest request, WaiterOverrideConfiguration override) {
        return services.waitUntilDaemonDeploymentSuccessful(request, keepClock(override, SERVICE_POLL));
    }

    @Override
    public WaiterResponse<DescribeDaemonTaskDefinitionResponse> waitUntilDaemonTaskDefinitionActive(DescribeDaemonTaskDefinitionRequest request, WaiterOverrideConfiguration override) {
        return services.waitUntilDaemonTaskDefinitionActive(request, keepClock(override, SERVICE_POLL));
    }

    @Override
    public WaiterResponse<DescribeDaemonTaskDefinitionResponse> waitUntilDaemonTaskDefinitionDeleted(DescribeDaemonTaskDefinitionRequest request, WaiterOverrideConfiguration override) {
        return services.waitUntilDaemonTaskDefinitionDeleted(request, keepClock(override, SERVICE_POLL));
    }

    @Override
    public void close() {
        tasks.close();
        services.close();
    }
}
