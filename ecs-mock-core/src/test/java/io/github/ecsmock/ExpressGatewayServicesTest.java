package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.AccessType;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CreateExpressGatewayServiceRequest;
import software.amazon.awssdk.services.ecs.model.ECSExpressGatewayService;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.ExpressCpuArchitecture;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceConfiguration;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceInclude;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceScalingMetric;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceStatusCode;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.PlatformTaskDefinitionIncompatibilityException;
import software.amazon.awssdk.services.ecs.model.ResourceManagementType;
import software.amazon.awssdk.services.ecs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceNotActiveException;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.UpdatedExpressGatewayService;

/**
 * The Express Gateway service operations: an Express service is an ordinary Fargate service of its
 * cluster, so the service and task definition operations see it, and the Express operations keep its
 * revisions, endpoint and status.
 */
class ExpressGatewayServicesTest extends EcsApiTest {
    private static final String PREFIX = "arn:aws:ecs:us-east-1:123456789012:";
    private static final String CLUSTER_ARN = PREFIX + "cluster/dev";
    private static final String WEB_ARN = PREFIX + "service/dev/web";
    private static final String INFRA_ROLE = "arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices";
    private static final String EXECUTION_ROLE = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";

    @BeforeEach
    void cluster() {
        ecs.createCluster(r -> r.clusterName("dev"));
    }

    private static Consumer<CreateExpressGatewayServiceRequest.Builder> express(String name) {
        return r -> r.cluster("dev").serviceName(name).infrastructureRoleArn(INFRA_ROLE).executionRoleArn(EXECUTION_ROLE)
                .primaryContainer(c -> c.image("public.ecr.aws/nginx/nginx:latest"))
                .networkConfiguration(n -> n.subnets("subnet-1").securityGroups("sg-1"));
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static <T extends EcsException> String refused(Class<T> type, ThrowingCallable call) {
        T error = catchThrowableOfType(type, call);
        assertThat(error).as("expected %s", type.getSimpleName()).isNotNull();
        return error.awsErrorDetails().errorMessage();
    }

    private Service service(String arn) {
        return ecs.describeServices(r -> r.cluster("dev").services(arn)).services().get(0);
    }

    private ECSExpressGatewayService describe(String arn) {
        return ecs.describeExpressGatewayService(r -> r.serviceArn(arn)).service();
    }

    // ---------------------------------------------------------------- CreateExpressGatewayService

    @Test
    void aNewExpressServiceIsActiveWithTheModelsDefaults() {
        ECSExpressGatewayService service = ecs.createExpressGatewayService(express("web")).service();

        assertThat(service.serviceArn()).isEqualTo(WEB_ARN);
        assertThat(service.serviceName()).isEqualTo("web");
        assertThat(service.cluster()).isEqualTo(CLUSTER_ARN);
        assertThat(service.infrastructureRoleArn()).isEqualTo(INFRA_ROLE);
        assertThat(service.status().statusCode()).isEqualTo(ExpressGatewayServiceStatusCode.ACTIVE);
        assertThat(service.createdAt()).isEqualTo(mock.clock().now());
        assertThat(service.currentDeployment()).startsWith(PREFIX + "service-deployment/dev/web/");
        assertThat(service.activeConfigurations()).hasSize(1);
        ExpressGatewayServiceConfiguration configuration = service.activeConfigurations().get(0);
        assertThat(configuration.serviceRevisionArn()).startsWith(PREFIX + "service-revision/dev/web/");
        assertThat(configuration.taskDefinitionArn()).isEqualTo(PREFIX + "task-definition/dev-web:1");
        assertThat(configuration.executionRoleArn()).isEqualTo(EXECUTION_ROLE);
        assertThat(configuration.cpu()).isEqualTo("256");
        assertThat(configuration.memory()).isEqualTo("512");
        assertThat(configuration.cpuArchitecture()).isEqualTo(ExpressCpuArchitecture.X86_64);
        assertThat(configuration.healthCheckPath()).isEqualTo("/ping");
        assertThat(configuration.primaryContainer().containerPort()).isEqualTo(80);
        assertThat(configuration.scalingTarget().minTaskCount()).isEqualTo(1);
        assertThat(configuration.scalingTarget().autoScalingMetric()).isEqualTo(ExpressGatewayServiceScalingMetric.AVERAGE_CPU);
        assertThat(configuration.scalingTarget().autoScalingTargetValue()).isEqualTo(60);
        assertThat(configuration.networkConfiguration().subnets()).containsExactly("subnet-1");
        assertThat(configuration.networkConfiguration().securityGroups()).containsExactly("sg-1");
        assertThat(configuration.ingressPaths()).hasSize(1);
        assertThat(configuration.ingressPaths().get(0).accessType()).isEqualTo(AccessType.PUBLIC);
        assertThat(configuration.ingressPaths().get(0).endpoint()).startsWith("https://web-").endsWith(".ecs.us-east-1.on.aws");
    }

    @Test
    void itsRevisionAndDeploymentAreTheServicesOwn() {
        ECSExpressGatewayService created = ecs.createExpressGatewayService(express("web")).service();
        String revision = created.activeConfigurations().get(0).serviceRevisionArn();

        assertThat(ecs.describeServiceRevisions(r -> r.serviceRevisionArns(revision)).serviceRevisions())
                .singleElement().satisfies(found -> assertThat(found.taskDefinition()).isEqualTo(PREFIX + "task-definition/dev-web:1"));
        assertThat(ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(created.currentDeployment())).serviceDeployments())
                .singleElement().satisfies(found -> assertThat(found.targetServiceRevision().arn()).isEqualTo(revision));
        assertThat(service("web").currentServiceDeployment()).isEqualTo(created.currentDeployment());
    }

