package io.github.ecsmock.internal.state;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;

/**
 * The Auto Scaling group capacity providers of one state, by name and in creation order. The
 * built-in {@code FARGATE} and {@code FARGATE_SPOT} are not kept here: they always exist and have
 * nothing to keep. A name has at most one provider: creating a name whose provider is INACTIVE
 * replaces it, and the new provider lists after older ones.
 */
public final class CapacityProviderRegistry {
    private final NavigableMap<Long, CapacityProviderEntry> bySequence = new TreeMap<>();
    private final Map<String, CapacityProviderEntry> byName = new HashMap<>();

    public Optional<CapacityProviderEntry> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The provider, not INACTIVE, that owns the Auto Scaling group of that name. */
    public Optional<CapacityProviderEntry> owning(String autoScalingGroupName) {
        return bySequence.values().stream()
                .filter(entry -> !entry.isInactive() && entry.autoScalingGroupName().equals(autoScalingGroupName))
                .findFirst();
    }

    CapacityProviderEntry add(long sequence, CapacityProvider provider, String autoScalingGroupName) {
        CapacityProviderEntry previous = byName.get(provider.name());
        if (previous != null) {
            bySequence.remove(previous.sequence());
        }
        CapacityProviderEntry entry = new CapacityProviderEntry(sequence, provider, autoScalingGroupName);
        bySequence.put(sequence, entry);
        byName.put(entry.name(), entry);
        return entry;
    }

    /** Forgets a deleted provider, unless its name was taken again meanwhile. */
    void expire(CapacityProviderEntry entry) {
        if (byName.get(entry.name()) == entry) {
            byName.remove(entry.name());
        }
        bySequence.remove(entry.sequence());
    }

    /** Every provider, ACTIVE and INACTIVE, in creation order (read-only). */
    public NavigableMap<Long, CapacityProviderEntry> inOrder() {
        return Collections.unmodifiableNavigableMap(bySequence);
    }

    public int size() {
        return bySequence.size();
    }
}
