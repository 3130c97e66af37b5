package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.errors.EcsError;
import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.paging.PageTokens;
import io.github.ecsmock.internal.state.ClusterEntry;
import io.github.ecsmock.internal.state.EcsState;
import io.github.ecsmock.internal.state.GatewayAssociation;
import io.github.ecsmock.internal.state.GatewayEntry;
import io.github.ecsmock.internal.state.GatewayRouteEntry;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.AssociateGatewayWithClusterRequest;
import software.amazon.awssdk.services.ecs.model.AssociateGatewayWithClusterResponse;
import software.amazon.awssdk.services.ecs.model.CreateGatewayRequest;
import software.amazon.awssdk.services.ecs.model.CreateGatewayResponse;
import software.amazon.awssdk.services.ecs.model.DeleteGatewayRequest;
import software.amazon.awssdk.services.ecs.model.DeleteGatewayResponse;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayAlbConfiguration;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayConfiguration;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayRequest;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayResourcesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayResourcesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayResponse;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayRouteRequest;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayRouteResponse;
import software.amazon.awssdk.services.ecs.model.DisassociateGatewayFromClusterRequest;
import software.amazon.awssdk.services.ecs.model.DisassociateGatewayFromClusterResponse;
import software.amazon.awssdk.services.ecs.model.Gateway;
import software.amazon.awssdk.services.ecs.model.GatewayClusterAssociationSummary;
import software.amazon.awssdk.services.ecs.model.GatewayConfiguration;
import software.amazon.awssdk.services.ecs.model.GatewayInfrastructureResources;
import software.amazon.awssdk.services.ecs.model.GatewayResources;
import software.amazon.awssdk.services.ecs.model.GatewayRoute;
import software.amazon.awssdk.services.ecs.model.GatewayRouteResources;
import software.amazon.awssdk.services.ecs.model.GatewayRouteSummary;
import software.amazon.awssdk.services.ecs.model.GatewaySummary;
import software.amazon.awssdk.services.ecs.model.HostSharedAlbConfiguration;
import software.amazon.awssdk.services.ecs.model.ListGatewayClusterAssociationsRequest;
import software.amazon.awssdk.services.ecs.model.ListGatewayClusterAssociationsResponse;
import software.amazon.awssdk.services.ecs.model.ListGatewayRoutesRequest;
import software.amazon.awssdk.services.ecs.model.ListGatewayRoutesResponse;
import software.amazon.awssdk.services.ecs.model.ListGatewaysRequest;
import software.amazon.awssdk.services.ecs.model.ListGatewaysResponse;
import software.amazon.awssdk.services.ecs.model.UpdateGatewayAlbConfiguration;
import software.amazon.awssdk.services.ecs.model.UpdateGatewayRequest;
import software.amazon.awssdk.services.ecs.model.UpdateGatewayResponse;

/**
 * The gateway operations of SDK 2.57.8 that the public model does not have yet: CreateGateway,
 * UpdateGateway, DeleteGateway, DescribeGateway, ListGateways, the cluster associations, and the
 * read-only views of a gateway's resources and routes. Facts are from the ECS API reference; what it
 * does not say (ARN format, most messages, list page sizes) is marked unverified where it is decided.
 *
 * <p>A service of an associated cluster uses a gateway through the {@code gatewayConnectors} of
 * CreateService and UpdateService: each connector becomes a route through each gateway of the cluster
 * whose access type it admits, and a disassociation stays DISASSOCIATING until the cluster's routes
 * through the gateway are gone. The load balancers, listeners and target groups a gateway provisions
 * for them are not modelled: DescribeGatewayResources shows none.
 */
public final class Gateways {
    /** As for services; the API reference says only "unique within your account, up to 255 characters" (unverified). */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");
    /** Page sizes of the gateway lists: not documented, ECS's usual 100 (unverified). */
    private static final int PAGE_DEFAULT = 100;
    private static final int PAGE_MAX = 100;

    private final TagRules tagRules;

    public Gateways(TagRules tagRules) {
        this.tagRules = tagRules;
    }

