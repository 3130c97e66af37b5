package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.AccessType;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.GatewayConnector;
import software.amazon.awssdk.services.ecs.model.GatewayConnectorFilters;
import software.amazon.awssdk.services.ecs.model.GatewayRoute;
import software.amazon.awssdk.services.ecs.model.GatewayRouteStatus;
import software.amazon.awssdk.services.ecs.model.GatewayRouteSummary;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.CreateGatewayRequest;
import software.amazon.awssdk.services.ecs.model.CreateGatewayResponse;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayAlbConfiguration;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.Gateway;
import software.amazon.awssdk.services.ecs.model.GatewayClusterAssociationStatus;
import software.amazon.awssdk.services.ecs.model.GatewayClusterAssociationSummary;
import software.amazon.awssdk.services.ecs.model.GatewayElbScheme;
import software.amazon.awssdk.services.ecs.model.GatewayNotFoundException;
import software.amazon.awssdk.services.ecs.model.GatewayStatus;
import software.amazon.awssdk.services.ecs.model.GatewaySummary;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ListGatewaysResponse;
import software.amazon.awssdk.services.ecs.model.PropagateGatewayTags;
import software.amazon.awssdk.services.ecs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * The gateway operations that SDK 2.57.8 has beyond the public model: gateways, their cluster
 * associations, the routes that services' gateway connectors make, and the (empty, in the mock) view
 * of their load balancers.
 */
class GatewaysTest extends EcsApiTest {
    private static final String PREFIX = "arn:aws:ecs:us-east-1:123456789012:";
    private static final String EDGE_ARN = PREFIX + "gateway/edge";
    private static final String ROLE = "arn:aws:iam::123456789012:role/ecsInfrastructureRole";