    @Test
    void anExpressServiceIsAnOrdinaryFargateServiceOfItsCluster() {
        ecs.createExpressGatewayService(express("web").andThen(r -> r.scalingTarget(s -> s.minTaskCount(2).maxTaskCount(4))));

        Service service = service("web");
        assertThat(service.serviceArn()).isEqualTo(WEB_ARN);
        assertThat(service.status()).isEqualTo("ACTIVE");
        assertThat(service.launchType()).isEqualTo(LaunchType.FARGATE);
        assertThat(service.desiredCount()).isEqualTo(2);
        assertThat(service.runningCount()).isEqualTo(2);
        assertThat(service.resourceManagementType()).isEqualTo(ResourceManagementType.ECS);
        assertThat(service.networkConfiguration().awsvpcConfiguration().subnets()).containsExactly("subnet-1");
        assertThat(ecs.listServices(r -> r.cluster("dev")).serviceArns()).containsExactly(WEB_ARN);
        assertThat(ecs.listTasks(r -> r.cluster("dev").serviceName("web")).taskArns()).hasSize(2);
        TaskDefinition definition = ecs.describeTaskDefinition(r -> r.taskDefinition(service.taskDefinition())).taskDefinition();
        ContainerDefinition main = definition.containerDefinitions().get(0);
        assertThat(main.name()).isEqualTo("Main");
        assertThat(main.image()).isEqualTo("public.ecr.aws/nginx/nginx:latest");
        assertThat(main.portMappings().get(0).containerPort()).isEqualTo(80);
        assertThat(definition.cpu()).isEqualTo("256");
        assertThat(definition.memory()).isEqualTo("512");
        assertThat(definition.executionRoleArn()).isEqualTo(EXECUTION_ROLE);
        assertThat(definition.requiresCompatibilitiesAsStrings()).containsExactly("FARGATE");
    }

    @Test
    void withoutANameOrNetworkEcsNamesTheServiceAndUsesTheDefaultVpc() {
        ECSExpressGatewayService service = ecs.createExpressGatewayService(r -> r.cluster("dev").infrastructureRoleArn(INFRA_ROLE)
                .primaryContainer(c -> c.image("nginx").containerPort(8080))).service();

        assertThat(service.serviceName()).startsWith("express-");
        assertThat(service.serviceArn()).isEqualTo(PREFIX + "service/dev/" + service.serviceName());
        assertThat(service.activeConfigurations().get(0).networkConfiguration().subnets()).singleElement().asString().startsWith("subnet-");
        assertThat(service.activeConfigurations().get(0).primaryContainer().containerPort()).isEqualTo(8080);
    }

    @Test
    void withoutAClusterTheDefaultClusterIsMeant() {
        assertThat(refused(ClusterNotFoundException.class, () -> ecs.createExpressGatewayService(express("web").andThen(r -> r.cluster(null)))))
                .isEqualTo("Cluster not found.");

        ecs.createCluster(r -> r.clusterName("default"));
        assertThat(ecs.createExpressGatewayService(express("web").andThen(r -> r.cluster(null))).service().serviceArn())
                .isEqualTo(PREFIX + "service/default/web");
    }