    public CreateGatewayResponse createGateway(EcsState state, CreateGatewayRequest request) {
        String name = required(request.name(), "name");
        if (!NAME.matcher(name).matches()) {
            throw Errors.invalidParameter("Gateway name can be up to 255 letters (uppercase and lowercase), numbers, "
                    + "underscores, and hyphens.");
        }
        required(request.infrastructureRoleArn(), "infrastructureRoleArn");
        if (request.configuration() == null) {
            throw blank("configuration");
        }
        if (request.configuration().hostSharedAlb() == null) {
            // GatewayConfiguration is a union with one variant: the gateway's type is required.
            throw blank("configuration.hostSharedAlb");
        }
        if (request.clientToken() != null && request.clientToken().length() > 64) {
            throw Errors.invalidParameter("clientToken longer than 64.");
        }
        Optional<GatewayEntry> existing = state.gateways().byName(name);
        if (existing.isPresent()) {
            if (existing.get().isCreatedBy(request)) {
                return CreateGatewayResponse.builder().gatewayArn(existing.get().arn()).name(name)
                        .status(existing.get().status).build();
            }
            // Unverified wording: ECS documents only that the name is unique in the account and region.
            throw Errors.invalidParameter("A gateway named " + name + " already exists.");
        }
        tagRules.checkNew(request.tags());
        GatewayEntry gateway = state.gatewayLifecycle().addGateway(request);
        state.tags().add(gateway.arn(), request.tags());
        // "CreateGateway is a synchronous operation and the gateway is returned with a status of ACTIVE."
        return CreateGatewayResponse.builder().gatewayArn(gateway.arn()).name(name).status(gateway.status).build();
    }

    public UpdateGatewayResponse updateGateway(EcsState state, UpdateGatewayRequest request) {
        GatewayEntry gateway = find(state, request.gateway());
        if (request.infrastructureRoleArn() != null) {
            gateway.infrastructureRoleArn = request.infrastructureRoleArn();
        }
        if (request.deletionProtection() != null) {
            gateway.deletionProtection = request.deletionProtection();
        }
        if (request.propagateTags() != null) {
            gateway.propagateTags = request.propagateTagsAsString();
        }
        if (request.configuration() != null && request.configuration().hostSharedAlb() != null) {
            gateway.configuration = merged(gateway.configuration, request.configuration().hostSharedAlb());
        }
        // "the gateway reports a status of UPDATE_IN_PROGRESS until the update completes"
        state.gatewayLifecycle().updateGateway(gateway);
        return UpdateGatewayResponse.builder().gatewayArn(gateway.arn()).name(gateway.name()).status(gateway.status).build();
    }

    public DeleteGatewayResponse deleteGateway(EcsState state, DeleteGatewayRequest request) {
        GatewayEntry gateway = find(state, request.gateway());
        // The API reference states both preconditions; the error code and wording are unverified.
        if (gateway.deletionProtection) {
            throw Errors.invalidParameter("The gateway " + gateway.name() + " has deletion protection enabled. "
                    + "Disable deletion protection and try again.");
        }
        boolean associated = state.gateways().associations().values().stream()
                .anyMatch(association -> association.gatewayArn().equals(gateway.arn()) && association.isLive());
        if (associated) {
            throw Errors.client("The gateway " + gateway.name() + " is associated with one or more clusters. "
                    + "Disassociate all clusters from the gateway and try again.");
        }
        state.gatewayLifecycle().deleteGateway(gateway);
        return DeleteGatewayResponse.builder().gatewayArn(gateway.arn()).name(gateway.name()).status(gateway.status).build();
    }

    public DescribeGatewayResponse describeGateway(EcsState state, DescribeGatewayRequest request) {
        GatewayEntry gateway = find(state, request.gateway());
        return DescribeGatewayResponse.builder().gateway(toGateway(state, gateway)).build();
    }

