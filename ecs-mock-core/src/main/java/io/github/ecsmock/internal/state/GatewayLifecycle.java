package io.github.ecsmock.internal.state;

import java.util.List;

/**
 * How gateways, their cluster associations and their routes change over time in one state: the
 * transitions (UPDATE_IN_PROGRESS, DISASSOCIATING, route creation and removal) run on the state's
 * timeline, under its lock, like every other change.
 */
public final class GatewayLifecycle {
    private final EcsState state;

    GatewayLifecycle(EcsState state) {
        this.state = state;
    }

    public GatewayEntry addGateway(software.amazon.awssdk.services.ecs.model.CreateGatewayRequest creation) {
        GatewayEntry gateway = new GatewayEntry(state.nextSequence(), state.arns().gateway(creation.name()), creation, state.now());
        state.gateways().add(gateway);
        return gateway;
    }

    /**
     * UPDATE_IN_PROGRESS while the change reaches the gateway's load balancers, then UPDATE_COMPLETE:
     * one lifecycle step later (at once under the immediate lifecycle, after the answer).
     */
    public void updateGateway(GatewayEntry gateway) {
        gateway.status = "UPDATE_IN_PROGRESS";
        gateway.updatedAt = state.now();
        state.timeline().at(state.now().plus(state.lifecycle().step()), () -> {
            if ("UPDATE_IN_PROGRESS".equals(gateway.status)) {
                gateway.status = "UPDATE_COMPLETE";
            }
        });
    }

    /** DeleteGateway is synchronous: the gateway is gone at once, its name free again. */
    public void deleteGateway(GatewayEntry gateway) {
        gateway.status = "DELETED";
        state.gateways().remove(gateway);
        state.tags().forget(gateway.arn());
    }

    public GatewayAssociation associate(GatewayEntry gateway, ClusterEntry cluster) {
        GatewayAssociation association = new GatewayAssociation(state.nextSequence(), gateway.arn(), cluster.arn());
        state.gateways().add(association);
        return association;
    }

    /**
     * DISASSOCIATING until no route of the cluster uses the gateway; the mock makes no routes, so it
     * is INACTIVE one lifecycle step later, and forgotten after the retention period.
     */
    public void disassociate(GatewayAssociation association) {
        association.status = "DISASSOCIATING";
        finishDisassociations();
    }

    /**
     * Each DISASSOCIATING association whose cluster has no route through its gateway any more becomes
     * INACTIVE one lifecycle step later, and is forgotten after the retention period.
     */
    private void finishDisassociations() {
        for (GatewayAssociation association : List.copyOf(state.gateways().associations().values())) {
            if (!"DISASSOCIATING".equals(association.status) || association.finishing) {
                continue;
            }
            boolean routed = state.gateways().routes().values().stream().anyMatch(route -> route.gatewayArn.equals(association.gatewayArn)
                    && route.clusterArn.equals(association.clusterArn));
            if (!routed) {
                association.finishing = true;
                state.timeline().at(state.now().plus(state.lifecycle().step()), () -> {
                    association.status = "INACTIVE";
                    state.timeline().at(state.now().plus(EcsState.INACTIVE_GATEWAY_ASSOCIATION_RETENTION), () -> state.gateways().remove(association));
                });
            }
        }
    }

    /**
     * The routes a service has through the gateways of its cluster: one per ACTIVE association and
     * connector whose access-type filter admits the gateway. Routes no longer wanted are removed (one
     * lifecycle step later); new ones are ACTIVE one lifecycle step after CREATE_IN_PROGRESS.
     */
    public void setGatewayRoutes(ServiceEntry service, List<software.amazon.awssdk.services.ecs.model.GatewayConnector> connectors) {
        java.util.Set<String> wanted = new java.util.LinkedHashSet<>();
        for (GatewayAssociation association : state.gateways().associations().values()) {
            if (!"ACTIVE".equals(association.status) || !association.clusterArn.equals(service.clusterArn())) {
                continue;
            }
            GatewayEntry gateway = state.gateways().inOrder().values().stream().filter(g -> g.arn().equals(association.gatewayArn))
                    .findFirst().orElse(null);
            if (gateway == null) {
                continue;
            }
            for (software.amazon.awssdk.services.ecs.model.GatewayConnector connector : connectors) {
                boolean admitted = connector.filters() == null || !connector.filters().hasAccessTypes()
                        || connector.filters().accessTypesAsStrings().isEmpty()
                        || connector.filters().accessTypesAsStrings().contains(gateway.accessType());
                if (admitted) {
                    wanted.add(gateway.arn() + " " + connector.portName());
                }
            }
        }
        for (GatewayRouteEntry route : List.copyOf(state.gateways().routes().values())) {
            if (route.serviceArn.equals(service.arn()) && !"DELETE_IN_PROGRESS".equals(route.status)
                    && !wanted.remove(route.gatewayArn + " " + route.portName)) {
                removeRoute(route);
            }
        }
        for (String key : wanted) {
            String gatewayArn = key.substring(0, key.indexOf(' '));
            String portName = key.substring(key.indexOf(' ') + 1);
            String gatewayName = gatewayArn.substring(gatewayArn.lastIndexOf('/') + 1);
            // Route ARN and URL forms are not documented (unverified); the URL includes https:// as documented.
            GatewayRouteEntry route = new GatewayRouteEntry(state.nextSequence(),
                    state.arns().gatewayRoute(gatewayName, service.cluster.name(), service.name(), state.ids().hex32()),
                    gatewayArn, service.clusterArn(), service.arn(), portName,
                    "https://" + service.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + state.ids().hex(8) + "."
                            + gatewayName.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".ecs." + state.arns().region() + ".on.aws");
            state.gateways().add(route);
            state.timeline().at(state.now().plus(state.lifecycle().step()), () -> {
                if ("CREATE_IN_PROGRESS".equals(route.status)) {
                    route.status = "ACTIVE";
                }
            });
        }
    }

    private void removeRoute(GatewayRouteEntry route) {
        route.status = "DELETE_IN_PROGRESS";
        state.timeline().at(state.now().plus(state.lifecycle().step()), () -> {
            state.gateways().remove(route);
            finishDisassociations();
        });
    }
}
