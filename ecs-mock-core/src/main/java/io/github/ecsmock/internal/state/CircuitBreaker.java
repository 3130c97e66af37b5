package io.github.ecsmock.internal.state;

import software.amazon.awssdk.services.ecs.model.DeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.ThresholdConfiguration;

/**
 * The deployment circuit breaker's arithmetic, as the API reference gives it: how many failed tasks
 * fail a deployment, and whether a task that runs clears the count. Shared by the scheduler, which
 * trips the breaker, and the service deployment, which shows its threshold.
 */
final class CircuitBreaker {
    private static final int DEFAULT_PERCENT = 50;
    private static final int LOWEST = 3;
    private static final int HIGHEST = 200;

    private CircuitBreaker() {
    }

    /**
     * The failed tasks that trip {@code breaker} for a service of {@code desired} tasks. COUNT is the
     * value itself; the percentages take that share of the desired count, rounded up, and
     * BOUNDED_PERCENT (the default, at 50) keeps it between 3 and 200.
     */
    static int threshold(DeploymentCircuitBreaker breaker, int desired) {
        ThresholdConfiguration configuration = breaker == null ? null : breaker.thresholdConfiguration();
        String type = configuration == null || configuration.typeAsString() == null ? "BOUNDED_PERCENT" : configuration.typeAsString();
        int value = configuration == null || configuration.value() == null ? DEFAULT_PERCENT : configuration.value();
        if ("COUNT".equals(type)) {
            return Math.max(1, value);
        }
        int share = (int) Math.ceil(desired * value / 100.0);
        return "UNBOUNDED_PERCENT".equals(type) ? Math.max(1, share) : Math.min(HIGHEST, Math.max(LOWEST, share));
    }

    /** Whether a task that reaches RUNNING sets the failure count back to zero: unless turned off, it does. */
    static boolean resetsOnHealthyTask(DeploymentCircuitBreaker breaker) {
        return breaker == null || !Boolean.FALSE.equals(breaker.resetOnHealthyTask());
    }
}
