package io.github.ecsmock.internal.state;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Cloud Map namespaces Service Connect has been told about in one state. The mock has no Cloud
 * Map, so a namespace is <em>known</em> once a cluster's {@code serviceConnectDefaults} or a
 * service's {@code serviceConnectConfiguration} has named it (by name or ARN): ECS creates a missing
 * namespace named in a cluster's defaults, and a service can only name one that exists, so each
 * namespace the mock has seen is one that exists. A name gets a stable ARN of the state's account
 * and region; an ARN is known as itself (its name is then not known, so a later lookup by name does
 * not find it).
 */
public final class NamespaceRegistry {
    private final Map<String, String> arnByName = new HashMap<>();
    private final Map<String, String> known = new HashMap<>();

    /** The ARN a name or ARN means, made known from now on. */
    public String register(String nameOrArn, String partition, String region, String account) {
        if (nameOrArn.startsWith("arn:")) {
            known.put(nameOrArn, nameOrArn);
            return nameOrArn;
        }
        String arn = arnByName.computeIfAbsent(nameOrArn, name -> "arn:" + partition + ":servicediscovery:" + region + ":"
                + account + ":namespace/" + idOf(name));
        known.put(arn, arn);
        return arn;
    }

    /** The ARN of a known namespace, by name or ARN. */
    public Optional<String> find(String nameOrArn) {
        if (nameOrArn.startsWith("arn:")) {
            return Optional.ofNullable(known.get(nameOrArn));
        }
        return Optional.ofNullable(arnByName.get(nameOrArn));
    }

    /**
     * A Cloud Map style id ({@code ns-} and 16 characters) derived from the name, so the same name
     * gets the same ARN in every run without drawing on the state's random ids.
     */
    private static String idOf(String name) {
        long hash = 1125899906842597L;
        for (int i = 0; i < name.length(); i++) {
            hash = 31 * hash + name.charAt(i);
        }
        String digits = Long.toString(hash & Long.MAX_VALUE, 36);
        return "ns-" + ("0000000000000000" + digits).substring(digits.length());
    }
}