    public ListGatewaysResponse listGateways(EcsState state, ListGatewaysRequest request) {
        int size = PageTokens.pageSize(request.maxResults(), PAGE_DEFAULT, PAGE_MAX);
        Predicate<GatewayEntry> wanted = gateway -> true;
        if (request.hasNames() && !request.names().isEmpty()) {
            wanted = wanted.and(gateway -> request.names().contains(gateway.name()) || request.names().contains(gateway.arn()));
        }
        if (request.hasStatus() && !request.status().isEmpty()) {
            wanted = wanted.and(gateway -> request.statusAsStrings().contains(gateway.status));
        }
        PageTokens.Page<GatewayEntry> page = state.pageTokens().page("ListGateways", state.gateways().inOrder(),
                request.nextToken(), size, wanted, String::valueOf, Long::valueOf);
        return ListGatewaysResponse.builder()
                .gateways(page.items().stream().map(gateway -> GatewaySummary.builder().gatewayArn(gateway.arn())
                        .name(gateway.name()).status(gateway.status).createdAt(gateway.createdAt()).build()).toList())
                .nextToken(page.nextToken())
                .build();
    }

    public AssociateGatewayWithClusterResponse associateGatewayWithCluster(EcsState state, AssociateGatewayWithClusterRequest request) {
        GatewayEntry gateway = find(state, request.gateway());
        ClusterEntry cluster = state.activeCluster(required(request.cluster(), "cluster"));
        Optional<GatewayAssociation> existing = state.gateways().association(gateway.arn(), cluster.arn());
        if (existing.isPresent() && "DISASSOCIATING".equals(existing.get().status())) {
            // Unverified wording; the API reference only says the association stays DISASSOCIATING for a while.
            throw Errors.invalidParameter("The gateway " + gateway.name() + " is being disassociated from the cluster "
                    + cluster.name() + ". Try again after the disassociation completes.");
        }
        // Associating again is answered with the association that exists (unverified: idempotent, as ECS's puts are).
        GatewayAssociation association = existing.orElseGet(() -> state.gatewayLifecycle().associate(gateway, cluster));
        return AssociateGatewayWithClusterResponse.builder().gatewayArn(gateway.arn()).clusterArn(cluster.arn())
                .status(association.status()).build();
    }

    public DisassociateGatewayFromClusterResponse disassociateGatewayFromCluster(EcsState state,
                                                                                DisassociateGatewayFromClusterRequest request) {
        GatewayEntry gateway = find(state, request.gateway());
        ClusterEntry cluster = state.activeCluster(required(request.cluster(), "cluster"));
        GatewayAssociation association = state.gateways().association(gateway.arn(), cluster.arn())
                .orElseThrow(() -> new EcsError("ResourceNotFoundException", "The gateway " + gateway.name()
                        + " is not associated with the cluster " + cluster.name() + "."));
        if ("ACTIVE".equals(association.status())) {
            state.gatewayLifecycle().disassociate(association);
        }
        // "After a successful request, the status is DISASSOCIATING until all routes are removed."
        return DisassociateGatewayFromClusterResponse.builder().gatewayArn(gateway.arn()).clusterArn(cluster.arn())
                .status(association.status()).build();
    }

    public ListGatewayClusterAssociationsResponse listGatewayClusterAssociations(EcsState state,
                                                                                ListGatewayClusterAssociationsRequest request) {
        int size = PageTokens.pageSize(request.maxResults(), PAGE_DEFAULT, PAGE_MAX);
        Predicate<GatewayAssociation> wanted = association -> true;
        if (request.gateway() != null) {
            // An unknown gateway is no error here (the operation has no GatewayNotFoundException): nothing matches.
            String arn = lookup(state, request.gateway()).map(GatewayEntry::arn).orElse(null);
            wanted = wanted.and(association -> association.gatewayArn().equals(arn));
        }
        if (request.cluster() != null) {
            String arn = state.findCluster(request.cluster()).map(ClusterEntry::arn).orElse(null);
            wanted = wanted.and(association -> association.clusterArn().equals(arn));
        }
        if (request.hasStatus() && !request.status().isEmpty()) {
            wanted = wanted.and(association -> request.statusAsStrings().contains(association.status()));
        } else {
            wanted = wanted.and(GatewayAssociation::isLive);
        }
        PageTokens.Page<GatewayAssociation> page = state.pageTokens().page("ListGatewayClusterAssociations",
                state.gateways().associations(), request.nextToken(), size, wanted, String::valueOf, Long::valueOf);
        return ListGatewayClusterAssociationsResponse.builder()
                .gatewayClusterAssociations(page.items().stream().map(association -> GatewayClusterAssociationSummary.builder()
                        .gatewayArn(association.gatewayArn()).clusterArn(association.clusterArn())
                        .status(association.status()).build()).toList())
                .nextToken(page.nextToken())
                .build();
    }

