package io.github.ecsmock.internal.state;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/**
 * Every task definition revision of one state, ordered by family and revision as ECS lists them.
 * Revisions count from 1 per family and are never reused, even after a revision is deleted.
 */
public final class TaskDefinitionRegistry {

    /** A revision's place in the listing order: family, then revision. */
    public record Key(String family, int revision) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byFamily = family.compareTo(other.family);
            return byFamily != 0 ? byFamily : Integer.compare(revision, other.revision);
        }

        /** The cursor form {@code family:revision}. */
        @Override
        public String toString() {
            return family + ":" + revision;
        }

        public static Key parse(String text) {
            int colon = text.lastIndexOf(':');
            return new Key(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
        }
    }

    /** What the registry knows of a family: its highest revision ever and how many revisions are kept. */
    public static final class Family {
        private final String name;
        private int lastRevision;
        private int kept;
        private int active;
        /**
         * The highest ACTIVE revision, or null: what a family name alone means, which every RunTask by
         * family asks. Kept as revisions are stored and removed ({@link Invariants} checks it against a
         * search of the revisions).
         */
        private TaskDefinition latestActive;

        Family(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        public boolean hasActiveRevision() {
            return active > 0;
        }

        public boolean hasRevisions() {
            return kept > 0;
        }
    }

    private final NavigableMap<Key, TaskDefinition> byKey = new TreeMap<>();
    private final NavigableMap<String, Family> families = new TreeMap<>();

    /** Reserves the next revision number of {@code family}. */
    int nextRevision(String family) {
        return ++families.computeIfAbsent(family, Family::new).lastRevision;
    }

    /** Stores a new revision or the new form of a stored one (after a status change). */
    void put(TaskDefinition definition) {
        Key key = new Key(definition.family(), definition.revision());
        Family family = families.computeIfAbsent(key.family(), Family::new);
        TaskDefinition previous = byKey.put(key, definition);
        if (previous == null) {
            family.kept++;
        } else if (isActive(previous)) {
            family.active--;
        }
        if (isActive(definition)) {
            family.active++;
            if (family.latestActive == null || key.revision() >= family.latestActive.revision()) {
                family.latestActive = definition;
            }
        } else if (family.latestActive != null && key.revision() == family.latestActive.revision()) {
            family.latestActive = searchLatestActive(key.family());
        }
    }

    void remove(Key key) {
        TaskDefinition removed = byKey.remove(key);
        if (removed != null) {
            Family family = families.get(key.family());
            family.kept--;
            if (isActive(removed)) {
                family.active--;
            }
            if (family.latestActive != null && key.revision() == family.latestActive.revision()) {
                family.latestActive = searchLatestActive(key.family());
            }
        }
    }

    public Optional<TaskDefinition> get(String family, int revision) {
        return Optional.ofNullable(byKey.get(new Key(family, revision)));
    }

    /** The highest ACTIVE revision of a family: what a family name alone means. */
    public Optional<TaskDefinition> latestActive(String family) {
        Family known = families.get(family);
        return Optional.ofNullable(known == null ? null : known.latestActive);
    }

    /** The highest ACTIVE revision of a family, searched for among its revisions. */
    TaskDefinition searchLatestActive(String family) {
        for (TaskDefinition definition : revisionsOf(family).descendingMap().values()) {
            if (isActive(definition)) {
                return definition;
            }
        }
        return null;
    }

    public NavigableMap<Key, TaskDefinition> revisionsOf(String family) {
        return Collections.unmodifiableNavigableMap(
                byKey.subMap(new Key(family, 0), true, new Key(family, Integer.MAX_VALUE), true));
    }

    /** Every kept revision in family and revision order (read-only). */
    public NavigableMap<Key, TaskDefinition> all() {
        return Collections.unmodifiableNavigableMap(byKey);
    }

    /** Every family ever registered, by name (read-only); see {@link Family#hasRevisions()}. */
    public NavigableMap<String, Family> families() {
        return Collections.unmodifiableNavigableMap(families);
    }

    public int size() {
        return byKey.size();
    }

    static boolean isActive(TaskDefinition definition) {
        return TaskDefinitionStatus.ACTIVE.toString().equals(definition.statusAsString());
    }
}
