package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.PlacementConstraintType;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.SchedulingStrategy;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.ServiceNotActiveException;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.ServiceRegistry;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/** CreateService, UpdateService, DeleteService, DescribeServices and ListServices through the real EcsClient. */
class ServicesTest extends EcsApiTest {
    private static final String PREFIX = "arn:aws:ecs:us-east-1:123456789012:";
    private static final String CLUSTER_ARN = PREFIX + "cluster/prod";
    private static final String SERVICE_ARN_PREFIX = PREFIX + "service/prod/";
    private static final String TD_ARN_PREFIX = PREFIX + "task-definition/";
    private static final String TASK_ARN_PREFIX = PREFIX + "task/prod/";
    private static final String SUBNET = "subnet-0123456789abcdef0";
    private static final String SECURITY_GROUP = "sg-0123456789abcdef0";
    private static final String TARGET_GROUP =
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef";
    private static final String DEPLOYMENT_ID = "ecs-svc/\\d{19}";
    private static final String NO_INSTANCES = "was unable to place a task because no container instance met all of its "
            + "requirements. Reason: No Container Instances were found in your cluster. For more information, see the "
            + "Troubleshooting section of the Amazon ECS Developer Guide.";

    @BeforeEach
    void createCluster() {
        ecs.createCluster(r -> r.clusterName("prod"));
    }

    // ---------------------------------------------------------------- CreateService: the answer

    @Test
    void createServiceAnswersWithTheServiceSteadyAndItsCounts() {
        registerFargate("web");

        Service service = createWeb(2);

        assertThat(service.serviceArn()).isEqualTo(SERVICE_ARN_PREFIX + "web");
        assertThat(service.serviceName()).isEqualTo("web");
        assertThat(service.clusterArn()).isEqualTo(CLUSTER_ARN);
        assertThat(service.status()).isEqualTo("ACTIVE");
        assertThat(service.desiredCount()).isEqualTo(2);
        assertThat(service.runningCount()).isEqualTo(2);
        assertThat(service.pendingCount()).isZero();
        assertThat(service.launchType()).isEqualTo(LaunchType.FARGATE);
        // "omitted if the service was created using a launch type" (the API reference).
        assertThat(service.hasCapacityProviderStrategy()).isFalse();
        assertThat(service.platformVersion()).isEqualTo("LATEST");
        assertThat(service.platformFamily()).isEqualTo("Linux");
        assertThat(service.taskDefinition()).isEqualTo(TD_ARN_PREFIX + "web:1");
        assertThat(service.schedulingStrategy()).isEqualTo(SchedulingStrategy.REPLICA);
        assertThat(service.createdAt()).isEqualTo(mock.clock().now());
        assertThat(service.createdBy()).isEqualTo("arn:aws:iam::123456789012:root");
        assertThat(service.healthCheckGracePeriodSeconds()).isZero();
        assertThat(service.enableECSManagedTags()).isFalse();
        assertThat(service.propagateTagsAsString()).isEqualTo("NONE");
        assertThat(service.enableExecuteCommand()).isFalse();
        assertThat(service.roleArn())
                .isEqualTo("arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS");
    }

    @Test
    void createServiceFillsTheDeploymentConfigurationDefaultsAndTheEcsController() {
        registerFargate("web");

        Service service = createWeb(1);

        assertThat(service.deploymentConfiguration()).isEqualTo(DeploymentConfiguration.builder()
                .deploymentCircuitBreaker(DeploymentCircuitBreaker.builder().enable(false).rollback(false).build())
                .maximumPercent(200)
                .minimumHealthyPercent(100)
                .strategy("ROLLING")
                .bakeTimeInMinutes(0)
                .build());
        assertThat(service.deploymentController().type()).isEqualTo(DeploymentControllerType.ECS);
    }

    @Test
    void givenDeploymentConfigurationIsMergedWithTheDefaults() {
        registerFargate("web");

        Service service = ecs.createService(fargateService("web", 1)
                .andThen(r -> r.deploymentConfiguration(d -> d.maximumPercent(150).minimumHealthyPercent(50)))).service();

        assertThat(service.deploymentConfiguration().maximumPercent()).isEqualTo(150);
        assertThat(service.deploymentConfiguration().minimumHealthyPercent()).isEqualTo(50);
        assertThat(service.deploymentConfiguration().deploymentCircuitBreaker())
                .isEqualTo(DeploymentCircuitBreaker.builder().enable(false).rollback(false).build());
        assertThat(service.deploymentConfiguration().strategyAsString()).isEqualTo("ROLLING");
    }

    /** hookDetails is free-form JSON (a document in the model): any JSON value goes in and comes back as it was. */
    @Test
    void aLifecycleHookKeepsItsFreeFormDetails() {
        registerFargate("web");
        Document details = Document.mapBuilder().putString("env", "prod").putNumber("weight", 2.5)
                .putList("stages", List.of(Document.fromString("canary"), Document.fromNull()))
                .putDocument("nested", Document.mapBuilder().putBoolean("dryRun", true).build()).build();

        ecs.createService(fargateService("web", 1).andThen(r -> r.deploymentConfiguration(d -> d.lifecycleHooks(h -> h
                .hookTargetArn("arn:aws:lambda:us-east-1:123456789012:function:check")
                .roleArn("arn:aws:iam::123456789012:role/hooks")
                .lifecycleStagesWithStrings("POST_SCALE_UP")
                .hookDetails(details)))));

        Service described = ecs.describeServices(r -> r.cluster("prod").services("web")).services().get(0);
        assertThat(described.deploymentConfiguration().lifecycleHooks()).singleElement()
                .satisfies(hook -> assertThat(hook.hookDetails()).isEqualTo(details));
    }

    @Test
    void createServiceHasOneCompletedPrimaryDeployment() {
        registerFargate("web");

        Service service = createWeb(2);

        assertThat(service.deployments()).hasSize(1);
        Deployment deployment = service.deployments().get(0);
        assertThat(deployment.id()).matches(DEPLOYMENT_ID);
        assertThat(deployment.status()).isEqualTo("PRIMARY");
        assertThat(deployment.taskDefinition()).isEqualTo(TD_ARN_PREFIX + "web:1");
        assertThat(deployment.desiredCount()).isEqualTo(2);
        assertThat(deployment.runningCount()).isEqualTo(2);
        assertThat(deployment.pendingCount()).isZero();
        assertThat(deployment.failedTasks()).isZero();
        assertThat(deployment.launchType()).isEqualTo(LaunchType.FARGATE);
        assertThat(deployment.platformVersion()).isEqualTo("1.4.0");
        assertThat(deployment.platformFamily()).isEqualTo("Linux");
        assertThat(deployment.networkConfiguration()).isEqualTo(service.networkConfiguration());
        assertThat(deployment.rolloutStateAsString()).isEqualTo("COMPLETED");
        assertThat(deployment.rolloutStateReason()).isEqualTo("ECS deployment " + deployment.id() + " completed.");
        assertThat(deployment.createdAt()).isEqualTo(mock.clock().now());
        assertThat(deployment.updatedAt()).isEqualTo(mock.clock().now());
    }

