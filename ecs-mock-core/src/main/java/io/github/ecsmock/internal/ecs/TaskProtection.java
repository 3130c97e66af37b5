package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.state.ClusterEntry;
import io.github.ecsmock.internal.state.EcsState;
import io.github.ecsmock.internal.state.TaskEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.GetTaskProtectionRequest;
import software.amazon.awssdk.services.ecs.model.GetTaskProtectionResponse;
import software.amazon.awssdk.services.ecs.model.ProtectedTask;
import software.amazon.awssdk.services.ecs.model.UpdateTaskProtectionRequest;
import software.amazon.awssdk.services.ecs.model.UpdateTaskProtectionResponse;

/**
 * GetTaskProtection and UpdateTaskProtection: scale-in protection of a service's tasks. Protection
 * lasts {@code expiresInMinutes} (1 to 2,880, 120 by default, as the API reference documents) on the
 * mock's clock; once it lapses the task reads as unprotected and the scheduler may stop it.
 *
 * <p>Per task, as the API reference says: a task of no service is a {@code TASK_NOT_VALID} failure;
 * a task the cluster does not have is {@code MISSING}, as in DescribeTasks (assumed, not captured).
 */
public final class TaskProtection {
    static final int DEFAULT_MINUTES = 120;
    static final int MAX_MINUTES = 2880;
    private static final int MAX_GET = 100;
    private static final int MAX_UPDATE = 10;

    public GetTaskProtectionResponse getTaskProtection(EcsState state, GetTaskProtectionRequest request) {
        ClusterEntry cluster = cluster(state, request.cluster());
        if (request.tasks().size() > MAX_GET) {
            throw Errors.invalidParameter("tasks can have at most " + MAX_GET + " items.");
        }
        // Without tasks there is nothing to report (ECS's answer to an empty list is not captured).
        List<ProtectedTask> protectedTasks = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String reference : request.tasks()) {
            serviceTask(state, cluster, reference, failures).ifPresent(task -> protectedTasks.add(shown(state, task)));
        }
        return GetTaskProtectionResponse.builder().protectedTasks(protectedTasks).failures(failures).build();
    }

    public UpdateTaskProtectionResponse updateTaskProtection(EcsState state, UpdateTaskProtectionRequest request) {
        ClusterEntry cluster = cluster(state, request.cluster());
        if (request.tasks().isEmpty()) {
            throw Errors.missingMember("tasks");
        }
        if (request.tasks().size() > MAX_UPDATE) {
            throw Errors.invalidParameter("tasks can have at most " + MAX_UPDATE + " items.");
        }
        if (request.protectionEnabled() == null) {
            throw Errors.missingMember("protectionEnabled");
        }
        boolean enable = request.protectionEnabled();
        int minutes = request.expiresInMinutes() == null ? DEFAULT_MINUTES : request.expiresInMinutes();
        if (enable && (minutes < 1 || minutes > MAX_MINUTES)) {
            // Unverified wording; the limits are the documented ones.
            throw Errors.invalidParameter("expiresInMinutes must be between 1 and " + MAX_MINUTES + ".");
        }
        Instant until = enable ? state.now().plus(Duration.ofMinutes(minutes)) : null;
        List<ProtectedTask> protectedTasks = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String reference : request.tasks()) {
            Optional<TaskEntry> task = serviceTask(state, cluster, reference, failures);
            if (task.isPresent()) {
                state.protectTask(task.get(), until);
                protectedTasks.add(shown(state, task.get()));
            }
        }
        state.settle();
        return UpdateTaskProtectionResponse.builder().protectedTasks(protectedTasks).failures(failures).build();
    }

    private static ClusterEntry cluster(EcsState state, String cluster) {
        if (cluster == null || cluster.isEmpty()) {
            throw Errors.missingMember("cluster");
        }
        return state.activeCluster(cluster);
    }

    /** The service task a reference names, or empty with the failure ECS reports for it added. */
    private static Optional<TaskEntry> serviceTask(EcsState state, ClusterEntry cluster, String reference, List<Failure> failures) {
        Optional<TaskEntry> task = reference == null ? Optional.empty() : Tasks.find(state, cluster, reference);
        String arn = task.map(TaskEntry::arn).orElseGet(() -> reference != null && reference.startsWith("arn:")
                ? reference : state.arns().task(cluster.name(), String.valueOf(reference)));
        if (task.isEmpty()) {
            failures.add(Failure.builder().arn(arn).reason("MISSING").build());
            return Optional.empty();
        }
        if (task.get().serviceName() == null) {
            failures.add(Failure.builder().arn(arn).reason("TASK_NOT_VALID").build());
            return Optional.empty();
        }
        return task;
    }

    private static ProtectedTask shown(EcsState state, TaskEntry task) {
        Instant expires = task.protectionExpiresAt(state.now());
        return ProtectedTask.builder()
                .taskArn(task.arn())
                .protectionEnabled(expires != null)
                .expirationDate(expires)
                .build();
    }
}
