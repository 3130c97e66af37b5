package io.github.ecsmock.internal.state;

import software.amazon.awssdk.services.ecs.model.CapacityProvider;

/**
 * One Auto Scaling group capacity provider as the state keeps it: the SDK's {@code CapacityProvider}
 * as ECS shows it (tags apart, they live in the tag store), the Auto Scaling group it owns, and the
 * cluster it is associated with, which ECS does not show on the provider but enforces: a provider
 * serves one cluster at a time, and cannot be deleted while it does.
 */
public final class CapacityProviderEntry {
    private final long sequence;
    private final String autoScalingGroupName;
    private CapacityProvider provider;
    private String clusterArn;
    private long updates;

    CapacityProviderEntry(long sequence, CapacityProvider provider, String autoScalingGroupName) {
        this.sequence = sequence;
        this.provider = provider;
        this.autoScalingGroupName = autoScalingGroupName;
    }

    public long sequence() {
        return sequence;
    }

    public String name() {
        return provider.name();
    }

    public String arn() {
        return provider.capacityProviderArn();
    }

    /** The provider as ECS describes it, without tags. */
    public CapacityProvider provider() {
        return provider;
    }

    /** The name of the Auto Scaling group, however the request named it (name or ARN). */
    public String autoScalingGroupName() {
        return autoScalingGroupName;
    }

    /** The cluster the provider is associated with, or {@code null}. */
    public String clusterArn() {
        return clusterArn;
    }

    /** Deleted: INACTIVE, still describable for a while, usable for nothing. */
    public boolean isInactive() {
        return "INACTIVE".equals(provider.statusAsString());
    }

    /** ACTIVE and not on its way out: the only state in which a cluster may take it. */
    public boolean isUsable() {
        return "ACTIVE".equals(provider.statusAsString()) && !isDeleting();
    }

    public boolean isDeleting() {
        return "DELETE_IN_PROGRESS".equals(provider.updateStatusAsString());
    }

    void update(CapacityProvider updated) {
        this.provider = updated;
    }

    void associate(String clusterArn) {
        this.clusterArn = clusterArn;
    }

    /** Counts the updates, so that a completion scheduled for an older update leaves a newer one in progress. */
    long nextUpdate() {
        return ++updates;
    }

    long updates() {
        return updates;
    }
}