    @Test
    void createServiceEventsAreNewestFirstWithEcsTexts() {
        registerFargate("web");

        Service service = createWeb(2);

        List<String> ids = serviceTaskIds("web");
        String deployment = service.deployments().get(0).id();
        assertThat(ids).hasSize(2);
        assertThat(service.events()).extracting(ServiceEvent::message).containsExactly(
                "(service web) has reached a steady state.",
                "(service web) (deployment " + deployment + ") deployment completed.",
                "(service web) has started 2 tasks: (task " + ids.get(0) + ") (task " + ids.get(1) + ").");
        assertThat(service.events()).allSatisfy(event -> {
            assertThat(event.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(event.createdAt()).isEqualTo(mock.clock().now());
        });
    }

    @Test
    void serviceTasksAreStartedByTheDeploymentInTheServiceGroup() {
        registerFargate("web");

        Service service = createWeb(2);

        List<Task> tasks = describeTasks(serviceTaskIds("web"));
        assertThat(tasks).hasSize(2).allSatisfy(task -> {
            assertThat(task.startedBy()).isEqualTo(service.deployments().get(0).id());
            assertThat(task.group()).isEqualTo("service:web");
            assertThat(task.lastStatus()).isEqualTo("RUNNING");
            assertThat(task.launchType()).isEqualTo(LaunchType.FARGATE);
            assertThat(task.taskDefinitionArn()).isEqualTo(TD_ARN_PREFIX + "web:1");
            assertThat(task.attachments()).singleElement().satisfies(eni -> assertThat(eni.details())
                    .anySatisfy(detail -> assertThat(detail.value()).isEqualTo(SUBNET)));
        });
    }

    @Test
    void taskDefinitionGivenAsFamilyRevisionOrArnIsShownAsTheFullArn() {
        registerFargate("web");
        registerFargate("web");

        Service byFamily = ecs.createService(fargateService("a", 0).andThen(r -> r.taskDefinition("web"))).service();
        Service byRevision = ecs.createService(fargateService("b", 0).andThen(r -> r.taskDefinition("web:1"))).service();
        Service byArn = ecs.createService(fargateService("c", 0)
                .andThen(r -> r.taskDefinition(TD_ARN_PREFIX + "web:1"))).service();

        assertThat(byFamily.taskDefinition()).isEqualTo(TD_ARN_PREFIX + "web:2");
        assertThat(byRevision.taskDefinition()).isEqualTo(TD_ARN_PREFIX + "web:1");
        assertThat(byArn.taskDefinition()).isEqualTo(TD_ARN_PREFIX + "web:1");
        assertThat(byArn.deployments().get(0).taskDefinition()).isEqualTo(TD_ARN_PREFIX + "web:1");
    }

    @Test
    void networkConfigurationIsEchoedWithAssignPublicIpDefaultingToDisabled() {
        registerFargate("web");

        Service service = createWeb(0);
        Service enabled = ecs.createService(fargateService("public", 0).andThen(r -> r.networkConfiguration(n -> n
                .awsvpcConfiguration(a -> a.subnets(SUBNET).assignPublicIp(AssignPublicIp.ENABLED))))).service();

        AwsVpcConfiguration vpc = service.networkConfiguration().awsvpcConfiguration();
        assertThat(vpc.subnets()).containsExactly(SUBNET);
        assertThat(vpc.securityGroups()).containsExactly(SECURITY_GROUP);
        assertThat(vpc.assignPublicIp()).isEqualTo(AssignPublicIp.DISABLED);
        assertThat(enabled.networkConfiguration().awsvpcConfiguration().assignPublicIp()).isEqualTo(AssignPublicIp.ENABLED);
        assertThat(enabled.networkConfiguration().awsvpcConfiguration().securityGroups()).isEmpty();
    }

    @Test
    void loadBalancersAndServiceRegistriesAreStoredAndReturned() {
        registerFargate("web");
        LoadBalancer balancer = LoadBalancer.builder().targetGroupArn(TARGET_GROUP).containerName("app").containerPort(80).build();
        ServiceRegistry registry = ServiceRegistry.builder()
                .registryArn("arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef").build();

        Service created = ecs.createService(fargateService("web", 1)
                .andThen(r -> r.loadBalancers(balancer).serviceRegistries(registry))).service();

        assertThat(created.loadBalancers()).containsExactly(balancer);
        assertThat(created.serviceRegistries()).containsExactly(registry);
        Service described = describe("web");
        assertThat(described.loadBalancers()).containsExactly(balancer);
        assertThat(described.serviceRegistries()).containsExactly(registry);
    }

    @Test
    void listMembersThatWereNotGivenAreEmptyLists() {
        registerFargate("web");

        Service service = createWeb(1);

        assertThat(service.hasLoadBalancers()).isTrue();
        assertThat(service.loadBalancers()).isEmpty();
        assertThat(service.hasServiceRegistries()).isTrue();
        assertThat(service.serviceRegistries()).isEmpty();
        assertThat(service.hasPlacementConstraints()).isTrue();
        assertThat(service.placementConstraints()).isEmpty();
        assertThat(service.hasPlacementStrategy()).isTrue();
        assertThat(service.placementStrategy()).isEmpty();
        assertThat(service.hasTags()).isTrue();
        assertThat(service.tags()).isEmpty();
    }

    @Test
    void createServiceEchoesTagsAndDescribeShowsThemOnlyWhenAsked() {
        registerFargate("web");

        Service service = ecs.createService(fargateService("web", 1)
                .andThen(r -> r.tags(tag("team", "payments"), tag("env", "prod")))).service();

        assertThat(service.tags()).containsExactly(tag("team", "payments"), tag("env", "prod"));
        assertThat(describe("web").tags()).isEmpty();
        assertThat(ecs.describeServices(r -> r.cluster("prod").services("web").include(ServiceField.TAGS))
                .services().get(0).tags()).containsExactly(tag("team", "payments"), tag("env", "prod"));
    }

    @Test
    void createServiceWithTheDefaultProfileAcceptsAnAwsvpcServiceWithoutNetworkConfiguration() {
        registerFargate("web");

        Service service = ecs.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web")
                .desiredCount(1).launchType(LaunchType.FARGATE)).service();

        assertThat(service.status()).isEqualTo("ACTIVE");
        assertThat(service.runningCount()).isEqualTo(1);
        assertThat(service.networkConfiguration()).isNull();
    }

    // ---------------------------------------------------------------- CreateService: names and idempotency

    @Test
    void secondCreateOfAnActiveNameIsNotIdempotent() {
        registerFargate("web");
        createWeb(1);

        assertError(InvalidParameterException.class, () -> createWeb(1), "Creation of service was not idempotent.");
        assertThat(ecs.listServices(r -> r.cluster("prod")).serviceArns()).containsExactly(SERVICE_ARN_PREFIX + "web");
    }

    @Test
    void sameClientTokenReturnsTheExistingService() {
        registerFargate("web");
        Service first = ecs.createService(fargateService("web", 2).andThen(r -> r.clientToken("token-1"))).service();

        Service second = ecs.createService(fargateService("web", 2).andThen(r -> r.clientToken("token-1"))).service();

        assertThat(second.serviceArn()).isEqualTo(first.serviceArn());
        assertThat(second.createdAt()).isEqualTo(first.createdAt());
        assertThat(second.deployments()).extracting(Deployment::id).containsExactly(first.deployments().get(0).id());
        assertThat(serviceTaskIds("web")).hasSize(2);
        assertError(InvalidParameterException.class,
                () -> ecs.createService(fargateService("web", 2).andThen(r -> r.clientToken("token-2"))),
                "Creation of service was not idempotent.");
    }

    @Test
    void sameClientTokenWithOtherParametersIsNotIdempotent() {
        registerFargate("web");
        ecs.createService(fargateService("web", 2).andThen(r -> r.clientToken("token-1")));

        assertError(InvalidParameterException.class,
                () -> ecs.createService(fargateService("web", 3).andThen(r -> r.clientToken("token-1"))),
                "Creation of service was not idempotent.");
        assertThat(serviceTaskIds("web")).hasSize(2);
    }

    @Test
    void createServiceInAnUnknownClusterIsClusterNotFound() {
        registerFargate("web");

        assertError(ClusterNotFoundException.class,
                () -> ecs.createService(fargateService("web", 1).andThen(r -> r.cluster("nope"))), "Cluster not found.");
    }

    // ---------------------------------------------------------------- CreateService: task definition

    @Test
    void unknownTaskDefinitionIsRefused() {
        assertNotCreated(ClientException.class, fargateService("web", 1).andThen(r -> r.taskDefinition("nope")),
                "TaskDefinition not found.");
        registerFargate("web");
        assertNotCreated(ClientException.class, fargateService("web", 1).andThen(r -> r.taskDefinition("web:7")),
                "TaskDefinition not found.");
    }

    @Test
    void inactiveRevisionIsRefused() {
        registerFargate("web");
        registerFargate("web");
        ecs.deregisterTaskDefinition(r -> r.taskDefinition("web:1"));

        assertNotCreated(ClientException.class, fargateService("web", 1).andThen(r -> r.taskDefinition("web:1")),
                "TaskDefinition is inactive");
    }

