package io.github.ecsmock.internal.state;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The account settings someone set in one (account, region), by principal ARN and then by setting
 * name. The root user's settings are the account defaults. What nobody set is not here: the values
 * AWS assumes then belong to the rules, not to the state. ECS keeps account settings per Region, so
 * each state has its own store.
 */
public final class AccountSettingsStore {
    private final Map<String, NavigableMap<String, String>> byPrincipal = new HashMap<>();

    /** The value {@code principal} set for {@code name}, if it set one. */
    public Optional<String> valueOf(String principal, String name) {
        NavigableMap<String, String> settings = byPrincipal.get(principal);
        return settings == null ? Optional.empty() : Optional.ofNullable(settings.get(name));
    }

    /** Everything {@code principal} set, by setting name in alphabetical order (the order ECS lists them in). */
    public NavigableMap<String, String> setBy(String principal) {
        NavigableMap<String, String> settings = byPrincipal.get(principal);
        return settings == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(settings);
    }

    public void put(String principal, String name, String value) {
        byPrincipal.computeIfAbsent(principal, p -> new TreeMap<>()).put(name, value);
    }

    /** Forgets what {@code principal} set for {@code name}; the value it had, if it had one. */
    public Optional<String> remove(String principal, String name) {
        NavigableMap<String, String> settings = byPrincipal.get(principal);
        if (settings == null) {
            return Optional.empty();
        }
        String removed = settings.remove(name);
        if (settings.isEmpty()) {
            byPrincipal.remove(principal);
        }
        return Optional.ofNullable(removed);
    }
}
