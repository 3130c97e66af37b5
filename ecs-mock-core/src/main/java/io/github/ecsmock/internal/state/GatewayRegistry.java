package io.github.ecsmock.internal.state;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The gateways of one state, by name and in creation order, and their cluster associations in the
 * order they were made. A deleted gateway is gone at once (DeleteGateway is synchronous), so its name
 * is free again.
 */
public final class GatewayRegistry {
    private final NavigableMap<Long, GatewayEntry> inOrder = new TreeMap<>();
    private final Map<String, GatewayEntry> byName = new HashMap<>();
    private final NavigableMap<Long, GatewayAssociation> associations = new TreeMap<>();
    private final NavigableMap<Long, GatewayRouteEntry> routes = new TreeMap<>();

    public Optional<GatewayEntry> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    void add(GatewayEntry gateway) {
        inOrder.put(gateway.sequence, gateway);
        byName.put(gateway.name, gateway);
    }

    void remove(GatewayEntry gateway) {
        inOrder.remove(gateway.sequence);
        byName.remove(gateway.name, gateway);
    }

    /** The gateways in creation order (read-only). */
    public NavigableMap<Long, GatewayEntry> inOrder() {
        return Collections.unmodifiableNavigableMap(inOrder);
    }

    /** The association of a gateway with a cluster that is not INACTIVE, if any. */
    public Optional<GatewayAssociation> association(String gatewayArn, String clusterArn) {
        return associations.values().stream()
                .filter(association -> association.gatewayArn.equals(gatewayArn) && association.clusterArn.equals(clusterArn))
                .filter(GatewayAssociation::isLive)
                .findFirst();
    }

    void add(GatewayAssociation association) {
        associations.put(association.sequence, association);
    }

    void remove(GatewayAssociation association) {
        associations.remove(association.sequence);
    }

    /** Every association, whatever its status, in the order they were made (read-only). */
    public NavigableMap<Long, GatewayAssociation> associations() {
        return Collections.unmodifiableNavigableMap(associations);
    }

    void add(GatewayRouteEntry route) {
        routes.put(route.sequence, route);
    }

    void remove(GatewayRouteEntry route) {
        routes.remove(route.sequence);
    }

    /** Every route, in the order they were made (read-only). */
    public NavigableMap<Long, GatewayRouteEntry> routes() {
        return Collections.unmodifiableNavigableMap(routes);
    }

    public Optional<GatewayRouteEntry> route(String arn) {
        return routes.values().stream().filter(route -> route.arn.equals(arn)).findFirst();
    }
}
