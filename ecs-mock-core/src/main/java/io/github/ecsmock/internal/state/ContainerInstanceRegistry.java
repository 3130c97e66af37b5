package io.github.ecsmock.internal.state;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The container instances of one state: by ARN, and per cluster in registration order, which is the
 * order ListContainerInstances pages through. A deregistered instance stays (INACTIVE) until its
 * retention ends, as ECS keeps describing it for a while.
 */
public final class ContainerInstanceRegistry {
    private final Map<String, ContainerInstanceEntry> byArn = new HashMap<>();
    private final Map<String, NavigableMap<Long, ContainerInstanceEntry>> byCluster = new HashMap<>();

    void add(ContainerInstanceEntry instance) {
        byArn.put(instance.arn, instance);
        byCluster.computeIfAbsent(instance.clusterArn, arn -> new TreeMap<>()).put(instance.sequence, instance);
    }

    void remove(ContainerInstanceEntry instance) {
        if (byArn.remove(instance.arn) != null) {
            NavigableMap<Long, ContainerInstanceEntry> cluster = byCluster.get(instance.clusterArn);
            cluster.remove(instance.sequence);
            if (cluster.isEmpty()) {
                byCluster.remove(instance.clusterArn);
            }
        }
    }

    public Optional<ContainerInstanceEntry> byArn(String arn) {
        return Optional.ofNullable(byArn.get(arn));
    }

    /** The instances of a cluster, every status, in registration order (read-only). */
    public NavigableMap<Long, ContainerInstanceEntry> inCluster(String clusterArn) {
        NavigableMap<Long, ContainerInstanceEntry> cluster = byCluster.get(clusterArn);
        return cluster == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(cluster);
    }

    /** ACTIVE and DRAINING instances of a cluster: what ECS counts as registered. */
    public int registeredCount(String clusterArn) {
        return (int) inCluster(clusterArn).values().stream().filter(instance -> !"INACTIVE".equals(instance.status)).count();
    }

    public int size() {
        return byArn.size();
    }
}
