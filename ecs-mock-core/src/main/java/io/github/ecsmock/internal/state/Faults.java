package io.github.ecsmock.internal.state;

import io.github.ecsmock.internal.errors.EcsError;
import io.github.ecsmock.internal.errors.Errors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The misbehaviour a test has asked for: errors and delays for the next calls of an operation,
 * RunTask calls that place fewer tasks than asked, and task definitions whose tasks fail to start.
 * Rules are used up as they match, in the order they were added. Shared by every account and region
 * of a mock; thread-safe.
 */
public final class Faults {
    /** Used up after {@code remaining} matches; a negative count never runs out. */
    private static final class Rule<T> {
        final String operation;
        final Predicate<Object> matching;
        final T effect;
        int remaining;

        Rule(String operation, int remaining, Predicate<Object> matching, T effect) {
            this.operation = operation;
            this.remaining = remaining;
            this.matching = matching;
            this.effect = effect;
        }
    }

    /** An error to answer with instead of the operation's own answer. */
    public record InjectedError(String code, int status, String message) {
        EcsError toError() {
            return new EcsError(code, status, message);
        }
    }

    /** How many tasks a RunTask call places at most, and the reason given for the rest. */
    public record PlacementLimit(int placed, String reason) {
    }

    private final List<Rule<InjectedError>> errors = new ArrayList<>();
    private final List<Rule<Duration>> delays = new ArrayList<>();
    private final List<Rule<PlacementLimit>> placements = new ArrayList<>();
    private final Map<String, String> failingDefinitions = new LinkedHashMap<>();

    public synchronized void failNext(String operation, int times, Predicate<Object> matching, InjectedError error) {
        errors.add(new Rule<>(operation, times, matching, error));
    }

    public synchronized void delayNext(String operation, int times, Predicate<Object> matching, Duration delay) {
        delays.add(new Rule<>(operation, times, matching, delay));
    }

    public synchronized void limitPlacement(int times, Predicate<Object> matching, PlacementLimit limit) {
        placements.add(new Rule<>("RunTask", times, matching, limit));
    }

    /**
     * Tasks of the definition a reference names fail to start with {@code reason}: a family stands for
     * every revision, {@code family:revision} or an ARN for one.
     */
    public synchronized void failTasksOf(String reference, String reason) {
        failingDefinitions.put(reference, reason);
    }

    public synchronized void clear() {
        errors.clear();
        delays.clear();
        placements.clear();
        failingDefinitions.clear();
    }

    /** The error to answer this call with, using up one match of its rule. */
    public synchronized Optional<EcsError> errorFor(String operation, Object request) {
        return take(errors, operation, request).map(InjectedError::toError);
    }

    /** How long this call takes on the mock's clock before it is answered, using up one match. */
    public synchronized Optional<Duration> delayFor(String operation, Object request) {
        return take(delays, operation, request);
    }

    /** The placement limit of this RunTask call, using up one match. */
    public synchronized Optional<PlacementLimit> placementFor(Object runTaskRequest) {
        return take(placements, "RunTask", runTaskRequest);
    }

    /** Why tasks of this definition fail to start, if a test said they do. */
    public synchronized Optional<String> startFailureOf(TaskDefinition definition) {
        for (Map.Entry<String, String> entry : failingDefinitions.entrySet()) {
            String reference = entry.getKey();
            if (reference.equals(definition.taskDefinitionArn()) || reference.equals(definition.family())
                    || reference.equals(definition.family() + ":" + definition.revision())) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a test's predicate takes this request. One that throws (a null {@code count()} unboxed,
     * say) is the test's mistake, answered as a client error that names it rather than as the
     * ServerException of a bug in the mock, which the SDK would retry.
     */
    private static boolean matches(Rule<?> rule, Object request) {
        try {
            return rule.matching.test(request);
        } catch (RuntimeException e) {
            throw Errors.client("ecs-mock: the matching predicate of a fault for " + rule.operation + " threw " + e
                    + "; the request was not run. (Members the caller left out are null.)");
        }
    }

    private static <T> Optional<T> take(List<Rule<T>> rules, String operation, Object request) {
        for (Iterator<Rule<T>> it = rules.iterator(); it.hasNext(); ) {
            Rule<T> rule = it.next();
            if (rule.operation.equals(operation) && matches(rule, request)) {
                if (rule.remaining > 0 && --rule.remaining == 0) {
                    it.remove();
                }
                return Optional.of(rule.effect);
            }
        }
        return Optional.empty();
    }
}