    public DescribeGatewayResourcesResponse describeGatewayResources(EcsState state, DescribeGatewayResourcesRequest request) {
        GatewayEntry gateway = find(state, request.gateway());
        PageTokens.pageSize(request.maxResults(), PAGE_DEFAULT, PAGE_MAX);
        if (request.nextToken() != null) {
            state.pageTokens().cursorOf("DescribeGatewayResources", request.nextToken());
        }
        // No service uses the gateway in the mock, so it manages no load balancers yet.
        return DescribeGatewayResourcesResponse.builder()
                .gatewayResources(GatewayResources.builder().gatewayArn(gateway.arn())
                        .resources(GatewayInfrastructureResources.builder().hostSharedAlb(List.of()).build()).build())
                .build();
    }

    public DescribeGatewayRouteResponse describeGatewayRoute(EcsState state, DescribeGatewayRouteRequest request) {
        required(request.gatewayRouteArn(), "gatewayRouteArn");
        GatewayRouteEntry route = state.gateways().route(request.gatewayRouteArn())
                // Unverified wording.
                .orElseThrow(() -> new EcsError("ResourceNotFoundException", "The gateway route " + request.gatewayRouteArn()
                        + " could not be found."));
        return DescribeGatewayRouteResponse.builder()
                .gatewayRoute(GatewayRoute.builder()
                        .gatewayRouteArn(route.arn())
                        .serviceArn(route.serviceArn())
                        .serviceContainerPortName(route.portName())
                        .status(route.status())
                        .serviceUrl(route.serviceUrl())
                        // The load balancer, listener rules and target groups are not modelled.
                        .resources(GatewayRouteResources.builder().hostSharedAlb(List.of()).build())
                        .build())
                .build();
    }

    public ListGatewayRoutesResponse listGatewayRoutes(EcsState state, ListGatewayRoutesRequest request) {
        GatewayEntry gateway = find(state, request.gateway());
        int size = PageTokens.pageSize(request.maxResults(), PAGE_DEFAULT, PAGE_MAX);
        Predicate<GatewayRouteEntry> wanted = route -> route.gatewayArn().equals(gateway.arn());
        if (request.cluster() != null) {
            // ClusterNotFoundException is not among this operation's errors: an unknown cluster matches nothing.
            String clusterArn = state.findCluster(request.cluster()).map(ClusterEntry::arn).orElse(null);
            wanted = wanted.and(route -> route.clusterArn().equals(clusterArn));
        }
        if (request.service() != null) {
            // A name, or an ARN of either format: matched by the service's name (and cluster, when the ARN has one).
            String name = state.arns().nameOf(request.service(), "service").orElse(null);
            Optional<String> parent = state.arns().parentOf(request.service(), "service");
            wanted = wanted.and(route -> route.serviceArn().endsWith("/" + name)
                    && parent.map(p -> route.serviceArn().endsWith("/" + p + "/" + name)).orElse(true));
        }
        if (request.serviceContainerPortName() != null) {
            wanted = wanted.and(route -> route.portName().equals(request.serviceContainerPortName()));
        }
        if (request.hasStatus() && !request.status().isEmpty()) {
            wanted = wanted.and(route -> request.statusAsStrings().contains(route.status()));
        }
        PageTokens.Page<GatewayRouteEntry> page = state.pageTokens().page("ListGatewayRoutes", state.gateways().routes(),
                request.nextToken(), size, wanted, String::valueOf, Long::valueOf);
        return ListGatewayRoutesResponse.builder()
                .gatewayRoutes(page.items().stream().map(route -> GatewayRouteSummary.builder()
                        .gatewayRouteArn(route.arn()).gatewayArn(route.gatewayArn()).clusterArn(route.clusterArn())
                        .serviceArn(route.serviceArn()).serviceContainerPortName(route.portName()).status(route.status())
                        .build()).toList())
                .nextToken(page.nextToken())
                .build();
    }

