package io.github.ecsmock.internal.state;

import java.time.Instant;
import software.amazon.awssdk.services.ecs.model.Cluster;

/**
 * One cluster as the state keeps it: the SDK's {@code Cluster} with what is fixed at creation or set
 * by updates, plus the bookkeeping ECS does not show. Counters and tags are not kept here: they are
 * computed when the cluster is described, so they cannot drift from the state.
 */
public final class ClusterEntry {
    private final long sequence;
    private Cluster cluster;
    private Instant deletedAt;

    ClusterEntry(long sequence, Cluster cluster) {
        this.sequence = sequence;
        this.cluster = cluster;
    }

    public long sequence() {
        return sequence;
    }

    public String name() {
        return cluster.clusterName();
    }

    public String arn() {
        return cluster.clusterArn();
    }

    public Cluster cluster() {
        return cluster;
    }

    /**
     * In service: ACTIVE, or PROVISIONING while the attachments of the Auto Scaling group providers it
     * was created with are built (ECS shows that status then; nothing suggests it refuses work meanwhile).
     */
    public boolean isActive() {
        return "ACTIVE".equals(cluster.status()) || "PROVISIONING".equals(cluster.status());
    }

    public void update(Cluster updated) {
        this.cluster = updated;
    }

    public Instant deletedAt() {
        return deletedAt;
    }

    void markDeleted(Instant when) {
        this.deletedAt = when;
        this.cluster = cluster.toBuilder().status("INACTIVE").build();
    }
}
