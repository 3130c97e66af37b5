package io.github.ecsmock.internal.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.DaemonCapacityProvider;
import software.amazon.awssdk.services.ecs.model.DaemonDetail;
import software.amazon.awssdk.services.ecs.model.DaemonRevisionDetail;
import software.amazon.awssdk.services.ecs.model.DaemonSummary;

/**
 * One daemon as the state keeps it: its current revision, its deployments (newest first) and the
 * daemon tasks it has on the cluster's container instances, each running one revision. Counts are
 * computed from the tasks whenever asked, so they cannot drift from them.
 */
public final class DaemonEntry {
    public static final String ACTIVE = "ACTIVE";
    public static final String DELETE_IN_PROGRESS = "DELETE_IN_PROGRESS";

    final long sequence;
    final String name;
    final String arn;
    final ClusterEntry cluster;
    final Instant createdAt;
    final String clientToken;
    String status = ACTIVE;
    Instant updatedAt;
    DaemonRevisionEntry current;
    final List<DaemonDeploymentEntry> deployments = new ArrayList<>();
    /** The live (not yet STOPPED) daemon tasks and the revision each runs. */
    final Map<TaskEntry, DaemonRevisionEntry> tasks = new LinkedHashMap<>();
    /** Instances of the current revision where its task could not be placed (no room for it). */
    final Set<ContainerInstanceEntry> withoutDaemon = new LinkedHashSet<>();

    DaemonEntry(long sequence, String name, String arn, ClusterEntry cluster, Instant createdAt, String clientToken) {
        this.sequence = sequence;
        this.name = name;
        this.arn = arn;
        this.cluster = cluster;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.clientToken = clientToken;
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public ClusterEntry cluster() {
        return cluster;
    }

    public String status() {
        return status;
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public String clientToken() {
        return clientToken;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public DaemonRevisionEntry current() {
        return current;
    }

    /** The newest deployment: what {@code deploymentArn} names. */
    public DaemonDeploymentEntry latestDeployment() {
        return deployments.isEmpty() ? null : deployments.get(0);
    }

    /** Deployments, newest first (read-only). */
    public List<DaemonDeploymentEntry> deployments() {
        return List.copyOf(deployments);
    }

    /** The capacity providers the current revision deploys to. */
    public List<String> capacityProviderArns() {
        return current == null ? List.of() : current.capacityProviderArns;
    }

    /** The provider of {@code revision} an instance counts under: its own when the revision names it, else the first. */
    String providerOf(DaemonRevisionEntry revision, ContainerInstanceEntry instance) {
        if (instance.capacityProviderName != null) {
            for (String provider : revision.capacityProviderArns) {
                if (provider.endsWith("/" + instance.capacityProviderName)) {
                    return provider;
                }
            }
        }
        return revision.capacityProviderArns.get(0);
    }

    int runningCount(DaemonRevisionEntry revision, String provider) {
        int count = 0;
        for (Map.Entry<TaskEntry, DaemonRevisionEntry> entry : tasks.entrySet()) {
            TaskEntry task = entry.getKey();
            if (entry.getValue() == revision && task.isRunning() && task.placement != null
                    && provider.equals(providerOf(revision, task.placement.instance()))) {
                count++;
            }
        }
        return count;
    }

    int withoutDaemonCount(DaemonRevisionEntry revision, String provider) {
        if (revision != current || !isActive()) {
            return 0;
        }
        return (int) withoutDaemon.stream().filter(instance -> provider.equals(providerOf(revision, instance))).count();
    }

    /** ECS's rule for service circuit breakers, applied to the instances the daemon runs on: 3 to 200, half of them. */
    int circuitBreakerThreshold() {
        return Math.max(3, Math.min(200, tasks.size() / 2));
    }

    /** The revisions with tasks now, the current one first (even before its tasks start). */
    List<DaemonRevisionEntry> currentRevisions() {
        Set<DaemonRevisionEntry> revisions = new LinkedHashSet<>();
        if (isActive() && current != null) {
            revisions.add(current);
        }
        revisions.addAll(tasks.values());
        return new ArrayList<>(revisions);
    }

    public DaemonDetail toDaemonDetail() {
        List<DaemonRevisionDetail> revisions = new ArrayList<>();
        for (DaemonRevisionEntry revision : currentRevisions()) {
            List<DaemonCapacityProvider> providers = new ArrayList<>();
            int running = 0;
            int without = 0;
            for (String provider : revision.capacityProviderArns) {
                int runningHere = runningCount(revision, provider);
                int withoutHere = withoutDaemonCount(revision, provider);
                running += runningHere;
                without += withoutHere;
                providers.add(DaemonCapacityProvider.builder().arn(provider).runningCount(runningHere)
                        .withoutDaemonCount(withoutHere).build());
            }
            revisions.add(DaemonRevisionDetail.builder().arn(revision.arn).capacityProviders(providers)
                    .totalRunningCount(running).totalWithoutDaemonCount(without).build());
        }
        DaemonDeploymentEntry latest = latestDeployment();
        return DaemonDetail.builder()
                .daemonArn(arn)
                .clusterArn(cluster.arn())
                .status(status)
                .currentRevisions(revisions)
                .deploymentArn(latest == null ? null : latest.arn)
                .createdAt(createdAt)
                .updatedAt(updatedAt)
                .build();
    }

    public DaemonSummary toSummary() {
        return DaemonSummary.builder().daemonArn(arn).status(status).createdAt(createdAt).updatedAt(updatedAt).build();
    }
}