    private static Consumer<CreateGatewayRequest.Builder> gateway(String name) {
        return r -> r.name(name).infrastructureRoleArn(ROLE).configuration(c -> c.hostSharedAlb(a -> a
                .networkConfiguration(n -> n.subnets("subnet-1", "subnet-2").inboundSecurityGroup("sg-1"))
                .maxAlbCount(2)));
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static <T extends EcsException> String refused(Class<T> type, ThrowingCallable call) {
        T error = catchThrowableOfType(type, call);
        assertThat(error).as("expected %s", type.getSimpleName()).isNotNull();
        return error.awsErrorDetails().errorMessage();
    }

    // ---------------------------------------------------------------- CreateGateway / DescribeGateway

    @Test
    void aNewGatewayIsActiveAndItsArnIsMadeFromItsName() {
        CreateGatewayResponse created = ecs.createGateway(gateway("edge"));

        assertThat(created.gatewayArn()).isEqualTo(EDGE_ARN);
        assertThat(created.name()).isEqualTo("edge");
        assertThat(created.status()).isEqualTo(GatewayStatus.ACTIVE);
    }

    @Test
    void describeGatewayShowsWhatWasGivenWithItsDefaults() {
        ecs.createGateway(gateway("edge").andThen(r -> r.tags(tag("team", "web"))));

        Gateway gateway = ecs.describeGateway(r -> r.gateway("edge")).gateway();

        assertThat(gateway.gatewayArn()).isEqualTo(EDGE_ARN);
        assertThat(gateway.status()).isEqualTo(GatewayStatus.ACTIVE);
        assertThat(gateway.infrastructureRoleArn()).isEqualTo(ROLE);
        assertThat(gateway.deletionProtection()).isFalse();
        assertThat(gateway.propagateTags()).isEqualTo(PropagateGatewayTags.NONE);
        assertThat(gateway.accessType()).isEqualTo(AccessType.PUBLIC);
        assertThat(gateway.tags()).containsExactly(tag("team", "web"));
        assertThat(gateway.failures()).isEmpty();
        assertThat(gateway.createdAt()).isEqualTo(mock.clock().now());
        DescribeGatewayAlbConfiguration alb = gateway.configuration().hostSharedAlb();
        assertThat(alb.networkConfiguration().subnets()).containsExactly("subnet-1", "subnet-2");
        assertThat(alb.networkConfiguration().inboundSecurityGroup()).isEqualTo("sg-1");
        assertThat(alb.maxAlbCount()).isEqualTo(2);
        assertThat(alb.currentAlbCount()).isZero();
    }

    @Test
    void anInternalSchemeMakesAPrivateGatewayAndTheArnFindsItToo() {
        ecs.createGateway(r -> r.name("inside").infrastructureRoleArn(ROLE)
                .configuration(c -> c.hostSharedAlb(a -> a.scheme(GatewayElbScheme.INTERNAL))));

        Gateway gateway = ecs.describeGateway(r -> r.gateway(PREFIX + "gateway/inside")).gateway();

        assertThat(gateway.accessType()).isEqualTo(AccessType.PRIVATE);
        assertThat(gateway.configuration().hostSharedAlb().scheme()).isEqualTo(GatewayElbScheme.INTERNAL);
    }

    @Test
    void createGatewayNeedsItsNameRoleAndConfiguration() {
        assertThat(refused(InvalidParameterException.class, () -> ecs.createGateway(r -> r.infrastructureRoleArn(ROLE)
                .configuration(c -> c.hostSharedAlb(a -> a.maxAlbCount(1)))))).isEqualTo("name can not be blank.");
        assertThat(refused(InvalidParameterException.class, () -> ecs.createGateway(r -> r.name("edge")
                .configuration(c -> c.hostSharedAlb(a -> a.maxAlbCount(1)))))).isEqualTo("infrastructureRoleArn can not be blank.");
        assertThat(refused(InvalidParameterException.class, () -> ecs.createGateway(r -> r.name("edge").infrastructureRoleArn(ROLE))))
                .isEqualTo("configuration can not be blank.");
        assertThat(refused(InvalidParameterException.class, () -> ecs.createGateway(r -> r.name("edge").infrastructureRoleArn(ROLE)
                .configuration(c -> { })))).isEqualTo("configuration.hostSharedAlb can not be blank.");
        assertThat(ecs.listGateways(r -> { }).gateways()).isEmpty();
    }

    @Test
    void aGatewayNameOfOtherCharactersIsRefused() {
        assertThat(refused(InvalidParameterException.class, () -> ecs.createGateway(gateway("edge gateway"))))
                .isEqualTo("Gateway name can be up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens.");
    }

    @Test
    void aSecondGatewayOfTheSameNameIsRefusedUnlessItRepeatsTheCreationWithItsToken() {
        ecs.createGateway(gateway("edge").andThen(r -> r.clientToken("token-1")));

        assertThat(ecs.createGateway(gateway("edge").andThen(r -> r.clientToken("token-1"))).gatewayArn()).isEqualTo(EDGE_ARN);
        assertThat(refused(InvalidParameterException.class, () -> ecs.createGateway(gateway("edge"))))
                .isEqualTo("A gateway named edge already exists.");
        assertThat(ecs.listGateways(r -> { }).gateways()).hasSize(1);
    }

    @Test
    void anUnknownGatewayIsGatewayNotFoundEverywhereItIsNamed() {
        ecs.createCluster(r -> r.clusterName("dev"));
        List<ThrowingCallable> calls = List.of(
                () -> ecs.describeGateway(r -> r.gateway("nope")),
                () -> ecs.describeGateway(r -> r.gateway(PREFIX + "gateway/nope")),
                () -> ecs.updateGateway(r -> r.gateway("nope").deletionProtection(true)),
                () -> ecs.deleteGateway(r -> r.gateway("nope")),
                () -> ecs.describeGatewayResources(r -> r.gateway("nope")),
                () -> ecs.listGatewayRoutes(r -> r.gateway("nope")),
                () -> ecs.associateGatewayWithCluster(r -> r.gateway("nope").cluster("dev")),
                () -> ecs.disassociateGatewayFromCluster(r -> r.gateway("nope").cluster("dev")));

        for (ThrowingCallable call : calls) {
            assertThat(refused(GatewayNotFoundException.class, call)).isEqualTo("Gateway not found.");
        }
    }

    @Test
    void anArnOfAnotherRegionOrTypeIsNotFound() {
        ecs.createGateway(gateway("edge"));

        assertThat(refused(GatewayNotFoundException.class,
                () -> ecs.describeGateway(r -> r.gateway("arn:aws:ecs:eu-west-1:123456789012:gateway/edge"))))
                .isEqualTo("Gateway not found.");
        assertThat(refused(GatewayNotFoundException.class, () -> ecs.describeGateway(r -> r.gateway(PREFIX + "cluster/edge"))))
                .isEqualTo("Gateway not found.");
    }

    @Test
    void operationsOnOneGatewayNeedTheGatewayMember() {
        List<ThrowingCallable> calls = List.of(
                () -> ecs.describeGateway(r -> { }),
                () -> ecs.updateGateway(r -> { }),
                () -> ecs.deleteGateway(r -> { }),
                () -> ecs.describeGatewayResources(r -> { }),
                () -> ecs.listGatewayRoutes(r -> { }),
                () -> ecs.associateGatewayWithCluster(r -> r.cluster("dev")));

        for (ThrowingCallable call : calls) {
            assertThat(refused(InvalidParameterException.class, call)).isEqualTo("gateway can not be blank.");
        }
    }

    // ---------------------------------------------------------------- UpdateGateway

    @Test
    void anUpdateIsInProgressInItsAnswerAndCompleteAfterIt() {
        ecs.createGateway(gateway("edge"));

        var updated = ecs.updateGateway(r -> r.gateway("edge").deletionProtection(true)
                .propagateTags(PropagateGatewayTags.GATEWAY)
                .configuration(c -> c.hostSharedAlb(a -> a.maxAlbCount(5).networkConfiguration(n -> n.inboundSecurityGroup("sg-2")))));

        assertThat(updated.status()).isEqualTo(GatewayStatus.UPDATE_IN_PROGRESS);
        assertThat(updated.gatewayArn()).isEqualTo(EDGE_ARN);
        Gateway gateway = ecs.describeGateway(r -> r.gateway("edge")).gateway();
        assertThat(gateway.status()).isEqualTo(GatewayStatus.UPDATE_COMPLETE);
        assertThat(gateway.deletionProtection()).isTrue();
        assertThat(gateway.propagateTags()).isEqualTo(PropagateGatewayTags.GATEWAY);
        assertThat(gateway.configuration().hostSharedAlb().maxAlbCount()).isEqualTo(5);
        assertThat(gateway.configuration().hostSharedAlb().networkConfiguration().inboundSecurityGroup()).isEqualTo("sg-2");
        assertThat(gateway.configuration().hostSharedAlb().networkConfiguration().subnets())
                .as("what the update does not give is kept").containsExactly("subnet-1", "subnet-2");
    }

    @Test
    void theUpdateCompletesOneLifecycleStepLaterUnderASteppedLifecycle() {
        try (EcsMock stepped = EcsMock.builder().lifecycle(Lifecycle.stepped(Duration.ofSeconds(10))).build().start();
             var client = stepped.newClient()) {
            client.createGateway(gateway("edge"));
            client.updateGateway(r -> r.gateway("edge").deletionProtection(true));

            assertThat(client.describeGateway(r -> r.gateway("edge")).gateway().status()).isEqualTo(GatewayStatus.UPDATE_IN_PROGRESS);
            stepped.clock().advance(Duration.ofSeconds(10));
            assertThat(client.describeGateway(r -> r.gateway("edge")).gateway().status()).isEqualTo(GatewayStatus.UPDATE_COMPLETE);
        }
    }

    // ---------------------------------------------------------------- DeleteGateway

    @Test
    void aDeletedGatewayIsGoneAtOnceAndItsNameFree() {
        ecs.createGateway(gateway("edge").andThen(r -> r.tags(tag("team", "web"))));

        var deleted = ecs.deleteGateway(r -> r.gateway(EDGE_ARN));

        assertThat(deleted.status()).isEqualTo(GatewayStatus.DELETED);
        assertThat(deleted.name()).isEqualTo("edge");
        assertThat(refused(GatewayNotFoundException.class, () -> ecs.describeGateway(r -> r.gateway("edge"))))
                .isEqualTo("Gateway not found.");
        assertThat(ecs.listGateways(r -> { }).gateways()).isEmpty();
        ecs.createGateway(gateway("edge"));
        assertThat(ecs.describeGateway(r -> r.gateway("edge")).gateway().tags()).as("tags do not outlive the gateway").isEmpty();
    }

    @Test
    void deletionProtectionKeepsAGatewayUntilItIsTurnedOff() {
        ecs.createGateway(gateway("edge").andThen(r -> r.deletionProtection(true)));

        assertThat(refused(InvalidParameterException.class, () -> ecs.deleteGateway(r -> r.gateway("edge"))))
                .isEqualTo("The gateway edge has deletion protection enabled. Disable deletion protection and try again.");
        ecs.updateGateway(r -> r.gateway("edge").deletionProtection(false));
        assertThat(ecs.deleteGateway(r -> r.gateway("edge")).status()).isEqualTo(GatewayStatus.DELETED);
    }

    @Test
    void aGatewayWithAClusterAssociationCannotBeDeleted() {
        ecs.createCluster(r -> r.clusterName("dev"));
        ecs.createGateway(gateway("edge"));
        ecs.associateGatewayWithCluster(r -> r.gateway("edge").cluster("dev"));

        assertThat(refused(ClientException.class, () -> ecs.deleteGateway(r -> r.gateway("edge"))))
                .isEqualTo("The gateway edge is associated with one or more clusters. "
                        + "Disassociate all clusters from the gateway and try again.");
        ecs.disassociateGatewayFromCluster(r -> r.gateway("edge").cluster("dev"));
        assertThat(ecs.deleteGateway(r -> r.gateway("edge")).status()).isEqualTo(GatewayStatus.DELETED);
    }

    // ---------------------------------------------------------------- ListGateways

    @Test
    void listGatewaysPagesInCreationOrder() {
        for (String name : List.of("a", "b", "c", "d", "e")) {
            ecs.createGateway(gateway(name));
        }

        List<String> names = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListGatewaysResponse page = ecs.listGateways(r -> r.maxResults(2).nextToken(next));
            page.gateways().forEach(summary -> names.add(summary.name()));
            sizes.add(page.gateways().size());
            token = page.nextToken();
        } while (token != null);

        assertThat(names).containsExactly("a", "b", "c", "d", "e");
        assertThat(sizes).containsExactly(2, 2, 1);
        GatewaySummary first = ecs.listGateways(r -> r.maxResults(1)).gateways().get(0);
        assertThat(first.gatewayArn()).isEqualTo(PREFIX + "gateway/a");
        assertThat(first.status()).isEqualTo(GatewayStatus.ACTIVE);
        assertThat(first.createdAt()).isEqualTo(mock.clock().now());
        assertThat(ecs.listGatewaysPaginator(r -> r.maxResults(2)).gateways().stream().map(GatewaySummary::name))
                .containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void listGatewaysFiltersByNameAndStatus() {
        ecs.createGateway(gateway("a"));
        ecs.createGateway(gateway("b"));
        ecs.createGateway(gateway("c"));
        ecs.updateGateway(r -> r.gateway("b").deletionProtection(true));

        assertThat(ecs.listGateways(r -> r.names("a", PREFIX + "gateway/c")).gateways().stream().map(GatewaySummary::name))
                .containsExactly("a", "c");
        assertThat(ecs.listGateways(r -> r.status(GatewayStatus.UPDATE_COMPLETE)).gateways().stream().map(GatewaySummary::name))
                .containsExactly("b");
        assertThat(ecs.listGateways(r -> r.status(GatewayStatus.ACTIVE)).gateways().stream().map(GatewaySummary::name))
                .containsExactly("a", "c");
    }

    @Test
    void listGatewaysRefusesABadPageSizeOrToken() {
        assertThat(refused(InvalidParameterException.class, () -> ecs.listGateways(r -> r.maxResults(0))))
                .isEqualTo("maxResults must be between 1 and 100.");
        assertThat(refused(InvalidParameterException.class, () -> ecs.listGateways(r -> r.maxResults(101))))
                .isEqualTo("maxResults must be between 1 and 100.");
        assertThat(refused(InvalidParameterException.class, () -> ecs.listGateways(r -> r.nextToken("forged"))))
                .isEqualTo("Invalid token forged");
    }

    // ---------------------------------------------------------------- cluster associations

    @Test
    void associatingMakesAnActiveAssociationAndRepeatingItChangesNothing() {
        ecs.createCluster(r -> r.clusterName("dev"));
        ecs.createGateway(gateway("edge"));

        var associated = ecs.associateGatewayWithCluster(r -> r.gateway("edge").cluster("dev"));
        var again = ecs.associateGatewayWithCluster(r -> r.gateway(EDGE_ARN).cluster(PREFIX + "cluster/dev"));

        assertThat(associated.gatewayArn()).isEqualTo(EDGE_ARN);
        assertThat(associated.clusterArn()).isEqualTo(PREFIX + "cluster/dev");
        assertThat(associated.status()).isEqualTo(GatewayClusterAssociationStatus.ACTIVE);
        assertThat(again.status()).isEqualTo(GatewayClusterAssociationStatus.ACTIVE);
        assertThat(ecs.listGatewayClusterAssociations(r -> { }).gatewayClusterAssociations()).hasSize(1);
    }

    @Test
    void associatingNeedsAnActiveClusterAndTheClusterMember() {
        ecs.createGateway(gateway("edge"));
        ecs.createCluster(r -> r.clusterName("gone"));
        ecs.deleteCluster(r -> r.cluster("gone"));

        assertThat(refused(ClusterNotFoundException.class, () -> ecs.associateGatewayWithCluster(r -> r.gateway("edge").cluster("nope"))))
                .isEqualTo("Cluster not found.");
        assertThat(refused(ClusterNotFoundException.class, () -> ecs.associateGatewayWithCluster(r -> r.gateway("edge").cluster("gone"))))
                .isEqualTo("Cluster not found.");
        assertThat(refused(InvalidParameterException.class, () -> ecs.associateGatewayWithCluster(r -> r.gateway("edge"))))
                .isEqualTo("cluster can not be blank.");
        assertThat(refused(InvalidParameterException.class, () -> ecs.disassociateGatewayFromCluster(r -> r.gateway("edge"))))
                .isEqualTo("cluster can not be blank.");
    }

    @Test
    void disassociatingIsDisassociatingInItsAnswerThenInactiveThenForgotten() {
        ecs.createCluster(r -> r.clusterName("dev"));
        ecs.createGateway(gateway("edge"));
        ecs.associateGatewayWithCluster(r -> r.gateway("edge").cluster("dev"));

        var disassociated = ecs.disassociateGatewayFromCluster(r -> r.gateway("edge").cluster("dev"));

        assertThat(disassociated.status()).isEqualTo(GatewayClusterAssociationStatus.DISASSOCIATING);
        assertThat(ecs.listGatewayClusterAssociations(r -> { }).gatewayClusterAssociations())
                .as("INACTIVE associations are listed only when asked for").isEmpty();
        assertThat(ecs.listGatewayClusterAssociations(r -> r.status(GatewayClusterAssociationStatus.INACTIVE))
                .gatewayClusterAssociations()).extracting(GatewayClusterAssociationSummary::clusterArn)
                .containsExactly(PREFIX + "cluster/dev");
        assertThat(refused(ResourceNotFoundException.class, () -> ecs.disassociateGatewayFromCluster(r -> r.gateway("edge").cluster("dev"))))
                .isEqualTo("The gateway edge is not associated with the cluster dev.");

        mock.clock().advance(Duration.ofHours(1));
        assertThat(ecs.listGatewayClusterAssociations(r -> r.status(GatewayClusterAssociationStatus.INACTIVE))
                .gatewayClusterAssociations()).isEmpty();
        assertThat(ecs.associateGatewayWithCluster(r -> r.gateway("edge").cluster("dev")).status())
                .isEqualTo(GatewayClusterAssociationStatus.ACTIVE);
    }

    @Test
    void associationsAreListedByGatewayAndClusterAndPaged() {
        for (String cluster : List.of("one", "two", "three")) {
            ecs.createCluster(r -> r.clusterName(cluster));
        }
        ecs.createGateway(gateway("edge"));
        ecs.createGateway(gateway("inner"));
        ecs.associateGatewayWithCluster(r -> r.gateway("edge").cluster("one"));
        ecs.associateGatewayWithCluster(r -> r.gateway("edge").cluster("two"));
        ecs.associateGatewayWithCluster(r -> r.gateway("inner").cluster("two"));
        ecs.associateGatewayWithCluster(r -> r.gateway("edge").cluster("three"));

        assertThat(ecs.listGatewayClusterAssociations(r -> r.gateway("edge")).gatewayClusterAssociations())
                .extracting(GatewayClusterAssociationSummary::clusterArn)
                .containsExactly(PREFIX + "cluster/one", PREFIX + "cluster/two", PREFIX + "cluster/three");
        assertThat(ecs.listGatewayClusterAssociations(r -> r.cluster("two")).gatewayClusterAssociations())
                .extracting(GatewayClusterAssociationSummary::gatewayArn)
                .containsExactly(EDGE_ARN, PREFIX + "gateway/inner");
        assertThat(ecs.listGatewayClusterAssociations(r -> r.gateway("nope")).gatewayClusterAssociations()).isEmpty();

        var first = ecs.listGatewayClusterAssociations(r -> r.gateway("edge").maxResults(2));
        var second = ecs.listGatewayClusterAssociations(r -> r.gateway("edge").maxResults(2).nextToken(first.nextToken()));
        assertThat(first.gatewayClusterAssociations()).hasSize(2);
        assertThat(second.gatewayClusterAssociations()).extracting(GatewayClusterAssociationSummary::clusterArn)
                .containsExactly(PREFIX + "cluster/three");
        assertThat(second.nextToken()).isNull();
        assertThat(ecs.listGatewayClusterAssociationsPaginator(r -> r.gateway("edge").maxResults(1)).gatewayClusterAssociations())
                .extracting(GatewayClusterAssociationSummary::clusterArn)
                .containsExactly(PREFIX + "cluster/one", PREFIX + "cluster/two", PREFIX + "cluster/three");
    }

    // ---------------------------------------------------------------- resources and routes

    @Test
    void aGatewayNoServiceUsesManagesNoLoadBalancersAndHasNoRoutes() {
        ecs.createCluster(r -> r.clusterName("dev"));
        ecs.createGateway(gateway("edge"));

        var resources = ecs.describeGatewayResources(r -> r.gateway("edge")).gatewayResources();
        var routes = ecs.listGatewayRoutes(r -> r.gateway("edge").cluster("dev"));

        assertThat(resources.gatewayArn()).isEqualTo(EDGE_ARN);
        assertThat(resources.resources().hostSharedAlb()).isEmpty();
        assertThat(routes.gatewayRoutes()).isEmpty();
        assertThat(routes.nextToken()).isNull();
        assertThat(ecs.listGatewayRoutes(r -> r.gateway("edge").cluster("nope")).gatewayRoutes())
                .as("the operation has no ClusterNotFoundException: an unknown cluster matches nothing").isEmpty();
    }

    /** A cluster with a public gateway "edge" and a private one "inner", and a task definition with a port named http. */
    private void clusterWithTwoGateways() {
        ecs.createCluster(r -> r.clusterName("dev"));
        ecs.createGateway(gateway("edge"));
        ecs.createGateway(r -> r.name("inner").infrastructureRoleArn(ROLE)
                .configuration(c -> c.hostSharedAlb(a -> a.scheme(GatewayElbScheme.INTERNAL))));
        ecs.associateGatewayWithCluster(r -> r.gateway("edge").cluster("dev"));
        ecs.associateGatewayWithCluster(r -> r.gateway("inner").cluster("dev"));
        ecs.registerTaskDefinition(r -> r.family("web").networkMode("awsvpc").requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256").memory("512").containerDefinitions(c -> c.name("app").image("nginx")
                        .portMappings(p -> p.containerPort(80).name("http"), p -> p.containerPort(9090).name("admin"))));
    }

