package io.github.ecsmock;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The mock's own time. Every timestamp the mock hands out and every scheduled transition (a task
 * moving to RUNNING, a deleted cluster expiring) is read from this clock, never from the wall, so a
 * test moves time with {@link #advance(Duration)} instead of sleeping.
 *
 * <p>A manual clock stands still until advanced: two calls in one test see the same instant, and a
 * test is repeatable. A system clock follows the wall clock (plus whatever was advanced) and suits
 * the standalone server, whose clients cannot reach into the JVM. Times have millisecond precision,
 * as on the wire.
 */
public final class EcsClock {
    private final Instant start;
    private final boolean followsWallClock;
    private Duration advanced = Duration.ZERO;

    private EcsClock(Instant start, boolean followsWallClock) {
        this.start = start.truncatedTo(ChronoUnit.MILLIS);
        this.followsWallClock = followsWallClock;
    }

    /** A clock that stands at {@code start} until advanced. */
    public static EcsClock manual(Instant start) {
        return new EcsClock(Objects.requireNonNull(start, "start"), false);
    }

    /** A clock that stands at the current wall-clock time until advanced. */
    public static EcsClock manual() {
        return manual(Instant.now());
    }

    /** A clock that follows the wall clock, shifted by whatever is advanced. */
    public static EcsClock system() {
        return new EcsClock(Instant.EPOCH, true);
    }

    /** The mock's current time. */
    public synchronized Instant now() {
        Instant base = followsWallClock ? Instant.now().truncatedTo(ChronoUnit.MILLIS) : start;
        return base.plus(advanced);
    }

    /** Moves the mock's time forward; what falls due runs before the mock answers its next request. */
    public synchronized Instant advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("The mock's clock only moves forward: " + duration);
        }
        Duration next = advanced.plus(duration.truncatedTo(ChronoUnit.MILLIS));
        try {
            // Refuse, before anything changes, a time that every later now() would fail to compute or to send.
            (followsWallClock ? Instant.now() : start).plus(next).toEpochMilli();
        } catch (ArithmeticException | DateTimeException e) {
            throw new IllegalArgumentException("The mock's clock cannot advance that far: " + duration);
        }
        advanced = next;
        return now();
    }

    /**
     * Takes back everything advanced, for a reset: a test then sees the time the mock was built with,
     * whatever the tests before it advanced, and does not depend on their order.
     */
    synchronized void rewind() {
        advanced = Duration.ZERO;
    }

    /** Whether this clock follows the wall clock rather than standing still. */
    public boolean followsWallClock() {
        return followsWallClock;
    }

    @Override
    public String toString() {
        return "EcsClock[" + now() + (followsWallClock ? ", following the wall clock]" : ", manual]");
    }
}
