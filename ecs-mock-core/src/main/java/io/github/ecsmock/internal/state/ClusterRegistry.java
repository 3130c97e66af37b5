package io.github.ecsmock.internal.state;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.ecs.model.Cluster;

/**
 * The clusters of one state, by name and in creation order. A name has at most one cluster: creating
 * a name whose cluster is INACTIVE replaces it, as ECS does, and the new cluster lists after older
 * ones.
 */
public final class ClusterRegistry {
    private final NavigableMap<Long, ClusterEntry> bySequence = new TreeMap<>();
    private final Map<String, ClusterEntry> byName = new HashMap<>();

    public Optional<ClusterEntry> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    ClusterEntry add(long sequence, Cluster cluster) {
        ClusterEntry previous = byName.get(cluster.clusterName());
        if (previous != null) {
            bySequence.remove(previous.sequence());
        }
        ClusterEntry entry = new ClusterEntry(sequence, cluster);
        bySequence.put(sequence, entry);
        byName.put(entry.name(), entry);
        return entry;
    }

    void markDeleted(ClusterEntry entry, Instant when) {
        entry.markDeleted(when);
    }

    /** Forgets a deleted cluster, unless its name was taken again meanwhile. */
    void expire(ClusterEntry entry) {
        if (byName.get(entry.name()) == entry) {
            byName.remove(entry.name());
        }
        bySequence.remove(entry.sequence());
    }

    /** Every cluster, ACTIVE and INACTIVE, in creation order (read-only). */
    public NavigableMap<Long, ClusterEntry> inOrder() {
        return Collections.unmodifiableNavigableMap(bySequence);
    }

    public int size() {
        return bySequence.size();
    }
}
