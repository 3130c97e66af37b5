package io.github.ecsmock.internal.state;

import io.github.ecsmock.internal.state.TaskDefinitionRegistry.Key;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinition;

/**
 * Every daemon task definition revision of one state, ordered by family and revision as
 * ListDaemonTaskDefinitions lists them. Revisions count from 1 per family and are never reused, as
 * for task definitions.
 */
public final class DaemonTaskDefinitionRegistry {
    private final NavigableMap<Key, DaemonTaskDefinition> byKey = new TreeMap<>();
    private final Map<String, Integer> lastRevision = new HashMap<>();

    int nextRevision(String family) {
        return lastRevision.merge(family, 1, Integer::sum);
    }

    /** The highest revision ever registered in a family, 0 for a family never seen. */
    public int lastRevision(String family) {
        return lastRevision.getOrDefault(family, 0);
    }

    /** Stores a new revision or the new form of a stored one (after a status change). */
    void put(DaemonTaskDefinition definition) {
        byKey.put(new Key(definition.family(), definition.revision()), definition);
    }

    void remove(Key key) {
        byKey.remove(key);
    }

    public Optional<DaemonTaskDefinition> get(String family, int revision) {
        return Optional.ofNullable(byKey.get(new Key(family, revision)));
    }

    /** The highest ACTIVE revision of a family: what a family name alone means. */
    public Optional<DaemonTaskDefinition> latestActive(String family) {
        for (DaemonTaskDefinition definition : byKey.subMap(new Key(family, 0), true, new Key(family, Integer.MAX_VALUE), true)
                .descendingMap().values()) {
            if ("ACTIVE".equals(definition.statusAsString())) {
                return Optional.of(definition);
            }
        }
        return Optional.empty();
    }

    /** Every kept revision in family and revision order (read-only). */
    public NavigableMap<Key, DaemonTaskDefinition> all() {
        return Collections.unmodifiableNavigableMap(byKey);
    }
}