    /** The gateway a "name or ARN" parameter means, or GatewayNotFoundException. */
    static GatewayEntry find(EcsState state, String reference) {
        required(reference, "gateway");
        // Unverified wording, in the style of ECS's other not-found errors.
        return lookup(state, reference).orElseThrow(() -> new EcsError("GatewayNotFoundException", "Gateway not found."));
    }

    private static Optional<GatewayEntry> lookup(EcsState state, String reference) {
        return state.arns().nameOf(reference, "gateway").flatMap(state.gateways()::byName);
    }

    private static String required(String value, String member) {
        if (value == null || value.isEmpty()) {
            throw blank(member);
        }
        return value;
    }

    /** The gateway as DescribeGateway shows it. */
    private static Gateway toGateway(EcsState state, GatewayEntry gateway) {
        HostSharedAlbConfiguration alb = gateway.configuration.hostSharedAlb();
        DescribeGatewayAlbConfiguration.Builder shown = DescribeGatewayAlbConfiguration.builder();
        Shapes.copySameNamedMembers(alb, shown);
        // Load balancers are made when services use the gateway; none do in the mock.
        shown.currentAlbCount(0);
        // "The gateway derives this value from its scheme."
        String accessType = gateway.accessType();
        return Gateway.builder()
                .gatewayArn(gateway.arn())
                .name(gateway.name())
                .status(gateway.status)
                .failures(List.of())
                .infrastructureRoleArn(gateway.infrastructureRoleArn)
                .deletionProtection(gateway.deletionProtection)
                .configuration(DescribeGatewayConfiguration.builder().hostSharedAlb(shown.build()).build())
                .accessType(accessType)
                .propagateTags(gateway.propagateTags)
                .tags(state.tags().tagsOf(gateway.arn()))
                .createdAt(gateway.createdAt())
                .updatedAt(gateway.updatedAt)
                .build();
    }

    /** The gateway's configuration with the mutable members an update gives replaced. */
    private static GatewayConfiguration merged(GatewayConfiguration current, UpdateGatewayAlbConfiguration update) {
        HostSharedAlbConfiguration.Builder alb = current.hostSharedAlb().toBuilder();
        Shapes.copySameNamedMembers(update.toBuilder()
                .networkConfiguration((software.amazon.awssdk.services.ecs.model.UpdateGatewayNetworkConfiguration) null).build(), alb);
        if (update.networkConfiguration() != null && update.networkConfiguration().inboundSecurityGroup() != null) {
            // networkConfiguration has another shape in an update: only its inbound security group changes.
            alb.networkConfiguration(current.hostSharedAlb().networkConfiguration() == null
                    ? software.amazon.awssdk.services.ecs.model.GatewayElbNetworkConfiguration.builder()
                            .inboundSecurityGroup(update.networkConfiguration().inboundSecurityGroup()).build()
                    : current.hostSharedAlb().networkConfiguration().toBuilder()
                            .inboundSecurityGroup(update.networkConfiguration().inboundSecurityGroup()).build());
        }
        return GatewayConfiguration.builder().hostSharedAlb(alb.build()).build();
    }

    /**
     * A member the operation needs but the SDK's model does not mark required: answered as the model
     * validator answers a required member, so the answer stays the same once the public model has it.
     */
    private static EcsError blank(String member) {
        return Errors.invalidParameter(member + " can not be blank.");
    }
}
