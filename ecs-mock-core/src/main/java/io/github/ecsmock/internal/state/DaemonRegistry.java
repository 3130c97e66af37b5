package io.github.ecsmock.internal.state;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The daemons of one state by ARN (so by cluster, then name, which is how ListDaemons pages), with
 * their revisions and deployments by ARN, and the daemon each daemon task belongs to.
 */
public final class DaemonRegistry {
    private final NavigableMap<String, DaemonEntry> byArn = new TreeMap<>();
    private final Map<String, DaemonRevisionEntry> revisions = new HashMap<>();
    private final Map<String, DaemonDeploymentEntry> deployments = new HashMap<>();
    private final Map<TaskEntry, DaemonEntry> byTask = new IdentityHashMap<>();

    void add(DaemonEntry daemon) {
        byArn.put(daemon.arn, daemon);
    }

    /** Forgets a deleted daemon, unless a daemon of the same name has been created since. */
    void expire(DaemonEntry daemon) {
        byArn.remove(daemon.arn, daemon);
        revisions.values().removeIf(revision -> revision.daemon == daemon);
        deployments.values().removeIf(deployment -> deployment.daemon == daemon);
    }

    void addRevision(DaemonRevisionEntry revision) {
        revisions.put(revision.arn, revision);
    }

    void addDeployment(DaemonDeploymentEntry deployment) {
        deployments.put(deployment.arn, deployment);
    }

    void addTask(TaskEntry task, DaemonEntry daemon) {
        byTask.put(task, daemon);
    }

    DaemonEntry removeTask(TaskEntry task) {
        return byTask.remove(task);
    }

    DaemonEntry ofTask(TaskEntry task) {
        // Every task's every transition asks; without daemons the identity hash need not be made.
        return byTask.isEmpty() ? null : byTask.get(task);
    }

    public Optional<DaemonEntry> byArn(String arn) {
        return Optional.ofNullable(byArn.get(arn));
    }

    public Optional<DaemonRevisionEntry> revision(String arn) {
        return Optional.ofNullable(revisions.get(arn));
    }

    public Optional<DaemonDeploymentEntry> deployment(String arn) {
        return Optional.ofNullable(deployments.get(arn));
    }

    /** Every daemon by ARN (read-only). */
    public NavigableMap<String, DaemonEntry> all() {
        return Collections.unmodifiableNavigableMap(byArn);
    }
}