    @Test
    void createNeedsTheInfrastructureRoleAndAContainerOrTaskDefinition() {
        assertThat(refused(InvalidParameterException.class, () -> ecs.createExpressGatewayService(express("web")
                .andThen(r -> r.infrastructureRoleArn(null))))).isEqualTo("infrastructureRoleArn can not be blank.");
        assertThat(refused(InvalidParameterException.class, () -> ecs.createExpressGatewayService(express("web")
                .andThen(r -> r.primaryContainer((software.amazon.awssdk.services.ecs.model.ExpressGatewayContainer) null)))))
                .isEqualTo("primaryContainer must be specified when taskDefinitionArn is not.");
        assertThat(refused(InvalidParameterException.class, () -> ecs.createExpressGatewayService(express("web")
                .andThen(r -> r.primaryContainer(c -> c.containerPort(80)))))).isEqualTo("primaryContainer.image can not be blank.");
        assertThat(refused(ClusterNotFoundException.class, () -> ecs.createExpressGatewayService(express("web")
                .andThen(r -> r.cluster("nope"))))).isEqualTo("Cluster not found.");
        assertThat(ecs.listServices(r -> r.cluster("dev")).serviceArns()).isEmpty();
    }

    @Test
    void theServicesOwnRulesApply() {
        ecs.createExpressGatewayService(express("web"));

        assertThat(refused(InvalidParameterException.class, () -> ecs.createExpressGatewayService(express("web"))))
                .isEqualTo("Creation of service was not idempotent.");
        assertThat(refused(InvalidParameterException.class, () -> ecs.createExpressGatewayService(express("web site"))))
                .startsWith("Service name can be up to 255 letters");
        assertThat(refused(ClientException.class, () -> ecs.createExpressGatewayService(express("api")
                .andThen(r -> r.cpu("256").memory("4096")))))
                .startsWith("No Fargate configuration exists for given values: 256 CPU, 4096 memory.");
        assertThat(ecs.listTaskDefinitions(r -> { }).taskDefinitionArns())
                .as("a refused creation registers nothing").containsExactly(PREFIX + "task-definition/dev-web:1");
    }

    @Test
    void scalingMinimumAboveMaximumIsRefused() {
        assertThat(refused(InvalidParameterException.class, () -> ecs.createExpressGatewayService(express("web")
                .andThen(r -> r.scalingTarget(s -> s.minTaskCount(3).maxTaskCount(2))))))
                .isEqualTo("maxTaskCount can not be less than minTaskCount.");
        assertThat(refused(InvalidParameterException.class, () -> ecs.createExpressGatewayService(express("web")
                .andThen(r -> r.scalingTarget(s -> s.minTaskCount(-1))))))
                .isEqualTo("minTaskCount can not be less than 0.");
    }

    @Test
    void aTaskDefinitionOfOnesOwnIsUsedAsItIs() {
        String own = ecs.registerTaskDefinition(r -> r.family("mine").networkMode("awsvpc").requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("512").memory("1024").containerDefinitions(
                        c -> c.name("Main").image("app:1").portMappings(p -> p.containerPort(3000).name("http")),
                        c -> c.name("sidecar").image("envoy").essential(false)))
                .taskDefinition().taskDefinitionArn();

        ECSExpressGatewayService service = ecs.createExpressGatewayService(r -> r.cluster("dev").serviceName("web")
                .infrastructureRoleArn(INFRA_ROLE).taskDefinitionArn(own)).service();

        assertThat(service.activeConfigurations().get(0).taskDefinitionArn()).isEqualTo(own);
        assertThat(service.activeConfigurations().get(0).primaryContainer().image()).isEqualTo("app:1");
        assertThat(service.activeConfigurations().get(0).primaryContainer().containerPort()).isEqualTo(3000);
        assertThat(service("web").taskDefinition()).isEqualTo(own);
        assertThat(ecs.listTaskDefinitions(r -> { }).taskDefinitionArns()).containsExactly(own);
    }

