package io.github.ecsmock.internal.state;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;

/**
 * The client tokens RunTask has seen, per cluster, each with the request it came with and what that
 * request started. ECS makes RunTask idempotent by its {@code clientToken} (the SDK sends a fresh one
 * with every call unless the caller gives its own): a retry with the same token and the same request
 * starts nothing and answers with the first call's tasks; the same token with another request is a
 * {@code ConflictException}. ECS keeps a token for 24 hours, and a token is scoped to its cluster.
 */
public final class RunTaskTokens {
    /** How long ECS remembers a RunTask client token: 24 hours (the API reference's "Ensuring idempotency"). */
    public static final Duration RETENTION = Duration.ofHours(24);

    /** What one token was used for: the request that brought it, and the tasks and failures it answered. */
    public record Use(RunTaskRequest request, List<TaskEntry> tasks, List<Failure> failures) {
        /** Whether {@code retry}, which carries the same token, asks for the same as the first request did. */
        public boolean isRepeatedBy(RunTaskRequest retry) {
            return request.equals(retry);
        }

        public List<String> taskArns() {
            return tasks.stream().map(TaskEntry::arn).toList();
        }
    }

    private record Key(String clusterArn, String token) {
    }

    private final Map<Key, Use> uses = new HashMap<>();
    private final EcsState state;

    RunTaskTokens(EcsState state) {
        this.state = state;
    }

    public Optional<Use> find(String clusterArn, String token) {
        return Optional.ofNullable(uses.get(new Key(clusterArn, token)));
    }

    /** Remembers what {@code request} started in {@code clusterArn}, for {@link #RETENTION} of the mock's clock. */
    public void remember(String clusterArn, RunTaskRequest request, List<TaskEntry> tasks, List<Failure> failures) {
        Key key = new Key(clusterArn, request.clientToken());
        Use use = new Use(request, List.copyOf(tasks), List.copyOf(failures));
        uses.put(key, use);
        state.timeline().at(state.now().plus(RETENTION), () -> uses.remove(key, use));
    }
}
