package io.github.ecsmock.internal.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Moves tasks through their statuses on the mock's clock, one status per step. The immediate
 * lifecycle is the same walk with a step of zero: every status falls due at once and is applied
 * before the operation answers. A stop request cancels what is left of the walk to RUNNING.
 */
final class TaskLifecycle {

    /** Told of every status a task enters. */
    interface Listener {
        void entered(TaskEntry task, String from, String to);
    }

    private final Duration step;
    private final Timeline timeline;
    private final EcsState state;
    private final Listener listener;

    TaskLifecycle(Duration step, Timeline timeline, EcsState state, Listener listener) {
        this.step = step;
        this.timeline = timeline;
        this.state = state;
        this.listener = listener;
    }

    /** The time between two statuses: zero under the immediate lifecycle. */
    Duration step() {
        return step;
    }

    /** The status a new task starts in. */
    static String firstStatus(boolean awsvpc) {
        return TaskStatus.startPath(awsvpc).get(0);
    }

    /**
     * Schedules the walk to RUNNING. The first status stamps nothing: a task that starts in PENDING (an
     * EC2 task without {@code awsvpc}) shows no connectivity or image pull in the RunTask answer, as
     * ECS answers; they are stamped when it moves on (see {@link #enter}).
     */
    void start(TaskEntry task) {
        task.changed();
        walk(task, TaskStatus.startPath(task.isAwsvpc()), 1);
    }

    /**
     * A task that cannot start: it leaves the walk to RUNNING where it is and goes to STOPPED with
     * {@code TaskFailedToStart}, its containers never having run.
     */
    void failToStart(TaskEntry task, String reason) {
        task.desiredStatus = TaskStatus.STOPPED;
        task.stopCode = "TaskFailedToStart";
        task.stoppedReason = reason;
        task.stoppingAt = state.now();
        task.generation++;
        for (String container : task.containerNames()) {
            task.containerExits.put(container, new TaskEntry.ContainerExit(null, reason));
        }
        task.changed();
        walk(task, TaskStatus.stopPath(task.isAwsvpc(), task.lastStatus), 0);
    }

    /** Marks the task to stop and schedules its walk to STOPPED; a task told to stop already is left alone. */
    boolean stop(TaskEntry task, String stopCode, String reason, Integer exitCode) {
        if (!task.isLive() || task.isStopped()) {
            return false;
        }
        task.desiredStatus = TaskStatus.STOPPED;
        task.stopCode = stopCode;
        task.stoppedReason = reason;
        task.exitCode = exitCode;
        task.stoppingAt = state.now();
        task.version++;
        task.generation++;
        task.changed();
        walk(task, TaskStatus.stopPath(task.isAwsvpc(), task.lastStatus), 0);
        return true;
    }

    /**
     * The agent reports the task RUNNING: the statuses left on its way there are entered now, in order,
     * instead of on the clock. A task told to stop, or RUNNING already, is left alone.
     */
    void runNow(TaskEntry task) {
        if (!task.isLive() || task.isRunning()) {
            return;
        }
        List<String> path = TaskStatus.startPath(task.isAwsvpc());
        int next = path.indexOf(task.lastStatus) + 1;
        task.generation++; // the scheduled walk is superseded
        for (int i = next; i < path.size(); i++) {
            enter(task, path.get(i));
        }
    }

    private void walk(TaskEntry task, List<String> path, int index) {
        if (index >= path.size()) {
            return;
        }
        int generation = task.generation;
        timeline.at(state.now().plus(step), () -> {
            if (task.generation != generation) {
                return;
            }
            enter(task, path.get(index));
            walk(task, path, index + 1);
        });
    }

    private void enter(TaskEntry task, String status) {
        String from = task.lastStatus;
        if (TaskStatus.PENDING.equals(from) && task.connectivityAt == null && task.isLive()) {
            stamp(task, TaskStatus.PENDING, state.now()); // started in PENDING, now on its way to RUNNING
        }
        task.lastStatus = status;
        if (!status.equals(TaskStatus.ACTIVATING) && !status.equals(TaskStatus.DEACTIVATING)) {
            // ECS counts a version for each status a task-state event reports; the two the agent passes
            // through on its own are not among them: a running EC2 task shows 2, a running Fargate task 3.
            task.version++;
        }
        stamp(task, status, state.now());
        task.changed();
        listener.entered(task, from, status);
    }

    private static void stamp(TaskEntry task, String status, Instant now) {
        switch (status) {
            case TaskStatus.PENDING -> {
                task.connectivityAt = now;
                task.pullStartedAt = now;
            }
            case TaskStatus.ACTIVATING -> task.pullStoppedAt = now;
            case TaskStatus.RUNNING -> {
                if (task.pullStoppedAt == null) {
                    task.pullStoppedAt = now;
                }
                task.startedAt = now;
            }
            case TaskStatus.STOPPING -> task.executionStoppedAt = now;
            case TaskStatus.STOPPED -> {
                task.stoppedAt = now;
                if (task.executionStoppedAt == null) {
                    task.executionStoppedAt = now;
                }
            }
            default -> {
            }
        }
    }
}