    private Consumer<CreateServiceRequest.Builder> service(String name, GatewayConnector... connectors) {
        return r -> r.cluster("dev").serviceName(name).taskDefinition("web").desiredCount(1).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))).gatewayConnectors(connectors);
    }

    private static GatewayConnector connector(String portName, AccessType... accessTypes) {
        return GatewayConnector.builder().portName(portName)
                .filters(accessTypes.length == 0 ? null : GatewayConnectorFilters.builder().accessTypes(accessTypes).build()).build();
    }

    private List<GatewayRouteSummary> routes(String gateway) {
        return ecs.listGatewayRoutes(r -> r.gateway(gateway)).gatewayRoutes();
    }

    @Test
    void aServiceWithAGatewayConnectorGetsARouteThroughEachGatewayOfItsCluster() {
        clusterWithTwoGateways();

        ecs.createService(service("web", connector("http")));

        List<GatewayRouteSummary> edge = routes("edge");
        assertThat(edge).hasSize(1);
        GatewayRouteSummary summary = edge.get(0);
        assertThat(summary.gatewayArn()).isEqualTo(EDGE_ARN);
        assertThat(summary.clusterArn()).isEqualTo(PREFIX + "cluster/dev");
        assertThat(summary.serviceArn()).isEqualTo(PREFIX + "service/dev/web");
        assertThat(summary.serviceContainerPortName()).isEqualTo("http");
        assertThat(summary.status()).isEqualTo(GatewayRouteStatus.ACTIVE);
        assertThat(summary.gatewayRouteArn()).startsWith(PREFIX + "gateway-route/edge/dev/web/");
        assertThat(routes("inner")).hasSize(1);
        GatewayRoute route = ecs.describeGatewayRoute(r -> r.gatewayRouteArn(summary.gatewayRouteArn())).gatewayRoute();
        assertThat(route.gatewayRouteArn()).isEqualTo(summary.gatewayRouteArn());
        assertThat(route.serviceArn()).isEqualTo(PREFIX + "service/dev/web");
        assertThat(route.serviceContainerPortName()).isEqualTo("http");
        assertThat(route.status()).isEqualTo(GatewayRouteStatus.ACTIVE);
        assertThat(route.serviceUrl()).startsWith("https://web-").endsWith(".edge.ecs.us-east-1.on.aws");
        assertThat(route.resources().hostSharedAlb()).isEmpty();
    }

    @Test
    void aConnectorsAccessTypeFilterChoosesTheGateways() {
        clusterWithTwoGateways();

        ecs.createService(service("web", connector("http", AccessType.PRIVATE), connector("admin", AccessType.PUBLIC)));

        assertThat(routes("inner")).extracting(GatewayRouteSummary::serviceContainerPortName).containsExactly("http");
        assertThat(routes("edge")).extracting(GatewayRouteSummary::serviceContainerPortName).containsExactly("admin");
    }

    @Test
    void aConnectorMustNameAPortOfTheTaskDefinition() {
        clusterWithTwoGateways();

        assertThat(refused(InvalidParameterException.class, () -> ecs.createService(service("web", connector("https")))))
                .isEqualTo("The port name https does not exist in the task definition.");
        assertThat(refused(InvalidParameterException.class, () -> ecs.createService(service("web",
                GatewayConnector.builder().build())))).isEqualTo("gatewayConnectors.portName can not be blank.");
        assertThat(ecs.listServices(r -> r.cluster("dev")).serviceArns()).isEmpty();
        assertThat(routes("edge")).isEmpty();
    }

    @Test
    void routesAreListedByClusterServiceAndPortAndPaged() {
        clusterWithTwoGateways();
        ecs.createService(service("web", connector("http"), connector("admin")));
        ecs.createService(service("api", connector("http")));

        assertThat(routes("edge")).extracting(GatewayRouteSummary::serviceContainerPortName).containsExactly("http", "admin", "http");
        assertThat(ecs.listGatewayRoutes(r -> r.gateway("edge").service("api")).gatewayRoutes())
                .extracting(GatewayRouteSummary::serviceArn).containsExactly(PREFIX + "service/dev/api");
        assertThat(ecs.listGatewayRoutes(r -> r.gateway("edge").service(PREFIX + "service/dev/web")).gatewayRoutes()).hasSize(2);
        assertThat(ecs.listGatewayRoutes(r -> r.gateway("edge").serviceContainerPortName("admin")).gatewayRoutes()).hasSize(1);
        assertThat(ecs.listGatewayRoutes(r -> r.gateway("edge").status(GatewayRouteStatus.CREATE_FAILED)).gatewayRoutes()).isEmpty();
        var first = ecs.listGatewayRoutes(r -> r.gateway("edge").maxResults(2));
        var second = ecs.listGatewayRoutes(r -> r.gateway("edge").maxResults(2).nextToken(first.nextToken()));
        assertThat(first.gatewayRoutes()).hasSize(2);
        assertThat(second.gatewayRoutes()).extracting(GatewayRouteSummary::serviceArn).containsExactly(PREFIX + "service/dev/api");
        assertThat(second.nextToken()).isNull();
        assertThat(ecs.listGatewayRoutesPaginator(r -> r.gateway("edge").maxResults(1)).gatewayRoutes())
                .extracting(GatewayRouteSummary::serviceContainerPortName).containsExactly("http", "admin", "http");
    }

    @Test
    void aDisassociationWaitsUntilTheClustersServicesNoLongerUseTheGateway() {
        clusterWithTwoGateways();
        ecs.createService(service("web", connector("http")));

        ecs.disassociateGatewayFromCluster(r -> r.gateway("edge").cluster("dev"));
        mock.clock().advance(Duration.ofMinutes(10));

        assertThat(ecs.listGatewayClusterAssociations(r -> r.gateway("edge")).gatewayClusterAssociations())
                .extracting(GatewayClusterAssociationSummary::status).containsExactly(GatewayClusterAssociationStatus.DISASSOCIATING);
        assertThat(refused(ClientException.class, () -> ecs.deleteGateway(r -> r.gateway("edge")))).startsWith("The gateway edge is associated");

        ecs.updateService(r -> r.cluster("dev").service("web").gatewayConnectors(List.of()));

        assertThat(routes("edge")).isEmpty();
        assertThat(routes("inner")).isEmpty();
        assertThat(ecs.listGatewayClusterAssociations(r -> r.gateway("edge")).gatewayClusterAssociations()).isEmpty();
        assertThat(ecs.deleteGateway(r -> r.gateway("edge")).status()).isEqualTo(GatewayStatus.DELETED);
    }

    @Test
    void aDeletedServiceNoLongerHoldsItsRoutes() {
        clusterWithTwoGateways();
        ecs.createService(service("web", connector("http")));
        String arn = routes("edge").get(0).gatewayRouteArn();
        ecs.disassociateGatewayFromCluster(r -> r.gateway("edge").cluster("dev"));

        ecs.deleteService(r -> r.cluster("dev").service("web").force(true));

        assertThat(ecs.describeServices(r -> r.cluster("dev").services("web")).services().get(0).status()).isEqualTo("INACTIVE");
        assertThat(routes("edge")).isEmpty();
        assertThat(refused(ResourceNotFoundException.class, () -> ecs.describeGatewayRoute(r -> r.gatewayRouteArn(arn))))
                .isEqualTo("The gateway route " + arn + " could not be found.");
        assertThat(ecs.listGatewayClusterAssociations(r -> r.status(GatewayClusterAssociationStatus.INACTIVE))
                .gatewayClusterAssociations()).extracting(GatewayClusterAssociationSummary::gatewayArn).containsExactly(EDGE_ARN);
    }

    @Test
    void routesFollowTheGatewaysAssociatedWhenTheServiceIsUpdated() {
        ecs.createCluster(r -> r.clusterName("dev"));
        ecs.createGateway(gateway("edge"));
        ecs.registerTaskDefinition(r -> r.family("web").networkMode("awsvpc").requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256").memory("512").containerDefinitions(c -> c.name("app").image("nginx")
                        .portMappings(p -> p.containerPort(80).name("http"))));
        ecs.createService(service("web", connector("http")));
        assertThat(routes("edge")).as("no gateway was associated with the cluster").isEmpty();

        ecs.associateGatewayWithCluster(r -> r.gateway("edge").cluster("dev"));
        assertThat(routes("edge")).as("nothing changes until the service is updated").isEmpty();
        ecs.updateService(r -> r.cluster("dev").service("web").gatewayConnectors(connector("http")));

        assertThat(routes("edge")).hasSize(1);
    }

    @Test
    void anUnknownRouteIsResourceNotFound() {
        String arn = PREFIX + "gateway-route/edge/web/abc";

        assertThat(refused(ResourceNotFoundException.class, () -> ecs.describeGatewayRoute(r -> r.gatewayRouteArn(arn))))
                .isEqualTo("The gateway route " + arn + " could not be found.");
        assertThat(refused(InvalidParameterException.class, () -> ecs.describeGatewayRoute(r -> { })))
                .isEqualTo("gatewayRouteArn can not be blank.");
    }

    // ---------------------------------------------------------------- tags

    @Test
    void aGatewayIsTaggedThroughTheTaggingOperations() {
        ecs.createGateway(gateway("edge").andThen(r -> r.tags(tag("team", "web"))));

        ecs.tagResource(r -> r.resourceArn(EDGE_ARN).tags(tag("env", "prod")));
        ecs.untagResource(r -> r.resourceArn(EDGE_ARN).tagKeys("team"));

        assertThat(ecs.listTagsForResource(r -> r.resourceArn(EDGE_ARN)).tags()).containsExactly(tag("env", "prod"));
        assertThat(ecs.describeGateway(r -> r.gateway("edge")).gateway().tags()).containsExactly(tag("env", "prod"));
        assertThat(refused(ResourceNotFoundException.class,
                () -> ecs.tagResource(r -> r.resourceArn(PREFIX + "gateway/nope").tags(tag("env", "prod")))))
                .isEqualTo("The specified resource could not be found.");
    }

    @Test
    void tooManyTagsAtCreationAreRefused() {
        List<Tag> tags = java.util.stream.IntStream.rangeClosed(1, 51).mapToObj(i -> tag("k" + i, "v")).toList();

        assertThat(refused(InvalidParameterException.class, () -> ecs.createGateway(gateway("edge").andThen(r -> r.tags(tags)))))
                .contains("50");
        assertThat(ecs.listGateways(r -> { }).gateways()).isEmpty();
    }
}