    @Test
    void blankOrMissingTaskDefinitionIsRefused() {
        assertNotCreated(InvalidParameterException.class, fargateService("web", 1).andThen(r -> r.taskDefinition("")),
                "TaskDefinition can not be blank.");
        assertNotCreated(InvalidParameterException.class, fargateService("web", 1).andThen(r -> r.taskDefinition(null)),
                "TaskDefinition can not be blank.");
    }

    @Test
    void missingDesiredCountIsRefused() {
        registerFargate("web");

        assertNotCreated(InvalidParameterException.class, fargateService("web", 1).andThen(r -> r.desiredCount(null)),
                "DesiredCount is missing");
    }

    @Test
    void fargateWithADefinitionThatIsNotFargateCompatibleIsRefused() {
        registerBridge("web");

        assertNotCreated(InvalidParameterException.class,
                r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(1).launchType(LaunchType.FARGATE),
                "Task definition does not support launch_type FARGATE.");
    }

    @Test
    void aFargateServiceRefusesPlacementConstraintsOnCreateAndUpdate() {
        registerFargate("web");

        assertNotCreated(InvalidParameterException.class, fargateService("web", 1).andThen(r -> r.placementConstraints(
                        c -> c.type(PlacementConstraintType.DISTINCT_INSTANCE))),
                "Placement constraints are not supported with FARGATE launch type.");
        createWeb(1);
        assertError(InvalidParameterException.class, () -> ecs.updateService(r -> r.cluster("prod").service("web")
                        .placementConstraints(c -> c.type(PlacementConstraintType.MEMBER_OF)
                                .expression("attribute:ecs.availability-zone in [us-east-1a]"))),
                "Placement constraints are not supported with FARGATE launch type.");
        assertThat(ecs.describeServices(r -> r.cluster("prod").services("web")).services().get(0).placementConstraints()).isEmpty();
    }

    // ---------------------------------------------------------------- CreateService: launch and network rules

    @Test
    void launchTypeTogetherWithCapacityProviderStrategyIsRefused() {
        ecs.createCluster(r -> r.clusterName("spot").capacityProviders("FARGATE", "FARGATE_SPOT"));
        registerFargate("web");

        assertNotCreated(InvalidParameterException.class, fargateService("web", 1).andThen(r -> r.cluster("spot")
                        .capacityProviderStrategy(strategy("FARGATE", 1, 0))),
                "Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.");
    }

