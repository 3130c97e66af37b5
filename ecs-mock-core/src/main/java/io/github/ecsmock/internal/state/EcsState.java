package io.github.ecsmock.internal.state;

import io.github.ecsmock.EcsClock;
import io.github.ecsmock.internal.arn.Arns;
import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.paging.PageTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Everything ECS holds for one (account, region): clusters, task definitions, tags, and the work
 * scheduled on the clock. Every operation runs inside {@link #atomically}, under this state's lock,
 * so an operation is atomic and sees the state with all due work done. Nothing here knows JSON or
 * HTTP.
 */
public final class EcsState {
    /**
     * How long a deleted cluster stays describable as INACTIVE. ECS does not document it (hours or
     * more are seen); an hour of mock time keeps a test's "describe after delete" working and lets a
     * test that advances the clock see the cluster go.
     */
    public static final Duration INACTIVE_CLUSTER_RETENTION = Duration.ofHours(1);

    /** How long a task definition stays DELETE_IN_PROGRESS before it is gone. Not documented by ECS. */
    public static final Duration DELETED_TASK_DEFINITION_RETENTION = Duration.ofHours(1);

    private final Arns arns;
    private final EcsClock clock;
    private final PageTokens pageTokens;
    private final Ids ids;
    private final Timeline timeline = new Timeline();
    private final ClusterRegistry clusters = new ClusterRegistry();
    private final TaskDefinitionRegistry taskDefinitions = new TaskDefinitionRegistry();
    private final TagStore tags = new TagStore();
    private long sequence;

    public EcsState(String account, String region, EcsClock clock, PageTokens pageTokens, long seed) {
        this.arns = new Arns(account, region);
        this.clock = clock;
        this.pageTokens = pageTokens;
        this.ids = new Ids(seed ^ (account + "/" + region).hashCode());
    }

    /** Runs {@code operation} under this state's lock, after the work that has fallen due. */
    public <T> T atomically(Supplier<T> operation) {
        synchronized (this) {
            timeline.runDue(clock.now());
            return operation.get();
        }
    }

    public Arns arns() {
        return arns;
    }

    public Instant now() {
        return clock.now();
    }

    public PageTokens pageTokens() {
        return pageTokens;
    }

    public Ids ids() {
        return ids;
    }

    public Timeline timeline() {
        return timeline;
    }

    public ClusterRegistry clusters() {
        return clusters;
    }

    public TaskDefinitionRegistry taskDefinitions() {
        return taskDefinitions;
    }

    public TagStore tags() {
        return tags;
    }

    public long nextSequence() {
        return ++sequence;
    }

    // ---- clusters

    /**
     * The cluster a "name or ARN" parameter means, whatever its status; a missing parameter means the
     * cluster named {@code default}.
     */
    public Optional<ClusterEntry> findCluster(String nameOrArn) {
        String parameter = nameOrArn == null || nameOrArn.isEmpty() ? "default" : nameOrArn;
        return arns.nameOf(parameter, "cluster").flatMap(clusters::byName);
    }

    /** The ACTIVE cluster a parameter means, or {@code ClusterNotFoundException} as ECS answers. */
    public ClusterEntry activeCluster(String nameOrArn) {
        return findCluster(nameOrArn).filter(ClusterEntry::isActive).orElseThrow(Errors::clusterNotFound);
    }

    public ClusterEntry addCluster(Cluster cluster) {
        return clusters.add(nextSequence(), cluster);
    }

    /** Marks a cluster INACTIVE and schedules its disappearance after the retention period. */
    public void deleteCluster(ClusterEntry entry) {
        Instant now = clock.now();
        clusters.markDeleted(entry, now);
        timeline.at(now.plus(INACTIVE_CLUSTER_RETENTION), () -> {
            clusters.expire(entry);
            if (clusters.byName(entry.name()).isEmpty()) {
                tags.forget(entry.arn());
            }
        });
    }

    // ---- task definitions

    /**
     * The revision a reference means: {@code family} alone is the latest ACTIVE revision,
     * {@code family:revision} and an ARN name one revision whatever its status.
     */
    public Optional<TaskDefinition> findTaskDefinition(String reference) {
        if (reference == null || reference.isEmpty()) {
            return Optional.empty();
        }
        return TaskDefinitionReference.parse(arns, reference).flatMap(parsed -> parsed.hasRevision()
                ? parsed.revision().flatMap(revision -> taskDefinitions.get(parsed.family(), revision))
                : taskDefinitions.latestActive(parsed.family()));
    }

    public int nextRevision(String family) {
        return taskDefinitions.nextRevision(family);
    }

    public void putTaskDefinition(TaskDefinition definition) {
        taskDefinitions.put(definition);
    }

    /** Marks a revision DELETE_IN_PROGRESS; it is gone after the retention period. */
    public TaskDefinition deleteTaskDefinition(TaskDefinition definition) {
        TaskDefinition deleting = definition.toBuilder().status("DELETE_IN_PROGRESS").build();
        taskDefinitions.put(deleting);
        TaskDefinitionRegistry.Key key = new TaskDefinitionRegistry.Key(definition.family(), definition.revision());
        timeline.at(clock.now().plus(DELETED_TASK_DEFINITION_RETENTION), () -> {
            taskDefinitions.remove(key);
            tags.forget(definition.taskDefinitionArn());
        });
        return deleting;
    }
}