    @Test
    void aTaskDefinitionOfOnesOwnExcludesTheMembersItDecides() {
        ecs.registerTaskDefinition(r -> r.family("mine").networkMode("awsvpc").requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256").memory("512").containerDefinitions(c -> c.name("Main").image("app").portMappings(p -> p.containerPort(80).name("http"))));

        assertThat(refused(InvalidParameterException.class, () -> ecs.createExpressGatewayService(express("web")
                .andThen(r -> r.taskDefinitionArn("mine:1"))))).isEqualTo("If you provide a task definition ARN, you cannot also "
                + "specify primaryContainer, executionRoleArn, taskRoleArn, cpu, memory, or cpuArchitecture.");
    }

    @Test
    void aTaskDefinitionOfOnesOwnMustSuitExpress() {
        ecs.registerTaskDefinition(r -> r.family("nomain").networkMode("awsvpc").requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256").memory("512").containerDefinitions(c -> c.name("app").image("app").portMappings(p -> p.containerPort(80).name("http"))));
        ecs.registerTaskDefinition(r -> r.family("noname").networkMode("awsvpc").requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256").memory("512").containerDefinitions(c -> c.name("Main").image("app").portMappings(p -> p.containerPort(80))));
        ecs.registerTaskDefinition(r -> r.family("ec2").networkMode("bridge")
                .containerDefinitions(c -> c.name("Main").image("app").memory(128).portMappings(p -> p.containerPort(80).name("http"))));
        Consumer<CreateExpressGatewayServiceRequest.Builder> base = r -> r.cluster("dev").serviceName("web").infrastructureRoleArn(INFRA_ROLE);

        assertThat(refused(InvalidParameterException.class, () -> ecs.createExpressGatewayService(base.andThen(r -> r.taskDefinitionArn("nomain")))))
                .isEqualTo("The task definition must have a container named Main.");
        assertThat(refused(InvalidParameterException.class, () -> ecs.createExpressGatewayService(base.andThen(r -> r.taskDefinitionArn("noname")))))
                .isEqualTo("The container Main must have a single TCP port mapping with a container port and a port name.");
        assertThat(refused(PlatformTaskDefinitionIncompatibilityException.class,
                () -> ecs.createExpressGatewayService(base.andThen(r -> r.taskDefinitionArn("ec2")))))
                .isEqualTo("The specified platform does not satisfy the task definition's required capabilities.");
        assertThat(refused(ClientException.class, () -> ecs.createExpressGatewayService(base.andThen(r -> r.taskDefinitionArn("nope:1")))))
                .isEqualTo("TaskDefinition not found.");
    }

    // ---------------------------------------------------------------- DescribeExpressGatewayService

    @Test
    void describeShowsTagsOnlyWhenAskedFor() {
        ecs.createExpressGatewayService(express("web").andThen(r -> r.tags(tag("team", "web"))));

        assertThat(describe(WEB_ARN).tags()).isEmpty();
        assertThat(ecs.describeExpressGatewayService(r -> r.serviceArn(WEB_ARN).include(ExpressGatewayServiceInclude.TAGS))
                .service().tags()).containsExactly(tag("team", "web"));
        assertThat(ecs.listTagsForResource(r -> r.resourceArn(WEB_ARN)).tags()).containsExactly(tag("team", "web"));
    }

    @Test
    void listServicesFiltersByWhoManagesTheService() {
        ecs.createExpressGatewayService(express("web"));
        ecs.registerTaskDefinition(r -> r.family("plain").networkMode("awsvpc").requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256").memory("512").containerDefinitions(c -> c.name("app").image("app")));
        String plain = ecs.createService(r -> r.cluster("dev").serviceName("plain").taskDefinition("plain").desiredCount(0)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))))
                .service().serviceArn();

        assertThat(ecs.listServices(r -> r.cluster("dev").resourceManagementType(ResourceManagementType.ECS)).serviceArns())
                .containsExactly(WEB_ARN);
        assertThat(ecs.listServices(r -> r.cluster("dev").resourceManagementType(ResourceManagementType.CUSTOMER)).serviceArns())
                .containsExactly(plain);
        assertThat(ecs.listServices(r -> r.cluster("dev")).serviceArns()).containsExactlyInAnyOrder(WEB_ARN, plain);
    }

    @Test
    void anUnknownExpressServiceIsResourceNotFound() {
        ecs.registerTaskDefinition(r -> r.family("plain").networkMode("awsvpc").requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256").memory("512").containerDefinitions(c -> c.name("app").image("app")));
        ecs.createService(r -> r.cluster("dev").serviceName("plain").taskDefinition("plain").desiredCount(0).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))));

