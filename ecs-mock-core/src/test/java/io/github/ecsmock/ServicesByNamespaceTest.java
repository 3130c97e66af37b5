package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListServicesByNamespaceResponse;
import software.amazon.awssdk.services.ecs.model.NamespaceNotFoundException;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceConnectConfiguration;

/**
 * Service Connect through the real EcsClient: the cluster's default namespace, the configuration a
 * service's deployments carry, and ListServicesByNamespace across clusters.
 */
class ServicesByNamespaceTest extends EcsApiTest {
    private static final String SERVICE_PREFIX = "arn:aws:ecs:us-east-1:123456789012:service/";
    private static final String NAMESPACE_ARN = "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-[0-9a-z]{16}";

    @BeforeEach
    void createDefinition() {
        ecs.registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx:latest")
                        .portMappings(p -> p.containerPort(80).name("http"))));
    }

    // ---------------------------------------------------------------- what the services carry

    @Test
    void aClusterDefaultNamespaceGetsAnArnAndServicesWithoutOneJoinIt() {
        String namespace = ecs.createCluster(r -> r.clusterName("mesh").serviceConnectDefaults(d -> d.namespace("internal")))
                .cluster().serviceConnectDefaults().namespace();

        Service service = create("mesh", "api", c -> c.enabled(true).services(s -> s.portName("http").discoveryName("api")));

        assertThat(namespace).matches(NAMESPACE_ARN);
        assertThat(ecs.describeClusters(r -> r.clusters("mesh")).clusters().get(0).serviceConnectDefaults().namespace())
                .isEqualTo(namespace);
        ServiceConnectConfiguration shown = service.deployments().get(0).serviceConnectConfiguration();
        assertThat(shown.enabled()).isTrue();
        assertThat(shown.namespace()).isEqualTo(namespace);
        assertThat(shown.services()).hasSize(1);
        assertThat(shown.services().get(0).portName()).isEqualTo("http");
        assertThat(shown.services().get(0).discoveryName()).isEqualTo("api");
        assertThat(describe("mesh", "api").deployments().get(0).serviceConnectConfiguration()).isEqualTo(shown);
    }

    @Test
    void theSameNameIsTheSameNamespaceEverywhere() {
        String first = ecs.createCluster(r -> r.clusterName("a").serviceConnectDefaults(d -> d.namespace("internal")))
                .cluster().serviceConnectDefaults().namespace();
        ecs.createCluster(r -> r.clusterName("b"));

        Service service = create("b", "api", c -> c.enabled(true).namespace("internal"));

        assertThat(service.deployments().get(0).serviceConnectConfiguration().namespace()).isEqualTo(first);
    }

    @Test
    void aServiceWithoutServiceConnectShowsNone() {
        ecs.createCluster(r -> r.clusterName("mesh").serviceConnectDefaults(d -> d.namespace("internal")));

        Service service = create("mesh", "plain", null);

        assertThat(service.deployments().get(0).serviceConnectConfiguration()).isNull();
    }

    @Test
    void enabledWithoutANamespaceAnywhereIsRefused() {
        ecs.createCluster(r -> r.clusterName("bare"));

        assertThat(refused(InvalidParameterException.class, () -> create("bare", "api", c -> c.enabled(true))))
                .isEqualTo("Service Connect namespace must be specified when the cluster has no default Service Connect namespace.");
        assertThat(ecs.listServices(r -> r.cluster("bare")).serviceArns()).isEmpty();
    }

    @Test
    void updateServiceWithANewConfigurationMakesANewDeploymentThatCarriesIt() {
        ecs.createCluster(r -> r.clusterName("mesh").serviceConnectDefaults(d -> d.namespace("internal")));
        create("mesh", "api", c -> c.enabled(true));

        Service updated = ecs.updateService(r -> r.cluster("mesh").service("api")
                .serviceConnectConfiguration(c -> c.enabled(true).namespace("payments"))).service();

        List<Deployment> deployments = updated.deployments();
        assertThat(deployments).hasSize(1); // the old deployment's task was replaced at once
        assertThat(deployments.get(0).serviceConnectConfiguration().namespace()).matches(NAMESPACE_ARN)
                .isNotEqualTo(ecs.describeClusters(r -> r.clusters("mesh")).clusters().get(0).serviceConnectDefaults().namespace());
        assertThat(list("payments")).containsExactly(SERVICE_PREFIX + "mesh/api");
        assertThat(list("internal")).isEmpty();
    }

    @Test
    void aForcedDeploymentKeepsTheConfiguration() {
        ecs.createCluster(r -> r.clusterName("mesh").serviceConnectDefaults(d -> d.namespace("internal")));
        ServiceConnectConfiguration before = create("mesh", "api", c -> c.enabled(true)).deployments().get(0)
                .serviceConnectConfiguration();
        String firstDeployment = describe("mesh", "api").deployments().get(0).id();

        Service updated = ecs.updateService(r -> r.cluster("mesh").service("api").forceNewDeployment(true)).service();

        assertThat(updated.deployments().get(0).id()).isNotEqualTo(firstDeployment);
        assertThat(updated.deployments().get(0).serviceConnectConfiguration()).isEqualTo(before);
    }

    // ---------------------------------------------------------------- ListServicesByNamespace

    @Test
    void listsTheServicesOfANamespaceAcrossClustersByNameOrArn() {
        String internal = ecs.createCluster(r -> r.clusterName("mesh").serviceConnectDefaults(d -> d.namespace("internal")))
                .cluster().serviceConnectDefaults().namespace();
        ecs.createCluster(r -> r.clusterName("edge"));
        create("mesh", "api", c -> c.enabled(true));
        create("mesh", "plain", null);
        create("mesh", "off", c -> c.enabled(false));
        create("edge", "gateway", c -> c.enabled(true).namespace(internal));
        create("edge", "billing", c -> c.enabled(true).namespace("payments"));

        assertThat(list("internal")).containsExactly(SERVICE_PREFIX + "mesh/api", SERVICE_PREFIX + "edge/gateway");
        assertThat(list(internal)).containsExactly(SERVICE_PREFIX + "mesh/api", SERVICE_PREFIX + "edge/gateway");
        assertThat(list("payments")).containsExactly(SERVICE_PREFIX + "edge/billing");
    }

    @Test
    void aNamespaceKnownOnlyFromAClusterListsNothing() {
        ecs.createCluster(r -> r.clusterName("mesh").serviceConnectDefaults(d -> d.namespace("internal")));

        ListServicesByNamespaceResponse response = ecs.listServicesByNamespace(r -> r.namespace("internal"));

        assertThat(response.serviceArns()).isEmpty();
        assertThat(response.nextToken()).isNull();
    }

    @Test
    void pagesTenByDefaultOrAsAsked() {
        ecs.createCluster(r -> r.clusterName("mesh").serviceConnectDefaults(d -> d.namespace("internal")));
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            created.add(create("mesh", "svc" + i, c -> c.enabled(true)).serviceArn());
        }

        ListServicesByNamespaceResponse first = ecs.listServicesByNamespace(r -> r.namespace("internal"));
        ListServicesByNamespaceResponse rest = ecs.listServicesByNamespace(r -> r.namespace("internal").nextToken(first.nextToken()));
        ListServicesByNamespaceResponse five = ecs.listServicesByNamespace(r -> r.namespace("internal").maxResults(5));

        assertThat(first.serviceArns()).containsExactlyElementsOf(created.subList(0, 10));
        assertThat(first.nextToken()).isNotNull();
        assertThat(rest.serviceArns()).containsExactlyElementsOf(created.subList(10, 12));
        assertThat(rest.nextToken()).isNull();
        assertThat(five.serviceArns()).containsExactlyElementsOf(created.subList(0, 5));
        assertThat(ecs.listServicesByNamespacePaginator(r -> r.namespace("internal").maxResults(5)).serviceArns())
                .as("the SDK's paginator follows the tokens to the end").containsExactlyElementsOf(created);
    }

    @Test
    void aDeletedServiceLeavesTheList() {
        ecs.createCluster(r -> r.clusterName("mesh").serviceConnectDefaults(d -> d.namespace("internal")));
        create("mesh", "api", c -> c.enabled(true));

        ecs.deleteService(r -> r.cluster("mesh").service("api").force(true));

        assertThat(list("internal")).isEmpty();
    }

    @Test
    void anUnknownNamespaceIsNotFound() {
        ecs.createCluster(r -> r.clusterName("mesh").serviceConnectDefaults(d -> d.namespace("internal")));

        assertThat(refused(NamespaceNotFoundException.class, () -> ecs.listServicesByNamespace(r -> r.namespace("elsewhere"))))
                .isEqualTo("The specified namespace wasn't found.");
        assertThat(refused(NamespaceNotFoundException.class, () -> ecs.listServicesByNamespace(r -> r.namespace(
                "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-0000000000000000"))))
                .isEqualTo("The specified namespace wasn't found.");
    }

    @Test
    void aTokenOfAnotherListIsRefused() {
        ecs.createCluster(r -> r.clusterName("mesh").serviceConnectDefaults(d -> d.namespace("internal")));
        create("mesh", "a", null);
        create("mesh", "b", null);
        String token = ecs.listServices(r -> r.cluster("mesh").maxResults(1)).nextToken();

        assertThat(refused(InvalidParameterException.class,
                () -> ecs.listServicesByNamespace(r -> r.namespace("internal").nextToken(token)))).startsWith("Invalid token");
    }

    @Test
    void theNamespaceIsRequired() {
        assertThat(refused(InvalidParameterException.class, () -> ecs.listServicesByNamespace(r -> { }))).contains("namespace");
    }

    // ---------------------------------------------------------------- helpers

    private Service create(String cluster, String name, Consumer<ServiceConnectConfiguration.Builder> serviceConnect) {
        Consumer<CreateServiceRequest.Builder> request = r -> r.cluster(cluster).serviceName(name).taskDefinition("web")
                .desiredCount(1).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")));
        if (serviceConnect != null) {
            request = request.andThen(r -> r.serviceConnectConfiguration(serviceConnect));
        }
        return ecs.createService(request).service();
    }

    private Service describe(String cluster, String service) {
        return ecs.describeServices(r -> r.cluster(cluster).services(service)).services().get(0);
    }

    private List<String> list(String namespace) {
        return ecs.listServicesByNamespace(r -> r.namespace(namespace)).serviceArns();
    }

    private static <T extends EcsException> String refused(Class<T> type, ThrowingCallable call) {
        T error = catchThrowableOfType(type, call);
        assertThat(error).as("expected %s", type.getSimpleName()).isNotNull();
        assertThat(error.statusCode()).isEqualTo(400);
        return error.awsErrorDetails().errorMessage();
    }
}