    @Test
    void emptySubnetsAreRefused() {
        registerFargate("web");

        assertNotCreated(InvalidParameterException.class, fargateService("web", 1)
                        .andThen(r -> r.networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(List.of())))),
                "subnets can not be empty.");
    }

    @Test
    void moreThan16SubnetsAreRefusedAnd16AreAccepted() {
        registerFargate("web");
        List<String> seventeen = IntStream.range(0, 17).mapToObj(i -> String.format("subnet-%017x", i)).toList();

        assertNotCreated(InvalidParameterException.class, fargateService("web", 1)
                        .andThen(r -> r.networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(seventeen)))),
                "subnets can have at most 16 items.");
        Service service = ecs.createService(fargateService("web", 1).andThen(r -> r.networkConfiguration(n -> n
                .awsvpcConfiguration(a -> a.subnets(seventeen.subList(0, 16)))))).service();
        assertThat(service.networkConfiguration().awsvpcConfiguration().subnets()).hasSize(16);
    }

    @Test
    void assignPublicIpWithEc2IsRefused() {
        registerEc2Awsvpc("web");

        assertNotCreated(InvalidParameterException.class, r -> r.cluster("prod").serviceName("web").taskDefinition("web")
                        .desiredCount(1).launchType(LaunchType.EC2)
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(SUBNET).assignPublicIp(AssignPublicIp.ENABLED))),
                "Assign public IP is not supported for this launch type.");
    }

    @Test
    void platformVersionWithEc2IsRefused() {
        registerBridge("web");

        assertNotCreated(InvalidParameterException.class, r -> r.cluster("prod").serviceName("web").taskDefinition("web")
                        .desiredCount(1).launchType(LaunchType.EC2).platformVersion("1.4.0"),
                "The platform version must be null when specifying an EC2 launch type.");
        // Without a launch type or capacity providers the launch type is EC2, so the same applies.
        assertNotCreated(InvalidParameterException.class, r -> r.cluster("prod").serviceName("web").taskDefinition("web")
                        .desiredCount(1).platformVersion("LATEST"),
                "The platform version must be null when specifying an EC2 launch type.");
    }

    @Test
    void networkConfigurationOnABridgeDefinitionIsRefused() {
        registerBridge("web");

        assertNotCreated(InvalidParameterException.class, r -> r.cluster("prod").serviceName("web").taskDefinition("web")
                        .desiredCount(1).launchType(LaunchType.EC2).networkConfiguration(network()),
                "Network Configuration is not valid for the given `networkMode` of this task definition.");
    }

    @Test
    void loadBalancerContainerMustBeInTheDefinitionWithThePortMapped() {
        registerFargate("web");

        assertNotCreated(InvalidParameterException.class, fargateService("web", 1).andThen(r -> r.loadBalancers(lb -> lb
                        .targetGroupArn(TARGET_GROUP).containerName("proxy").containerPort(80))),
                "The container proxy does not exist in the task definition.");
        assertNotCreated(InvalidParameterException.class, fargateService("web", 1).andThen(r -> r.loadBalancers(lb -> lb
                        .targetGroupArn(TARGET_GROUP).containerName("app").containerPort(8080))),
                "The container app did not have a container port 8080 defined.");
        assertNotCreated(InvalidParameterException.class, fargateService("web", 1).andThen(r -> r.loadBalancers(lb -> lb
                        .targetGroupArn(TARGET_GROUP).containerPort(80))),
                "Container Name can not be blank.");
    }

    @Test
    void daemonServiceWithADesiredCountIsRefused() {
        registerBridge("agent");

        assertNotCreated(InvalidParameterException.class, r -> r.cluster("prod").serviceName("agent").taskDefinition("agent")
                        .schedulingStrategy(SchedulingStrategy.DAEMON).launchType(LaunchType.EC2).desiredCount(0),
                "The daemon scheduling strategy does not support a desired count for services. Remove the desired count "
                        + "value and try again");
    }

    @Test
    void daemonServiceOnFargateIsRefused() {
        registerFargate("agent");

        assertNotCreated(InvalidParameterException.class, r -> r.cluster("prod").serviceName("agent").taskDefinition("agent")
                        .schedulingStrategy(SchedulingStrategy.DAEMON).launchType(LaunchType.FARGATE).networkConfiguration(network()),
                "The daemon scheduling strategy does not support the FARGATE launch type. Change the launch type and try again");
    }

    @Test
    void daemonServiceOnEc2IsCreatedWithoutTasks() {
        registerBridge("agent");

        Service service = ecs.createService(r -> r.cluster("prod").serviceName("agent").taskDefinition("agent")
                .schedulingStrategy(SchedulingStrategy.DAEMON).launchType(LaunchType.EC2)).service();

        assertThat(service.schedulingStrategy()).isEqualTo(SchedulingStrategy.DAEMON);
        assertThat(service.desiredCount()).isZero();
        assertThat(service.deploymentConfiguration().maximumPercent()).isEqualTo(100);
        assertThat(service.deploymentConfiguration().minimumHealthyPercent()).isZero();
    }

    // ---------------------------------------------------------------- CreateService: EC2 and capacity providers

    @Test
    void ec2ServiceCannotPlaceTasksAndSaysWhyOnce() {
        registerBridge("worker");

        Service service = ecs.createService(r -> r.cluster("prod").serviceName("worker").taskDefinition("worker")
                .desiredCount(2).launchType(LaunchType.EC2)).service();

        assertThat(service.launchType()).isEqualTo(LaunchType.EC2);
        assertThat(service.platformVersion()).isNull();
        assertThat(service.platformFamily()).isNull();
        assertThat(service.networkConfiguration()).isNull();
        assertThat(service.runningCount()).isZero();
        assertThat(service.pendingCount()).isZero();
        assertThat(service.deployments().get(0).rolloutStateAsString()).isEqualTo("IN_PROGRESS");
        assertThat(service.deployments().get(0).platformVersion()).isNull();
        assertThat(service.events()).extracting(ServiceEvent::message).containsExactly("(service worker) " + NO_INSTANCES);

        ecs.updateService(r -> r.cluster("prod").service("worker").desiredCount(3));
        mock.clock().advance(Duration.ofMinutes(10));

        Service later = describe("worker");
        assertThat(later.runningCount()).isZero();
        assertThat(later.events()).extracting(ServiceEvent::message).containsExactly("(service worker) " + NO_INSTANCES);
        assertThat(ecs.listTasks(r -> r.cluster("prod").serviceName("worker")).taskArns()).isEmpty();
    }

    @Test
    void capacityProviderStrategyPlacesTasksOnFargateProviders() {
        ecs.createCluster(r -> r.clusterName("spot").capacityProviders("FARGATE", "FARGATE_SPOT"));
        registerFargate("web");

        Service service = ecs.createService(r -> r.cluster("spot").serviceName("web").taskDefinition("web").desiredCount(3)
                .networkConfiguration(network())
                .capacityProviderStrategy(strategy("FARGATE", 1, 1), strategy("FARGATE_SPOT", 1, null))).service();

        assertThat(service.launchType()).isNull();
        assertThat(service.capacityProviderStrategy()).containsExactly(strategy("FARGATE", 1, 1), strategy("FARGATE_SPOT", 1, 0));
        assertThat(service.runningCount()).isEqualTo(3);
        assertThat(service.deployments().get(0).launchType()).isNull();
        assertThat(service.deployments().get(0).capacityProviderStrategy())
                .containsExactly(strategy("FARGATE", 1, 1), strategy("FARGATE_SPOT", 1, 0));
        List<Task> tasks = describeTasks("spot", ecs.listTasks(r -> r.cluster("spot").serviceName("web")).taskArns());
        assertThat(tasks).hasSize(3).allSatisfy(task -> assertThat(task.launchType()).isEqualTo(LaunchType.FARGATE));
        Map<String, Long> byProvider = tasks.stream().collect(Collectors.groupingBy(Task::capacityProviderName, Collectors.counting()));
        assertThat(byProvider).containsExactlyInAnyOrderEntriesOf(Map.of("FARGATE", 2L, "FARGATE_SPOT", 1L));
    }

    @Test
    void scalingOutAStrategyServiceKeepsItsStrategyAndDeployment() {
        ecs.createCluster(r -> r.clusterName("spot").capacityProviders("FARGATE", "FARGATE_SPOT"));
        registerFargate("web");
        Service before = ecs.createService(r -> r.cluster("spot").serviceName("web").taskDefinition("web").desiredCount(3)
                .networkConfiguration(network())
                .capacityProviderStrategy(strategy("FARGATE", 1, 1), strategy("FARGATE_SPOT", 1, null))).service();

        Service after = ecs.updateService(r -> r.cluster("spot").service("web").desiredCount(4)).service();

        assertThat(after.launchType()).isNull();
        assertThat(after.capacityProviderStrategy()).isEqualTo(before.capacityProviderStrategy());
        assertThat(after.deployments()).extracting(Deployment::id).containsExactly(before.deployments().get(0).id());
        List<Task> tasks = describeTasks("spot", ecs.listTasks(r -> r.cluster("spot").serviceName("web")).taskArns());
        Map<String, Long> byProvider = tasks.stream().collect(Collectors.groupingBy(Task::capacityProviderName, Collectors.counting()));
        assertThat(byProvider).containsExactlyInAnyOrderEntriesOf(Map.of("FARGATE", 2L, "FARGATE_SPOT", 2L));
    }

    @Test
    void changingTheCapacityProviderStrategyNeedsAForcedDeployment() {
        ecs.createCluster(r -> r.clusterName("spot").capacityProviders("FARGATE", "FARGATE_SPOT"));
        registerFargate("web");
        ecs.createService(r -> r.cluster("spot").serviceName("launch-type").taskDefinition("web").desiredCount(1)
                .networkConfiguration(network()).launchType(LaunchType.FARGATE));
        Service before = ecs.createService(r -> r.cluster("spot").serviceName("web").taskDefinition("web").desiredCount(2)
                .networkConfiguration(network()).capacityProviderStrategy(strategy("FARGATE", 1, null))).service();
        String message = "When switching from launch type to capacity provider strategy on an existing service, or making a "
                + "change to a capacity provider strategy on a service that is already using one, you must force a new deployment.";

        for (String name : List.of("launch-type", "web")) {
            assertError(InvalidParameterException.class, () -> ecs.updateService(r -> r.cluster("spot").service(name)
                    .capacityProviderStrategy(strategy("FARGATE_SPOT", 1, null))), message);
        }
        Service unchanged = ecs.describeServices(r -> r.cluster("spot").services("web")).services().get(0);
        assertThat(unchanged.capacityProviderStrategy()).isEqualTo(before.capacityProviderStrategy());
        assertThat(unchanged.deployments()).extracting(Deployment::id).containsExactly(before.deployments().get(0).id());
        // The same strategy again is no change; with a forced deployment the change is made.
        assertThat(ecs.updateService(r -> r.cluster("spot").service("web").capacityProviderStrategy(strategy("FARGATE", 1, 0)))
                .service().deployments()).hasSize(1);
        Service after = ecs.updateService(r -> r.cluster("spot").service("web").forceNewDeployment(true)
                .capacityProviderStrategy(strategy("FARGATE_SPOT", 1, null))).service();
        assertThat(after.capacityProviderStrategy()).containsExactly(strategy("FARGATE_SPOT", 1, 0));
        assertThat(after.deployments().get(0).capacityProviderStrategy()).containsExactly(strategy("FARGATE_SPOT", 1, 0));
    }

    @Test
    void strategyWithAProviderNotAssociatedWithTheClusterIsRefused() {
        ecs.createCluster(r -> r.clusterName("spot").capacityProviders("FARGATE"));
        registerFargate("web");

        assertError(InvalidParameterException.class,
                () -> ecs.createService(r -> r.cluster("spot").serviceName("web").taskDefinition("web").desiredCount(1)
                        .networkConfiguration(network()).capacityProviderStrategy(strategy("FARGATE_SPOT", 1, 0))),
                "The specified capacity provider strategy cannot contain a capacity provider that is not associated with "
                        + "the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider "
                        + "and try again.");
        assertThat(ecs.listServices(r -> r.cluster("spot")).serviceArns()).isEmpty();
    }

    @Test
    void clusterDefaultStrategyIsUsedWhenNeitherLaunchTypeNorStrategyIsGiven() {
        ecs.createCluster(r -> r.clusterName("spot").capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategy(strategy("FARGATE_SPOT", 1, null)));
        registerFargate("web");

        Service service = ecs.createService(r -> r.cluster("spot").serviceName("web").taskDefinition("web").desiredCount(2)
                .networkConfiguration(network())).service();

        assertThat(service.launchType()).isNull();
        assertThat(service.capacityProviderStrategy()).containsExactly(strategy("FARGATE_SPOT", 1, 0));
        assertThat(service.runningCount()).isEqualTo(2);
        assertThat(describeTasks("spot", ecs.listTasks(r -> r.cluster("spot").serviceName("web")).taskArns()))
                .hasSize(2)
                .allSatisfy(task -> {
                    assertThat(task.capacityProviderName()).isEqualTo("FARGATE_SPOT");
                    assertThat(task.launchType()).isEqualTo(LaunchType.FARGATE);
                });
    }

    @Test
    void withoutLaunchTypeOrStrategyTheLaunchTypeIsEc2() {
        registerBridge("worker");

        Service service = ecs.createService(r -> r.cluster("prod").serviceName("worker").taskDefinition("worker")
                .desiredCount(1)).service();

        assertThat(service.launchType()).isEqualTo(LaunchType.EC2);
        assertThat(service.runningCount()).isZero();
    }

    // ---------------------------------------------------------------- UpdateService

    @Test
    void scalingOutStartsTasksInTheSameDeployment() {
        registerFargate("web");
        Service before = createWeb(2);
        List<String> oldIds = serviceTaskIds("web");

        Service after = ecs.updateService(r -> r.cluster("prod").service("web").desiredCount(4)).service();

        assertThat(after.desiredCount()).isEqualTo(4);
        assertThat(after.runningCount()).isEqualTo(4);
        assertThat(after.deployments()).extracting(Deployment::id).containsExactly(before.deployments().get(0).id());
        assertThat(after.deployments().get(0).desiredCount()).isEqualTo(4);
        List<String> ids = serviceTaskIds("web");
        assertThat(ids).hasSize(4).containsAll(oldIds);
        List<String> added = ids.stream().filter(id -> !oldIds.contains(id)).toList();
        assertThat(after.events().get(0).message()).isEqualTo("(service web) has reached a steady state.");
        assertThat(after.events()).extracting(ServiceEvent::message)
                .contains("(service web) has started 2 tasks: (task " + added.get(0) + ") (task " + added.get(1) + ").");
    }

    @Test
    void scalingInStopsTheNewestTask() {
        registerFargate("web");
        Service before = createWeb(3);
        String deployment = before.deployments().get(0).id();
        List<String> ids = serviceTaskIds("web");

        Service after = ecs.updateService(r -> r.cluster("prod").service("web").desiredCount(2)).service();

        assertThat(after.desiredCount()).isEqualTo(2);
        assertThat(after.runningCount()).isEqualTo(2);
        assertThat(after.deployments()).extracting(Deployment::id).containsExactly(deployment);
        assertThat(serviceTaskIds("web")).containsExactly(ids.get(0), ids.get(1));
        Task stopped = describeTasks(List.of(ids.get(2))).get(0);
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.desiredStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.SERVICE_SCHEDULER_INITIATED);
        assertThat(stopped.stoppedReason()).isEqualTo("Scaling activity initiated by (deployment " + deployment + ")");
        assertThat(after.events()).extracting(ServiceEvent::message)
                .contains("(service web) has stopped 1 running tasks: (task " + ids.get(2) + ").");
        assertThat(ecs.listTasks(r -> r.cluster("prod").serviceName("web").desiredStatus(DesiredStatus.STOPPED)).taskArns())
                .containsExactly(TASK_ARN_PREFIX + ids.get(2));
    }

    @Test
    void newTaskDefinitionRollsOutANewPrimaryDeployment() {
        registerFargate("web");
        Service before = createWeb(2);
        List<String> oldIds = serviceTaskIds("web");
        registerFargate("web");

        Service after = ecs.updateService(r -> r.cluster("prod").service("web").taskDefinition("web:2")).service();

        assertThat(after.taskDefinition()).isEqualTo(TD_ARN_PREFIX + "web:2");
        assertThat(after.deployments()).hasSize(1);
        Deployment primary = after.deployments().get(0);
        assertThat(primary.id()).matches(DEPLOYMENT_ID).isNotEqualTo(before.deployments().get(0).id());
        assertThat(primary.status()).isEqualTo("PRIMARY");
        assertThat(primary.taskDefinition()).isEqualTo(TD_ARN_PREFIX + "web:2");
        assertThat(primary.rolloutStateAsString()).isEqualTo("COMPLETED");
        assertThat(after.runningCount()).isEqualTo(2);

        assertThat(describeTasks(oldIds)).allSatisfy(task -> {
            assertThat(task.lastStatus()).isEqualTo("STOPPED");
            assertThat(task.stopCode()).isEqualTo(TaskStopCode.SERVICE_SCHEDULER_INITIATED);
        });
        List<String> newIds = serviceTaskIds("web");
        assertThat(newIds).hasSize(2).doesNotContainAnyElementsOf(oldIds);
        assertThat(describeTasks(newIds)).allSatisfy(task -> {
            assertThat(task.startedBy()).isEqualTo(primary.id());
            assertThat(task.group()).isEqualTo("service:web");
            assertThat(task.taskDefinitionArn()).isEqualTo(TD_ARN_PREFIX + "web:2");
            assertThat(task.lastStatus()).isEqualTo("RUNNING");
        });
        assertThat(after.events().get(0).message()).isEqualTo("(service web) has reached a steady state.");
        assertThat(after.events()).extracting(ServiceEvent::message)
                .contains("(service web) (deployment " + primary.id() + ") deployment completed.");
    }

    @Test
    void rollingDeploymentWithinMaximumPercent100StopsOldTasksFirst() {
        registerFargate("web");
        Service before = ecs.createService(fargateService("web", 2)
                .andThen(r -> r.deploymentConfiguration(d -> d.maximumPercent(100).minimumHealthyPercent(50)))).service();
        List<String> oldIds = serviceTaskIds("web");

        Service after = ecs.updateService(r -> r.cluster("prod").service("web").forceNewDeployment(true)).service();

        assertThat(after.deployments()).hasSize(1);
        assertThat(after.deployments().get(0).id()).isNotEqualTo(before.deployments().get(0).id());
        assertThat(after.deployments().get(0).rolloutStateAsString()).isEqualTo("COMPLETED");
        assertThat(after.runningCount()).isEqualTo(2);
        assertThat(serviceTaskIds("web")).hasSize(2).doesNotContainAnyElementsOf(oldIds);
    }

    @Test
    void deploymentThatCanNeitherStartNorStopTasksStaysInProgressAndSaysWhy() {
        registerFargate("web");
        Service before = ecs.createService(fargateService("web", 2)
                .andThen(r -> r.deploymentConfiguration(d -> d.maximumPercent(100).minimumHealthyPercent(100)))).service();
        List<String> oldIds = serviceTaskIds("web");

        Service after = ecs.updateService(r -> r.cluster("prod").service("web").forceNewDeployment(true)).service();

        assertThat(after.deployments()).extracting(Deployment::status).containsExactly("PRIMARY", "ACTIVE");
        assertThat(after.deployments().get(0).rolloutStateAsString()).isEqualTo("IN_PROGRESS");
        assertThat(after.deployments().get(0).rolloutStateReason())
                .isEqualTo("ECS deployment " + after.deployments().get(0).id() + " in progress.");
        assertThat(after.deployments().get(1).id()).isEqualTo(before.deployments().get(0).id());
        assertThat(after.deployments().get(1).rolloutStateAsString()).isEqualTo("COMPLETED");
        assertThat(after.deployments().get(1).runningCount()).isEqualTo(2);
        assertThat(after.events().get(0).message()).isEqualTo("(service web) was unable to stop or start tasks during a "
                + "deployment because of the service deployment configuration. Update the minimumHealthyPercent or "
                + "maximumPercent value and try again.");
        assertThat(serviceTaskIds("web")).containsExactlyElementsOf(oldIds);
    }

    @Test
    void forceNewDeploymentReplacesTheTasks() {
        registerFargate("web");
        Service before = createWeb(2);
        List<String> oldIds = serviceTaskIds("web");

        Service after = ecs.updateService(r -> r.cluster("prod").service("web").forceNewDeployment(true)).service();

        assertThat(after.deployments()).hasSize(1);
        assertThat(after.deployments().get(0).id()).isNotEqualTo(before.deployments().get(0).id());
        assertThat(after.taskDefinition()).isEqualTo(TD_ARN_PREFIX + "web:1");
        assertThat(serviceTaskIds("web")).hasSize(2).doesNotContainAnyElementsOf(oldIds);
    }

    @Test
    void anotherLoadBalancerOrServiceRegistryStartsANewDeployment() {
        registerFargate("web");
        Service before = createWeb(2);
        List<String> oldIds = serviceTaskIds("web");
        LoadBalancer balancer = LoadBalancer.builder().targetGroupArn(TARGET_GROUP).containerName("app").containerPort(80).build();

        Service balanced = ecs.updateService(r -> r.cluster("prod").service("web").loadBalancers(balancer)).service();

        assertThat(balanced.loadBalancers()).containsExactly(balancer);
        assertThat(balanced.deployments().get(0).id()).isNotEqualTo(before.deployments().get(0).id());
        assertThat(serviceTaskIds("web")).hasSize(2).doesNotContainAnyElementsOf(oldIds);

        String deployment = balanced.deployments().get(0).id();
        Service same = ecs.updateService(r -> r.cluster("prod").service("web").loadBalancers(balancer)).service();
        assertThat(same.deployments()).extracting(Deployment::id).containsExactly(deployment);

        ServiceRegistry registry = ServiceRegistry.builder()
                .registryArn("arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef").build();
        Service registered = ecs.updateService(r -> r.cluster("prod").service("web").serviceRegistries(registry)).service();
        assertThat(registered.deployments().get(0).id()).isNotEqualTo(deployment);
        assertThat(registered.loadBalancers()).containsExactly(balancer);
    }

    @Test
    void eventsKeepTheNewest100() {
        registerFargate("web");
        createWeb(1);

        for (int i = 0; i < 40; i++) {
            ecs.updateService(r -> r.cluster("prod").service("web").desiredCount(2));
            ecs.updateService(r -> r.cluster("prod").service("web").desiredCount(1));
        }

        Service service = describe("web");
        assertThat(service.events()).hasSize(100);
        assertThat(service.events().get(0).message()).isEqualTo("(service web) has reached a steady state.");
        assertThat(service.events().get(1).message()).startsWith("(service web) has stopped 1 running tasks: ");
        assertThat(service.events()).extracting(ServiceEvent::message)
                .noneMatch(message -> message.contains("deployment completed."));
    }

    @Test
    void updateServiceInAnUnknownClusterIsClusterNotFound() {
        assertError(ClusterNotFoundException.class,
                () -> ecs.updateService(r -> r.cluster("nope").service("web").desiredCount(1)), "Cluster not found.");
    }

    @Test
    void desiredCountOfADaemonServiceCannotBeUpdated() {
        registerBridge("agent");
        ecs.createService(r -> r.cluster("prod").serviceName("agent").taskDefinition("agent")
                .schedulingStrategy(SchedulingStrategy.DAEMON).launchType(LaunchType.EC2));

        assertError(InvalidParameterException.class,
                () -> ecs.updateService(r -> r.cluster("prod").service("agent").desiredCount(1)),
                "The daemon scheduling strategy does not support a desired count for services. Remove the desired count "
                        + "value and try again");
    }

    @Test
    void updateOfAnUnknownServiceIsServiceNotFound() {
        assertError(ServiceNotFoundException.class,
                () -> ecs.updateService(r -> r.cluster("prod").service("nope").desiredCount(1)), "Service not found.");
    }

    @Test
    void updateOfAnInactiveServiceIsServiceNotActive() {
        registerFargate("web");
        createWeb(1);
        ecs.deleteService(r -> r.cluster("prod").service("web").force(true));
        assertThat(describe("web").status()).isEqualTo("INACTIVE");

        assertError(ServiceNotActiveException.class,
                () -> ecs.updateService(r -> r.cluster("prod").service("web").desiredCount(1)), "Service was not ACTIVE.");
    }

    @Test
    void updateToAnUnknownOrInactiveTaskDefinitionIsRefused() {
        registerFargate("web");
        registerFargate("web");
        Service before = createWeb(1);
        ecs.deregisterTaskDefinition(r -> r.taskDefinition("web:1"));

        assertError(ClientException.class,
                () -> ecs.updateService(r -> r.cluster("prod").service("web").taskDefinition("web:9")), "TaskDefinition not found.");
        assertError(ClientException.class,
                () -> ecs.updateService(r -> r.cluster("prod").service("web").taskDefinition("web:1")), "TaskDefinition is inactive");
        assertError(ClientException.class,
                () -> ecs.updateService(r -> r.cluster("prod").service("web").taskDefinition("other")), "TaskDefinition not found.");

        Service after = describe("web");
        assertThat(after.taskDefinition()).isEqualTo(TD_ARN_PREFIX + "web:2");
        assertThat(after.deployments()).extracting(Deployment::id).containsExactly(before.deployments().get(0).id());
    }

    @Test
    void stoppingAServiceTaskMakesTheSchedulerStartAReplacement() {
        registerFargate("web");
        Service before = createWeb(2);
        List<String> ids = serviceTaskIds("web");

        Task stopped = ecs.stopTask(r -> r.cluster("prod").task(ids.get(0))).task();

        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
        List<String> now = serviceTaskIds("web");
        assertThat(now).hasSize(2).contains(ids.get(1)).doesNotContain(ids.get(0));
        String replacement = now.stream().filter(id -> !id.equals(ids.get(1))).findFirst().orElseThrow();
        Service after = describe("web");
        assertThat(after.runningCount()).isEqualTo(2);
        assertThat(after.deployments()).extracting(Deployment::id).containsExactly(before.deployments().get(0).id());
        assertThat(after.events()).extracting(ServiceEvent::message)
                .contains("(service web) has started 1 tasks: (task " + replacement + ").");
        assertThat(describeTasks(List.of(replacement)).get(0).startedBy()).isEqualTo(before.deployments().get(0).id());
    }

    // ---------------------------------------------------------------- DeleteService

    @Test
    void deleteServiceAnswersDrainingWithDesiredCountZeroThenTheServiceIsInactive() {
        registerFargate("web");
        createWeb(0);

        Service deleted = ecs.deleteService(r -> r.cluster("prod").service("web")).service();

        assertThat(deleted.serviceArn()).isEqualTo(SERVICE_ARN_PREFIX + "web");
        assertThat(deleted.status()).isEqualTo("DRAINING");
        assertThat(deleted.desiredCount()).isZero();
        assertThat(describe("web").status()).isEqualTo("INACTIVE");
    }

    @Test
    void forcedDeleteStopsTheServiceTasks() {
        registerFargate("web");
        createWeb(2);
        List<String> ids = serviceTaskIds("web");

        Service deleted = ecs.deleteService(r -> r.cluster("prod").service("web").force(true)).service();

        assertThat(deleted.status()).isEqualTo("DRAINING");
        assertThat(deleted.desiredCount()).isZero();
        assertThat(deleted.deployments()).allSatisfy(deployment -> assertThat(deployment.desiredCount()).isZero());
        assertThat(describeTasks(ids)).hasSize(2).allSatisfy(task -> {
            assertThat(task.lastStatus()).isEqualTo("STOPPED");
            assertThat(task.desiredStatus()).isEqualTo("STOPPED");
            assertThat(task.stopCode()).isEqualTo(TaskStopCode.SERVICE_SCHEDULER_INITIATED);
        });
        Service inactive = describe("web");
        assertThat(inactive.status()).isEqualTo("INACTIVE");
        assertThat(inactive.runningCount()).isZero();
        assertThat(ecs.listTasks(r -> r.cluster("prod")).taskArns()).isEmpty();
    }

    @Test
    void deleteOfAServiceScaledAboveZeroWithoutForceIsRefused() {
        registerFargate("web");
        createWeb(1);

        assertError(InvalidParameterException.class, () -> ecs.deleteService(r -> r.cluster("prod").service("web")),
                "The service cannot be stopped while it is scaled above 0.");
        assertError(InvalidParameterException.class, () -> ecs.deleteService(r -> r.cluster("prod").service("web").force(false)),
                "The service cannot be stopped while it is scaled above 0.");

        Service service = describe("web");
        assertThat(service.status()).isEqualTo("ACTIVE");
        assertThat(service.runningCount()).isEqualTo(1);
    }

    @Test
    void deleteOfAnInactiveServiceAgainAnswersWithIt() {
        registerFargate("web");
        createWeb(0);
        ecs.deleteService(r -> r.cluster("prod").service("web"));

        Service again = ecs.deleteService(r -> r.cluster("prod").service("web")).service();

        assertThat(again.serviceArn()).isEqualTo(SERVICE_ARN_PREFIX + "web");
        assertThat(again.status()).isEqualTo("INACTIVE");
    }

    @Test
    void deleteOfAnUnknownServiceIsServiceNotFound() {
        assertError(ServiceNotFoundException.class, () -> ecs.deleteService(r -> r.cluster("prod").service("nope")),
                "Service not found.");
    }

    @Test
    void inactiveServiceLeavesListServicesStaysDescribableAndExpiresAfterAnHour() {
        registerFargate("web");
        createWeb(0);
        ecs.deleteService(r -> r.cluster("prod").service("web"));

        assertThat(ecs.listServices(r -> r.cluster("prod")).serviceArns()).isEmpty();
        assertThat(describe("web").status()).isEqualTo("INACTIVE");

        mock.clock().advance(Duration.ofMinutes(59));
        assertThat(describe("web").status()).isEqualTo("INACTIVE");

        mock.clock().advance(Duration.ofMinutes(1));
        DescribeServicesResponse response = ecs.describeServices(r -> r.cluster("prod").services("web"));
        assertThat(response.services()).isEmpty();
        assertThat(response.failures()).containsExactly(
                Failure.builder().arn(SERVICE_ARN_PREFIX + "web").reason("MISSING").build());
    }

    @Test
    void nameOfAnInactiveServiceCanBeUsedAgainAtOnce() {
        registerFargate("web");
        Service first = createWeb(0);
        ecs.deleteService(r -> r.cluster("prod").service("web"));
        assertThat(describe("web").status()).isEqualTo("INACTIVE");

        Service second = createWeb(1);

        assertThat(second.status()).isEqualTo("ACTIVE");
        assertThat(second.runningCount()).isEqualTo(1);
        assertThat(second.deployments().get(0).id()).isNotEqualTo(first.deployments().get(0).id());
        assertThat(describe("web").status()).isEqualTo("ACTIVE");
        assertThat(ecs.listServices(r -> r.cluster("prod")).serviceArns()).containsExactly(SERVICE_ARN_PREFIX + "web");
        // The new service is not the old one's history: it starts with its own events only.
        assertThat(second.events()).extracting(ServiceEvent::message).doesNotContain(
                "(service web) (deployment " + first.deployments().get(0).id() + ") deployment completed.");
    }

    // ---------------------------------------------------------------- DescribeServices

    @Test
    void describeServicesByNameAndByArn() {
        registerFargate("web");
        registerFargate("api");
        createWeb(1);
        ecs.createService(fargateService("api", 1).andThen(r -> r.taskDefinition("api")));

        DescribeServicesResponse response = ecs.describeServices(r -> r.cluster("prod")
                .services("web", SERVICE_ARN_PREFIX + "api"));

        assertThat(response.services()).extracting(Service::serviceName).containsExactly("web", "api");
        assertThat(response.services()).extracting(Service::status).containsExactly("ACTIVE", "ACTIVE");
        assertThat(response.failures()).isEmpty();
        assertThat(ecs.describeServices(r -> r.cluster(CLUSTER_ARN).services("web")).services())
                .extracting(Service::serviceArn).containsExactly(SERVICE_ARN_PREFIX + "web");
    }

    @Test
    void describeUnknownServicesReportsThemMissing() {
        registerFargate("web");
        createWeb(1);

        DescribeServicesResponse response = ecs.describeServices(r -> r.cluster("prod").services("web", "nope"));

        assertThat(response.services()).extracting(Service::serviceName).containsExactly("web");
        assertThat(response.failures()).containsExactly(
                Failure.builder().arn(SERVICE_ARN_PREFIX + "nope").reason("MISSING").build());
    }

    @Test
    void serviceOfAnotherClusterIsMissingByArn() {
        ecs.createCluster(r -> r.clusterName("other"));
        registerFargate("web");
        createWeb(1);

        DescribeServicesResponse response = ecs.describeServices(r -> r.cluster("other").services(SERVICE_ARN_PREFIX + "web"));

        assertThat(response.services()).isEmpty();
        assertThat(response.failures()).extracting(Failure::reason).containsExactly("MISSING");
    }

    @Test
    void describeWithoutServicesIsRefused() {
        assertError(InvalidParameterException.class, () -> ecs.describeServices(r -> r.cluster("prod").services(List.of())),
                "Services cannot be empty.");
    }

    @Test
    void describeOfMoreThanTenServicesIsRefused() {
        List<String> eleven = IntStream.rangeClosed(1, 11).mapToObj(i -> "svc" + i).toList();

        assertError(InvalidParameterException.class, () -> ecs.describeServices(r -> r.cluster("prod").services(eleven)),
                "service names can have at most 10 items.");
        assertThat(ecs.describeServices(r -> r.cluster("prod").services(eleven.subList(0, 10))).failures()).hasSize(10);
    }

    @Test
    void describeServicesInAnUnknownClusterIsClusterNotFound() {
        assertError(ClusterNotFoundException.class, () -> ecs.describeServices(r -> r.cluster("nope").services("web")),
                "Cluster not found.");
    }

    // ---------------------------------------------------------------- ListServices

    @Test
    void listServicesInCreationOrder() {
        registerFargate("web");
        for (String name : List.of("zeta", "alpha", "mid")) {
            ecs.createService(fargateService(name, 0).andThen(r -> r.taskDefinition("web")));
        }

        assertThat(ecs.listServices(r -> r.cluster("prod")).serviceArns()).containsExactly(
                SERVICE_ARN_PREFIX + "zeta", SERVICE_ARN_PREFIX + "alpha", SERVICE_ARN_PREFIX + "mid");
    }

    @Test
    void listServicesFiltersByLaunchTypeAndSchedulingStrategy() {
        registerFargate("web");
        registerBridge("worker");
        createWeb(0);
        ecs.createService(r -> r.cluster("prod").serviceName("worker").taskDefinition("worker").desiredCount(0)
                .launchType(LaunchType.EC2));
        ecs.createService(r -> r.cluster("prod").serviceName("agent").taskDefinition("worker")
                .launchType(LaunchType.EC2).schedulingStrategy(SchedulingStrategy.DAEMON));

        assertThat(ecs.listServices(r -> r.cluster("prod").launchType(LaunchType.FARGATE)).serviceArns())
                .containsExactly(SERVICE_ARN_PREFIX + "web");
        assertThat(ecs.listServices(r -> r.cluster("prod").launchType(LaunchType.EC2)).serviceArns())
                .containsExactly(SERVICE_ARN_PREFIX + "worker", SERVICE_ARN_PREFIX + "agent");
        assertThat(ecs.listServices(r -> r.cluster("prod").schedulingStrategy(SchedulingStrategy.DAEMON)).serviceArns())
                .containsExactly(SERVICE_ARN_PREFIX + "agent");
        assertThat(ecs.listServices(r -> r.cluster("prod").schedulingStrategy(SchedulingStrategy.REPLICA)).serviceArns())
                .containsExactly(SERVICE_ARN_PREFIX + "web", SERVICE_ARN_PREFIX + "worker");
    }

    @Test
    void listServicesPagesTenAtATimeByDefault() {
        registerFargate("web");
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            String name = "svc" + i;
            ecs.createService(fargateService(name, 0).andThen(r -> r.taskDefinition("web")));
            expected.add(SERVICE_ARN_PREFIX + name);
        }

        ListServicesResponse first = ecs.listServices(r -> r.cluster("prod"));
        assertThat(first.serviceArns()).containsExactlyElementsOf(expected.subList(0, 10));
        assertThat(first.nextToken()).isNotBlank();

        ListServicesResponse second = ecs.listServices(r -> r.cluster("prod").nextToken(first.nextToken()));
        assertThat(second.serviceArns()).containsExactlyElementsOf(expected.subList(10, 12));
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void listServicesMaxResultsAbove100IsRefused() {
        EcsException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.listServices(r -> r.cluster("prod").maxResults(101)));

        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).contains("maxResults");
    }

    @Test
    void listServicesPaginatorIteratesAll() {
        registerFargate("web");
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            String name = "svc" + i;
            ecs.createService(fargateService(name, 0).andThen(r -> r.taskDefinition("web")));
            expected.add(SERVICE_ARN_PREFIX + name);
        }

        List<String> all = new ArrayList<>();
        ecs.listServicesPaginator(r -> r.cluster("prod").maxResults(3)).serviceArns().forEach(all::add);

        assertThat(all).containsExactlyElementsOf(expected);
        assertThat(ecs.listServicesPaginator(r -> r.cluster("prod").maxResults(3)).stream()).hasSize(3);
    }

    @Test
    void listServicesOfAnUnknownClusterIsClusterNotFound() {
        assertError(ClusterNotFoundException.class, () -> ecs.listServices(r -> r.cluster("nope")), "Cluster not found.");
    }

    // ---------------------------------------------------------------- under the strict profile

    /** A mock of its own under {@link ValidationProfile#STRICT}; calls use this class's client. */
    @Nested
    class UnderTheStrictProfile extends EcsApiTest {
        @Override
        protected EcsMock.Builder configure(EcsMock.Builder builder) {
            return builder.validationProfile(ValidationProfile.STRICT);
        }

        @Test
        void fargateServiceWithoutNetworkConfigurationIsRefused() {
            ecs.createCluster(r -> r.clusterName("prod"));
            ecs.registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("app").image("nginx:latest")));

            InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                    () -> ecs.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web")
                            .desiredCount(1).launchType(LaunchType.FARGATE)));

            assertThat(e).isNotNull();
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
            assertThat(ecs.listServices(r -> r.cluster("prod")).serviceArns()).isEmpty();
            assertThat(ecs.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web")
                    .desiredCount(1).launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(SUBNET)))).service().runningCount())
                    .isEqualTo(1);
        }
    }

    // ---------------------------------------------------------------- under the stepped lifecycle

    /** A mock of its own under {@link Lifecycle#stepped()}, where a deleted service stays DRAINING while its tasks stop. */
    @Nested
    class UnderTheSteppedLifecycle extends EcsApiTest {
        @Override
        protected EcsMock.Builder configure(EcsMock.Builder builder) {
            return builder.lifecycle(Lifecycle.stepped());
        }

        @BeforeEach
        void drainingService() {
            ecs.createCluster(r -> r.clusterName("prod"));
            ecs.registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("app").image("nginx:latest")));
            ecs.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(1)
                    .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(SUBNET))));
            mock.clock().advance(Lifecycle.DEFAULT_STEP.multipliedBy(3));
            assertThat(ecs.describeServices(r -> r.cluster("prod").services("web")).services().get(0).runningCount())
                    .isEqualTo(1);
            Service deleted = ecs.deleteService(r -> r.cluster("prod").service("web").force(true)).service();
            assertThat(deleted.status()).isEqualTo("DRAINING");
        }

        @Test
        void createWhileTheOldServiceIsDrainingIsRefused() {
            InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                    () -> ecs.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(1)
                            .launchType(LaunchType.FARGATE)
                            .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(SUBNET)))));

            assertThat(e).isNotNull();
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Creation of service was not idempotent.");
            assertThat(ecs.describeServices(r -> r.cluster("prod").services("web")).services().get(0).status())
                    .isEqualTo("DRAINING");
        }

        @Test
        void updateOfADrainingServiceIsServiceNotActive() {
            ServiceNotActiveException e = catchThrowableOfType(ServiceNotActiveException.class,
                    () -> ecs.updateService(r -> r.cluster("prod").service("web").desiredCount(2)));

            assertThat(e).isNotNull();
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Service was not ACTIVE.");
        }

        @Test
        void deleteOfADrainingServiceAgainAnswersWithItDraining() {
            Service again = ecs.deleteService(r -> r.cluster("prod").service("web")).service();

            assertThat(again.status()).isEqualTo("DRAINING");
            assertThat(again.desiredCount()).isZero();
        }

        @Test
        void drainingServiceIsNotListedAndBecomesInactiveOnceItsTasksAreStopping() {
            assertThat(ecs.listServices(r -> r.cluster("prod")).serviceArns()).isEmpty();
            assertThat(ecs.describeServices(r -> r.cluster("prod").services("web")).services().get(0).status())
                    .isEqualTo("DRAINING");

            mock.clock().advance(Lifecycle.DEFAULT_STEP);
            assertThat(ecs.describeServices(r -> r.cluster("prod").services("web")).services().get(0).status())
                    .isEqualTo("DRAINING");
            mock.clock().advance(Lifecycle.DEFAULT_STEP);

            assertThat(ecs.describeServices(r -> r.cluster("prod").services("web")).services().get(0).status())
                    .isEqualTo("INACTIVE");
            List<String> tasks = ecs.listTasks(r -> r.cluster("prod").serviceName("web").desiredStatus(DesiredStatus.STOPPED)).taskArns();
            assertThat(ecs.describeTasks(r -> r.cluster("prod").tasks(tasks)).tasks())
                    .isNotEmpty().allSatisfy(task -> assertThat(task.lastStatus()).isEqualTo("STOPPING"));
            assertThat(ecs.listServices(r -> r.cluster("prod")).serviceArns()).isEmpty();
        }
    }

    // ---------------------------------------------------------------- helpers

    private void registerFargate(String family) {
        ecs.registerTaskDefinition(r -> r.family(family).requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx:latest").portMappings(p -> p.containerPort(80))));
    }

    private void registerBridge(String family) {
        ecs.registerTaskDefinition(r -> r.family(family)
                .containerDefinitions(c -> c.name("app").image("nginx:latest").memory(128)
                        .portMappings(p -> p.containerPort(80).hostPort(8080))));
    }

    private void registerEc2Awsvpc(String family) {
        ecs.registerTaskDefinition(r -> r.family(family).networkMode(NetworkMode.AWSVPC)
                .containerDefinitions(c -> c.name("app").image("nginx:latest").memory(128)));
    }

    private static NetworkConfiguration network() {
        return NetworkConfiguration.builder()
                .awsvpcConfiguration(a -> a.subnets(SUBNET).securityGroups(SECURITY_GROUP))
                .build();
    }

    /** A FARGATE service of the {@code web} task definition in cluster {@code prod}. */
    private static Consumer<CreateServiceRequest.Builder> fargateService(String name, Integer desiredCount) {
        return r -> r.cluster("prod").serviceName(name).taskDefinition("web").desiredCount(desiredCount)
                .launchType(LaunchType.FARGATE).networkConfiguration(network());
    }

    private Service createWeb(int desiredCount) {
        return ecs.createService(fargateService("web", desiredCount)).service();
    }

    private Service describe(String service) {
        DescribeServicesResponse response = ecs.describeServices(r -> r.cluster("prod").services(service));
        assertThat(response.services()).as("service %s", service).hasSize(1);
        return response.services().get(0);
    }

    /** The ids of a service's tasks that are meant to run, in launch order. */
    private List<String> serviceTaskIds(String service) {
        return ecs.listTasks(r -> r.cluster("prod").serviceName(service)).taskArns().stream()
                .map(arn -> arn.substring(arn.lastIndexOf('/') + 1))
                .toList();
    }

    private List<Task> describeTasks(List<String> tasks) {
        return describeTasks("prod", tasks);
    }

    private List<Task> describeTasks(String cluster, List<String> tasks) {
        return ecs.describeTasks(r -> r.cluster(cluster).tasks(tasks)).tasks();
    }

    private static CapacityProviderStrategyItem strategy(String provider, Integer weight, Integer base) {
        return CapacityProviderStrategyItem.builder().capacityProvider(provider).weight(weight).base(base).build();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    /** The CreateService request fails with {@code type} and {@code message}, and no service is created. */
    private void assertNotCreated(Class<? extends EcsException> type, Consumer<CreateServiceRequest.Builder> request,
                                  String message) {
        assertError(type, () -> ecs.createService(request), message);
        assertThat(ecs.listServices(r -> r.cluster("prod")).serviceArns()).isEmpty();
        assertThat(ecs.listTasks(r -> r.cluster("prod")).taskArns()).isEmpty();
    }

    private static void assertError(Class<? extends EcsException> type, ThrowingCallable call, String message) {
        EcsException e = catchThrowableOfType(type, call);
        assertThat(e).as("%s: %s", type.getSimpleName(), message).isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    }
}
