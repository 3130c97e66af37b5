package io.github.ecsmock.internal.state;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;

/**
 * Work scheduled on the mock's clock: a deleted cluster expiring, a task taking its next step. Due
 * work runs, in time order, before the state answers its next request, so nothing happens between
 * requests that a client could observe half-done, and no thread ever sleeps. While a piece of work
 * runs, {@link #current()} is the time it was due, so what it does and schedules happens at that
 * time, however far the clock was advanced at once.
 *
 * <p>Work of one time runs in the order it was scheduled, from a queue of its own: most work falls due
 * at one time (under the immediate lifecycle, every step of every task a RunTask starts), and a queue
 * ordered by time and then by a counter paid a comparison of times for each step of each task.
 */
public final class Timeline {
    private final TreeMap<Instant, ArrayDeque<Runnable>> byTime = new TreeMap<>();
    private int size;
    private Instant current;

    /** Runs {@code action} once the clock reaches {@code when}. */
    public void at(Instant when, Runnable action) {
        ArrayDeque<Runnable> due = byTime.get(when);
        if (due == null) {
            due = new ArrayDeque<>();
            byTime.put(when, due);
        }
        due.add(action);
        size++;
    }

    /** Runs everything due at or before {@code now}, including work that due work schedules. */
    public void runDue(Instant now) {
        Instant outer = current;
        try {
            for (Map.Entry<Instant, ArrayDeque<Runnable>> first = byTime.firstEntry();
                 first != null && !first.getKey().isAfter(now); first = byTime.firstEntry()) {
                Instant at = first.getKey();
                ArrayDeque<Runnable> due = first.getValue();
                Runnable action = due.poll();
                if (due.isEmpty()) {
                    byTime.remove(at);
                }
                size--;
                current = outer != null && outer.isAfter(at) ? outer : at;
                action.run();
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
        return size;
    }
}