        for (String arn : List.of(PREFIX + "service/dev/nope", PREFIX + "service/dev/plain", "web",
                "arn:aws:ecs:eu-west-1:123456789012:service/dev/web", PREFIX + "task/dev/web")) {
            assertThat(refused(ResourceNotFoundException.class, () -> describe(arn))).as(arn)
                    .isEqualTo("The specified resource could not be found.");
        }
        assertThat(refused(ClusterNotFoundException.class, () -> describe(PREFIX + "service/nope/web"))).isEqualTo("Cluster not found.");
        assertThat(refused(InvalidParameterException.class, () -> ecs.describeExpressGatewayService(r -> { })))
                .isEqualTo("serviceArn can not be blank.");
    }

    // ---------------------------------------------------------------- UpdateExpressGatewayService

    @Test
    void anUpdateMakesANewRevisionAndDeploysIt() {
        ECSExpressGatewayService created = ecs.createExpressGatewayService(express("web")).service();

        UpdatedExpressGatewayService updated = ecs.updateExpressGatewayService(r -> r.serviceArn(WEB_ARN)
                .primaryContainer(c -> c.image("nginx:2").containerPort(8080)).cpu("512").memory("1024")
                .scalingTarget(s -> s.minTaskCount(3))).service();

        ExpressGatewayServiceConfiguration target = updated.targetConfiguration();
        assertThat(updated.serviceArn()).isEqualTo(WEB_ARN);
        assertThat(updated.cluster()).isEqualTo(CLUSTER_ARN);
        assertThat(updated.status().statusCode()).isEqualTo(ExpressGatewayServiceStatusCode.ACTIVE);
        assertThat(target.taskDefinitionArn()).isEqualTo(PREFIX + "task-definition/dev-web:2");
        assertThat(target.serviceRevisionArn()).isNotEqualTo(created.activeConfigurations().get(0).serviceRevisionArn());
        assertThat(target.cpu()).isEqualTo("512");
        assertThat(target.executionRoleArn()).as("what the update does not give is kept").isEqualTo(EXECUTION_ROLE);
        assertThat(target.scalingTarget().minTaskCount()).isEqualTo(3);
        assertThat(target.scalingTarget().autoScalingTargetValue()).isEqualTo(60);
        assertThat(target.ingressPaths()).isEqualTo(created.activeConfigurations().get(0).ingressPaths());
        Service service = service("web");
        assertThat(service.taskDefinition()).isEqualTo(PREFIX + "task-definition/dev-web:2");
        assertThat(service.desiredCount()).isEqualTo(3);
        assertThat(service.runningCount()).isEqualTo(3);
        ECSExpressGatewayService described = describe(WEB_ARN);
        assertThat(described.activeConfigurations()).containsExactly(target);
        assertThat(described.currentDeployment()).isNotEqualTo(created.currentDeployment());
    }

    @Test
    void anUpdateOfTheHealthCheckPathAloneKeepsTheTaskDefinition() {
        ecs.createExpressGatewayService(express("web"));

        ExpressGatewayServiceConfiguration target = ecs.updateExpressGatewayService(r -> r.serviceArn(WEB_ARN).healthCheckPath("/health"))
                .service().targetConfiguration();

        assertThat(target.healthCheckPath()).isEqualTo("/health");
        assertThat(target.taskDefinitionArn()).isEqualTo(PREFIX + "task-definition/dev-web:1");
    }

    @Test
    void aContainerGivenToAServiceOnItsOwnTaskDefinitionMovesItToOneEcsManages() {
        ecs.registerTaskDefinition(r -> r.family("mine").networkMode("awsvpc").requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("512").memory("1024").containerDefinitions(c -> c.name("Main").image("app:1")
                        .portMappings(p -> p.containerPort(3000).name("http"))));
        ecs.createExpressGatewayService(r -> r.cluster("dev").serviceName("web").infrastructureRoleArn(INFRA_ROLE)
                .taskDefinitionArn("mine:1"));

        ExpressGatewayServiceConfiguration target = ecs.updateExpressGatewayService(r -> r.serviceArn(WEB_ARN)
                .primaryContainer(c -> c.image("app:2"))).service().targetConfiguration();

        assertThat(target.taskDefinitionArn()).isEqualTo(PREFIX + "task-definition/dev-web:1");
        assertThat(target.cpu()).isEqualTo("512");
        assertThat(target.memory()).isEqualTo("1024");
        TaskDefinition definition = ecs.describeTaskDefinition(r -> r.taskDefinition("dev-web:1")).taskDefinition();
        assertThat(definition.containerDefinitions().get(0).image()).isEqualTo("app:2");
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition("mine")).taskDefinition().revision())
                .as("the caller's family gets no revision").isEqualTo(1);
        assertThat(service("web").taskDefinition()).isEqualTo(PREFIX + "task-definition/dev-web:1");
    }

    @Test
    void updatingAnUnknownOrDeletedExpressServiceIsRefused() {
        ecs.createExpressGatewayService(express("web"));

        assertThat(refused(ServiceNotFoundException.class, () -> ecs.updateExpressGatewayService(r -> r.serviceArn(PREFIX + "service/dev/nope")
                .healthCheckPath("/health")))).isEqualTo("Service not found.");
        assertThat(refused(InvalidParameterException.class, () -> ecs.updateExpressGatewayService(r -> r.serviceArn(WEB_ARN)
                .taskDefinitionArn("mine:1").cpu("512")))).startsWith("If you provide a task definition ARN");
        ecs.deleteExpressGatewayService(r -> r.serviceArn(WEB_ARN));
        assertThat(refused(ServiceNotActiveException.class, () -> ecs.updateExpressGatewayService(r -> r.serviceArn(WEB_ARN)
                .healthCheckPath("/health")))).isEqualTo("Service was not ACTIVE.");
    }

    // ---------------------------------------------------------------- DeleteExpressGatewayService

    @Test
    void aDeletedExpressServiceDrainsThenIsInactiveThenGone() {
        ecs.createExpressGatewayService(express("web"));

        ECSExpressGatewayService deleting = ecs.deleteExpressGatewayService(r -> r.serviceArn(WEB_ARN)).service();

        assertThat(deleting.status().statusCode()).isEqualTo(ExpressGatewayServiceStatusCode.DRAINING);
        ECSExpressGatewayService inactive = describe(WEB_ARN);
        assertThat(inactive.status().statusCode()).isEqualTo(ExpressGatewayServiceStatusCode.INACTIVE);
        assertThat(inactive.activeConfigurations()).isEmpty();
        assertThat(service("web").status()).isEqualTo("INACTIVE");
        assertThat(ecs.listTasks(r -> r.cluster("dev").serviceName("web")).taskArns()).isEmpty();
        assertThat(refused(ServiceNotActiveException.class, () -> ecs.deleteExpressGatewayService(r -> r.serviceArn(WEB_ARN))))
                .isEqualTo("Service was not ACTIVE.");

        mock.clock().advance(Duration.ofHours(1));
        assertThat(refused(ResourceNotFoundException.class, () -> describe(WEB_ARN))).isEqualTo("The specified resource could not be found.");
    }

    @Test
    void deletingAnUnknownExpressServiceIsServiceNotFound() {
        assertThat(refused(ServiceNotFoundException.class, () -> ecs.deleteExpressGatewayService(r -> r.serviceArn(WEB_ARN))))
                .isEqualTo("Service not found.");
        assertThat(refused(ClusterNotFoundException.class, () -> ecs.deleteExpressGatewayService(r -> r.serviceArn(PREFIX + "service/nope/web"))))
                .isEqualTo("Cluster not found.");
    }

    @Test
    void aNewExpressServiceMayTakeTheNameOfAnInactiveOne() {
        ecs.createExpressGatewayService(express("web"));
        ecs.deleteExpressGatewayService(r -> r.serviceArn(WEB_ARN));
        describe(WEB_ARN);

        ECSExpressGatewayService again = ecs.createExpressGatewayService(express("web")).service();

        assertThat(again.status().statusCode()).isEqualTo(ExpressGatewayServiceStatusCode.ACTIVE);
        assertThat(describe(WEB_ARN).status().statusCode()).isEqualTo(ExpressGatewayServiceStatusCode.ACTIVE);
        assertThat(again.activeConfigurations().get(0).taskDefinitionArn()).isEqualTo(PREFIX + "task-definition/dev-web:2");
    }
}
