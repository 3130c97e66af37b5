package io.github.ecsmock;

import java.time.Duration;
import java.util.Objects;

/**
 * How tasks move through their statuses on the mock's clock.
 *
 * <p>{@link #immediate()}, the default: RunTask answers with tasks already RUNNING, StopTask with
 * tasks STOPPED, and a service is steady when CreateService or UpdateService returns, so the SDK's
 * waiters succeed on their first poll.
 *
 * <p>{@link #stepped(Duration)}: a task takes one status per step of mock time, through
 * PROVISIONING, PENDING, ACTIVATING, RUNNING and, once stopped, DEACTIVATING, STOPPING,
 * DEPROVISIONING, STOPPED (tasks without {@code awsvpc} skip the network steps), and services converge
 * as their tasks do. A test moves it with {@code mock.clock().advance(step)}; nothing moves on its own.
 */
public final class Lifecycle {
    /** The step of {@link #stepped()}. */
    public static final Duration DEFAULT_STEP = Duration.ofSeconds(5);

    private static final Lifecycle IMMEDIATE = new Lifecycle(Duration.ZERO);

    private final Duration step;

    private Lifecycle(Duration step) {
        this.step = step;
    }

    public static Lifecycle immediate() {
        return IMMEDIATE;
    }

    /** Stepped, one status every {@link #DEFAULT_STEP} of mock time. */
    public static Lifecycle stepped() {
        return stepped(DEFAULT_STEP);
    }

    /** Stepped, one status every {@code step} of mock time. */
    public static Lifecycle stepped(Duration step) {
        Objects.requireNonNull(step, "step");
        if (step.isNegative() || step.isZero() || step.toMillis() == 0) {
            throw new IllegalArgumentException("A step of the stepped lifecycle must be at least a millisecond: " + step);
        }
        return new Lifecycle(step);
    }

    /** The mock time each status takes; zero for the immediate lifecycle. */
    public Duration step() {
        return step;
    }

    public boolean isImmediate() {
        return step.isZero();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Lifecycle lifecycle && lifecycle.step.equals(step);
    }

    @Override
    public int hashCode() {
        return step.hashCode();
    }

    @Override
    public String toString() {
        return isImmediate() ? "immediate lifecycle" : "stepped lifecycle, one status every " + step.toMillis() + " ms";
    }
}
