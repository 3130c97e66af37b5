package io.github.ecsmock.internal.server;

import io.github.ecsmock.EcsClock;
import java.time.Duration;
import java.util.function.Consumer;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The retries of the mock's own clients: the SDK's retry mode, its attempts and what it retries, with
 * the wait before each retry taken on the mock's clock instead of in a sleep. A throttling fault
 * ({@code failNext("RunTask").times(2).withThrottling()}) otherwise cost the test seconds of real time
 * with the SDK's back-off. The waits are the standard mode's without their random jitter, so that the
 * clock lands on the same instant on every run: 100 ms, doubled at each retry, 1 s after throttling,
 * at most 20 s.
 */
public final class ClockRetries {
    static final Duration BASE_DELAY = Duration.ofMillis(100);
    static final Duration THROTTLED_BASE_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(20);

    private ClockRetries() {
    }

    /** For {@code ClientOverrideConfiguration.Builder.retryStrategy(Consumer)}, which applies it to the SDK's default strategy. */
    public static Consumer<RetryStrategy.Builder<?, ?>> onClock(EcsClock clock) {
        return builder -> builder
                .backoffStrategy(advancing(clock, BackoffStrategy.exponentialDelayWithoutJitter(BASE_DELAY, MAX_BACKOFF)))
                .throttlingBackoffStrategy(advancing(clock,
                        BackoffStrategy.exponentialDelayWithoutJitter(THROTTLED_BASE_DELAY, MAX_BACKOFF)));
    }

    private static BackoffStrategy advancing(EcsClock clock, BackoffStrategy waits) {
        return attempt -> {
            clock.advance(waits.computeDelay(attempt));
            return Duration.ZERO;
        };
    }
}
