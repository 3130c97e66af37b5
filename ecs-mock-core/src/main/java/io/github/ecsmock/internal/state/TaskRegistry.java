package io.github.ecsmock.internal.state;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every task of one state: by id, and per cluster in launch order, split into tasks that are meant
 * to run and tasks told to stop, because ListTasks lists one kind at a time. Counts per status and
 * launch type are kept as tasks move, so a cluster's counters cost nothing however many tasks it has.
 */
public final class TaskRegistry {

    /** Running and pending tasks of one launch type in one cluster. */
    public static final class Counts {
        private int running;
        private int pending;

        public int running() {
            return running;
        }

        public int pending() {
            return pending;
        }
    }

    private static final class ClusterTasks {
        final NavigableMap<Long, TaskEntry> live = new TreeMap<>();
        final NavigableMap<Long, TaskEntry> stopping = new TreeMap<>();
        final Map<String, Counts> byLaunchType = new HashMap<>();
        int notStopped;
    }

    private final Map<String, TaskEntry> byId = new HashMap<>();
    private final Map<String, ClusterTasks> byCluster = new HashMap<>();

    public Optional<TaskEntry> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    void add(TaskEntry task) {
        byId.put(task.id, task);
        ClusterTasks cluster = byCluster.computeIfAbsent(task.clusterArn, arn -> new ClusterTasks());
        cluster.live.put(task.sequence, task);
        cluster.notStopped++;
        count(cluster, task, task.lastStatus, +1);
    }

    /** Moves a task from the live listing to the stopped one when it is told to stop. */
    void desiredStopped(TaskEntry task) {
        ClusterTasks cluster = byCluster.get(task.clusterArn);
        if (cluster.live.remove(task.sequence) != null) {
            cluster.stopping.put(task.sequence, task);
        }
    }

    void statusChanged(TaskEntry task, String from, String to) {
        ClusterTasks cluster = byCluster.get(task.clusterArn);
        count(cluster, task, from, -1);
        count(cluster, task, to, +1);
        if (TaskStatus.STOPPED.equals(to)) {
            cluster.notStopped--;
        }
    }

    void remove(TaskEntry task) {
        if (byId.remove(task.id) == null) {
            return;
        }
        ClusterTasks cluster = byCluster.get(task.clusterArn);
        cluster.live.remove(task.sequence);
        cluster.stopping.remove(task.sequence);
        if (!task.isStopped()) {
            count(cluster, task, task.lastStatus, -1);
            cluster.notStopped--;
        }
    }

    private static void count(ClusterTasks cluster, TaskEntry task, String status, int delta) {
        Counts counts = cluster.byLaunchType.computeIfAbsent(task.launchType, type -> new Counts());
        if (TaskStatus.RUNNING.equals(status)) {
            counts.running += delta;
        } else if (TaskStatus.isPending(status)) {
            counts.pending += delta;
        }
    }

    /** Tasks of a cluster whose desired status is RUNNING, in launch order (read-only). */
    public NavigableMap<Long, TaskEntry> live(String clusterArn) {
        ClusterTasks cluster = byCluster.get(clusterArn);
        return cluster == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(cluster.live);
    }

    /** Tasks of a cluster whose desired status is STOPPED, stopped or on their way, in launch order (read-only). */
    public NavigableMap<Long, TaskEntry> stopped(String clusterArn) {
        ClusterTasks cluster = byCluster.get(clusterArn);
        return cluster == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(cluster.stopping);
    }

    /** Running and pending counts of a cluster by launch type (read-only). */
    public Map<String, Counts> countsByLaunchType(String clusterArn) {
        ClusterTasks cluster = byCluster.get(clusterArn);
        return cluster == null ? Map.of() : Collections.unmodifiableMap(cluster.byLaunchType);
    }

    /** How many tasks of a cluster have not reached STOPPED. */
    public int notStopped(String clusterArn) {
        ClusterTasks cluster = byCluster.get(clusterArn);
        return cluster == null ? 0 : cluster.notStopped;
    }

    public int size() {
        return byId.size();
    }
}
