package io.github.ecsmock;

import io.github.ecsmock.internal.ecs.EcsOperationNames;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every request the mock answered, oldest first, for a test to check what its code asked for:
 * {@code mock.journal().count("RunTask")}, {@code mock.journal().requests(RunTaskRequest.class)}. It
 * keeps the newest requests up to its capacity, so a long run cannot exhaust memory, and a reset
 * clears it. Safe to read while requests are answered.
 */
public final class RequestJournal {
    /** How many requests a journal keeps unless told otherwise. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final Deque<RecordedRequest> requests = new ArrayDeque<>();
    private long dropped;

    RequestJournal(int capacity) {
        this.capacity = capacity;
    }

    synchronized void record(RecordedRequest request) {
        if (requests.size() == capacity) {
            requests.removeFirst();
            dropped++;
        }
        requests.addLast(request);
    }

    /** Every request kept, oldest first. */
    public synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    /**
     * The requests of one operation, oldest first. The name is that of X-Amz-Target, {@code RunTask};
     * any other name is refused, since no request could ever match it.
     */
    public List<RecordedRequest> of(String operation) {
        EcsOperationNames.requireEcsOperation(operation);
        return find(request -> request.operation().equals(operation));
    }

    /** The parsed requests of one type, e.g. {@code RunTaskRequest.class}, oldest first. */
    public <T> List<T> requests(Class<T> type) {
        return all().stream().flatMap(request -> request.requestAs(type).stream()).toList();
    }

    /** The requests that match, oldest first. */
    public List<RecordedRequest> find(Predicate<? super RecordedRequest> matching) {
        return all().stream().filter(matching).toList();
    }

    /** The newest request of one operation. */
    public Optional<RecordedRequest> last(String operation) {
        List<RecordedRequest> found = of(operation);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }

    public synchronized int count() {
        return requests.size();
    }

    /** How many requests of one operation were kept; the name is checked as {@link #of} checks it. */
    public int count(String operation) {
        return of(operation).size();
    }

    /** How many of the oldest requests were dropped to stay within the capacity. */
    public synchronized long dropped() {
        return dropped;
    }

    public int capacity() {
        return capacity;
    }

    public synchronized void clear() {
        requests.clear();
        dropped = 0;
    }
}
