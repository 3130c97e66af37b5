package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.state.ClusterEntry;
import io.github.ecsmock.internal.state.EcsState;
import io.github.ecsmock.internal.state.TaskEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * What a test makes happen to a running task from outside the API: its essential container exits, a
 * Spot interruption takes it, its host is lost. Each stops the task as ECS reports it, and a service
 * the task belongs to replaces it as it would.
 */
public final class Steering {
    private Steering() {
    }

    /** The essential container exits with {@code exitCode}; the others are stopped (exit 143, SIGTERM). */
    public static Task exitEssentialContainer(EcsState state, String cluster, String task, int exitCode, String reason) {
        return state.atomically(() -> {
            TaskEntry entry = runningTask(state, cluster, task);
            Map<String, TaskEntry.ContainerExit> exits = new HashMap<>();
            for (String container : entry.containerNames()) {
                exits.put(container, new TaskEntry.ContainerExit(143, null));
            }
            exits.put(entry.essentialContainer(), new TaskEntry.ContainerExit(exitCode, reason));
            return end(state, entry, "EssentialContainerExited", "Essential container in task exited", exits,
                    Set.of(entry.essentialContainer()));
        });
    }

    /** A Fargate Spot interruption (or an EC2 Spot reclaim) stops the task; its containers get SIGTERM (exit 143). */
    public static Task interrupt(EcsState state, String cluster, String task) {
        return state.atomically(() -> {
            TaskEntry entry = runningTask(state, cluster, task);
            Map<String, TaskEntry.ContainerExit> exits = new HashMap<>();
            for (String container : entry.containerNames()) {
                exits.put(container, new TaskEntry.ContainerExit(143, null));
            }
            return end(state, entry, "SpotInterruption", "Your Spot Task was interrupted.", exits, Set.of());
        });
    }

    /** The host under the task is lost: the task stops without its containers reporting how they ended. */
    public static Task lose(EcsState state, String cluster, String task) {
        return state.atomically(() -> {
            TaskEntry entry = runningTask(state, cluster, task);
            Map<String, TaskEntry.ContainerExit> exits = new HashMap<>();
            for (String container : entry.containerNames()) {
                exits.put(container, new TaskEntry.ContainerExit(null, "The host of the task was lost."));
            }
            return end(state, entry, "TerminationNotice", "Task stopped because its host was lost.", exits, Set.of());
        });
    }

    private static Task end(EcsState state, TaskEntry task, String stopCode, String reason, Map<String, TaskEntry.ContainerExit> exits,
                            Set<String> exited) {
        state.endTask(task, stopCode, reason, exits, exited);
        state.settle();
        return task.toTask(List.of());
    }

    private static TaskEntry runningTask(EcsState state, String cluster, String task) {
        ClusterEntry entry = state.findCluster(cluster).orElseThrow(() -> new IllegalArgumentException("No cluster " + cluster));
        TaskEntry found = Tasks.find(state, entry, task).orElseThrow(() -> new IllegalArgumentException(
                "No task " + task + " in cluster " + entry.name()));
        if (!found.isLive()) {
            throw new IllegalStateException("Task " + found.arn() + " is already " + found.lastStatus().toLowerCase()
                    + (found.isStopped() ? "" : " and told to stop"));
        }
        return found;
    }
}
