package io.github.ecsmock.internal.state;

import java.time.Instant;
import java.util.PriorityQueue;

/**
 * Work scheduled on the mock's clock: a deleted cluster expiring, a task taking its next step. Due
 * work runs, in time order, before the state answers its next request, so nothing happens between
 * requests that a client could observe half-done, and no thread ever sleeps. While a piece of work
 * runs, {@link #current()} is the time it was due, so what it does and schedules happens at that
 * time, however far the clock was advanced at once.
 */
public final class Timeline {
    private record Due(Instant at, long order, Runnable action) {
    }

    private final PriorityQueue<Due> queue = new PriorityQueue<>((a, b) -> {
        int byTime = a.at.compareTo(b.at);
        return byTime != 0 ? byTime : Long.compare(a.order, b.order);
    });
    private long order;
    private Instant current;

    /** Runs {@code action} once the clock reaches {@code when}. */
    public void at(Instant when, Runnable action) {
        queue.add(new Due(when, order++, action));
    }

    /** Runs everything due at or before {@code now}, including work that due work schedules. */
    public void runDue(Instant now) {
        Instant outer = current;
        try {
            while (!queue.isEmpty() && !queue.peek().at.isAfter(now)) {
                Due due = queue.poll();
                current = outer != null && outer.isAfter(due.at) ? outer : due.at;
                due.action.run();
            }
        } finally {
            current = outer;
        }
    }

    /** The time the running work was due, or null when no scheduled work is running. */
    public Instant current() {
        return current;
    }

    public int size() {
        return queue.size();
    }
}
