package io.github.ecsmock.junit5.assertj;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * The requests of one operation the mock received, narrowed down condition by condition: each
 * {@code with...} keeps the requests that satisfy it and fails, showing the requests that satisfied
 * the conditions before it (the nearest misses), when none is left.
 *
 * @param <S> the assertion's own type
 * @param <T> the SDK request type
 */
public abstract class RequestsAssert<S extends RequestsAssert<S, T>, T> extends AbstractAssert<S, List<T>> {
    private final String operation;
    private final String journal;
    private final List<String> conditions = new ArrayList<>();
    private List<T> candidates;

    protected RequestsAssert(List<T> requests, String operation, String journal, Class<?> selfType) {
        super(requests, selfType);
        this.operation = operation;
        this.journal = journal;
        this.candidates = requests;
        if (requests.isEmpty()) {
            failWithMessage("Expected a %s request, but none was received.%n%s", operation, journal);
        }
    }

    /** Keeps the requests for which {@code condition} holds; {@code description} names it in failures. */
    @SuppressWarnings("unchecked")
    public S matching(String description, Predicate<? super T> condition) {
        List<T> kept = candidates.stream().filter(condition).collect(Collectors.toList());
        if (kept.isEmpty()) {
            failWithMessage("Expected a %s request %s, but none of the %d %s matches:%s",
                    operation, phrase(description), candidates.size(),
                    conditions.isEmpty() ? operation + " requests received" : "that are " + String.join(" and ", conditions),
                    candidates.stream().map(request -> "\n  " + request).collect(Collectors.joining()));
        }
        conditions.add(description);
        candidates = kept;
        return (S) this;
    }

    /** Exactly this many requests satisfy every condition so far. */
    @SuppressWarnings("unchecked")
    public S times(int expected) {
        if (candidates.size() != expected) {
            failWithMessage("Expected %d %s request(s) %s, but %d matched:%s%n%s", expected, operation,
                    phrase(String.join(" and ", conditions)), candidates.size(),
                    candidates.stream().map(request -> "\n  " + request).collect(Collectors.joining()), journal);
        }
        return (S) this;
    }

    /** Exactly one request satisfies every condition so far. */
    public S once() {
        return times(1);
    }

    /** The requests that satisfy every condition so far, oldest first. */
    public List<T> requests() {
        return List.copyOf(candidates);
    }

    private static String phrase(String conditions) {
        return conditions.isEmpty() ? "" : conditions;
    }

    /** Whether a task definition as a request names it means the expected one: same text, or an ARN ending in it. */
    static boolean sameTaskDefinition(String actual, String expected) {
        return actual != null && (actual.equals(expected) || actual.endsWith("/" + expected) || expected.endsWith("/" + actual));
    }

    /** Whether a name or ARN means the expected name. */
    static boolean sameName(String actual, String expected) {
        return actual != null && (actual.equals(expected) || actual.endsWith("/" + expected));
    }
}
