package io.github.ecsmock.internal.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.Cluster;

/**
 * Capacity providers and the clusters they are attached to: like ECS, a change to either is
 * answered at once as in progress and completes one lifecycle step later, on the state's timeline.
 */
public final class CapacityProviderLifecycle {
    private final EcsState state;

    CapacityProviderLifecycle(EcsState state) {
        this.state = state;
    }

    /**
     * Adds a provider. A provider of the same name that was deleted (INACTIVE) is replaced, and its
     * tags go with it.
     */
    public CapacityProviderEntry addCapacityProvider(CapacityProvider provider, String autoScalingGroupName) {
        CapacityProviderEntry entry = state.capacityProviders().add(state.nextSequence(), provider, autoScalingGroupName);
        state.tags().forget(entry.arn());
        return entry;
    }

    /**
     * Applies an update: the provider shows {@code UPDATE_IN_PROGRESS} (as ECS answers
     * UpdateCapacityProvider) and {@code UPDATE_COMPLETE} one lifecycle step later.
     */
    public void updateCapacityProvider(CapacityProviderEntry entry, CapacityProvider updated) {
        long update = entry.nextUpdate();
        entry.update(updated.toBuilder().updateStatus("UPDATE_IN_PROGRESS").updateStatusReason(null).build());
        state.timeline().at(state.now().plus(state.lifecycle().step()), () -> {
            if (entry.updates() == update && "UPDATE_IN_PROGRESS".equals(entry.provider().updateStatusAsString())) {
                entry.update(entry.provider().toBuilder().updateStatus("UPDATE_COMPLETE").build());
            }
        });
    }

    /** A refused deletion: the provider stays ACTIVE with {@code DELETE_FAILED} and ECS's reason. */
    public void failCapacityProviderDeletion(CapacityProviderEntry entry, String reason) {
        entry.nextUpdate();
        entry.update(entry.provider().toBuilder().updateStatus("DELETE_FAILED").updateStatusReason(reason).build());
    }

    /**
     * Deletes a provider as ECS does: ACTIVE with {@code DELETE_IN_PROGRESS} at once, INACTIVE with
     * {@code DELETE_COMPLETE} one lifecycle step later, gone after the retention period.
     */
    public void deleteCapacityProvider(CapacityProviderEntry entry) {
        entry.nextUpdate();
        entry.update(entry.provider().toBuilder().updateStatus("DELETE_IN_PROGRESS").updateStatusReason(null).build());
        state.timeline().at(state.now().plus(state.lifecycle().step()), () -> {
            entry.update(entry.provider().toBuilder().status("INACTIVE").updateStatus("DELETE_COMPLETE").build());
            state.timeline().at(state.now().plus(EcsState.INACTIVE_CAPACITY_PROVIDER_RETENTION), () -> {
                state.capacityProviders().expire(entry);
                if (state.capacityProviders().byName(entry.name()).isEmpty()) {
                    state.tags().forget(entry.arn());
                }
            });
        });
    }

    /**
     * Makes {@code names} the Auto Scaling group providers associated with the cluster: those named
     * are taken by it, those it had and no longer names are free again. The built-in providers need no
     * bookkeeping.
     */
    public void associateCapacityProviders(ClusterEntry cluster, Collection<String> names) {
        for (CapacityProviderEntry entry : state.capacityProviders().inOrder().values()) {
            if (names.contains(entry.name()) && !entry.isInactive()) {
                entry.associate(cluster.arn());
            } else if (cluster.arn().equals(entry.clusterArn())) {
                entry.associate(null);
            }
        }
    }

    /**
     * Completes a change of the cluster's capacity provider attachments one lifecycle step later:
     * new attachments are CREATED, removed ones are gone, {@code attachmentsStatus} is
     * {@code UPDATE_COMPLETE}, and a cluster still PROVISIONING is ACTIVE.
     */
    public void settleClusterAttachments(ClusterEntry cluster) {
        state.timeline().at(state.now().plus(state.lifecycle().step()), () -> {
            Cluster current = cluster.cluster();
            if (!"UPDATE_IN_PROGRESS".equals(current.attachmentsStatus())) {
                return;
            }
            List<Attachment> settled = new ArrayList<>();
            for (Attachment attachment : current.attachments()) {
                if ("DELETING".equals(attachment.status())) {
                    continue;
                }
                settled.add("PRECREATED".equals(attachment.status()) ? attachment.toBuilder().status("CREATED").build() : attachment);
            }
            cluster.update(current.toBuilder().attachments(settled).attachmentsStatus("UPDATE_COMPLETE")
                    .status("PROVISIONING".equals(current.status()) ? "ACTIVE" : current.status()).build());
        });
    }
}
