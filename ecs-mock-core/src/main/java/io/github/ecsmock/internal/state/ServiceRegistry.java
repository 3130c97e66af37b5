package io.github.ecsmock.internal.state;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The services of one state, per cluster, by name and in creation order. A name has at most one
 * service: creating a name whose service is INACTIVE replaces it, as ECS frees the name.
 */
public final class ServiceRegistry {
    private static final class ClusterServices {
        final NavigableMap<Long, ServiceEntry> inOrder = new TreeMap<>();
        final Map<String, ServiceEntry> byName = new HashMap<>();
    }

    private final Map<String, ClusterServices> byCluster = new HashMap<>();

    public Optional<ServiceEntry> byName(String clusterArn, String name) {
        ClusterServices services = byCluster.get(clusterArn);
        return services == null ? Optional.empty() : Optional.ofNullable(services.byName.get(name));
    }

    void add(ServiceEntry service) {
        ClusterServices services = byCluster.computeIfAbsent(service.clusterArn(), arn -> new ClusterServices());
        ServiceEntry previous = services.byName.put(service.name(), service);
        if (previous != null) {
            services.inOrder.remove(previous.sequence);
        }
        services.inOrder.put(service.sequence, service);
    }

    /** Forgets an INACTIVE service, unless its name was taken again meanwhile. */
    void expire(ServiceEntry service) {
        ClusterServices services = byCluster.get(service.clusterArn());
        if (services != null && services.byName.get(service.name()) == service) {
            services.byName.remove(service.name());
            services.inOrder.remove(service.sequence);
        }
    }

    /** The services of a cluster, whatever their status, in creation order (read-only). */
    public NavigableMap<Long, ServiceEntry> inOrder(String clusterArn) {
        ClusterServices services = byCluster.get(clusterArn);
        return services == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(services.inOrder);
    }
}
