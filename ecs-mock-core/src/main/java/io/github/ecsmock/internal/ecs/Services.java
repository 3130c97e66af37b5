package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.errors.EcsError;
import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.paging.PageTokens;
import io.github.ecsmock.internal.state.ClusterEntry;
import io.github.ecsmock.internal.state.DeploymentSpec;
import io.github.ecsmock.internal.state.EcsState;
import io.github.ecsmock.internal.state.Fargate;
import io.github.ecsmock.internal.state.ServiceEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceResponse;
import software.amazon.awssdk.services.ecs.model.DeleteServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeleteServiceResponse;
import software.amazon.awssdk.services.ecs.model.DeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentController;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListServicesRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceConnectConfiguration;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceResponse;

/**
 * CreateService, UpdateService, DeleteService, DescribeServices and ListServices: the rules and
 * errors of each, and the configuration the scheduler then works from.
 */
public final class Services {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");
    private static final int MAX_DESCRIBE = 10;
    private static final int MAX_TASKS_PER_SERVICE = 5000;
    private static final String DAEMON_DESIRED_COUNT = "The daemon scheduling strategy does not support a desired count "
            + "for services. Remove the desired count value and try again";
    private static final String DAEMON_PLACEMENT_STRATEGY = "The daemon scheduling strategy does not support placement "
            + "strategies. Remove the placement strategy and try again";
    private static final String STRATEGY_CHANGE_NEEDS_DEPLOYMENT = "When switching from launch type to capacity provider strategy on an "
            + "existing service, or making a change to a capacity provider strategy on a service that is already using one, "
            + "you must force a new deployment.";

    private final TagRules tagRules;
    private final Leniency leniency;

    public Services(TagRules tagRules, Leniency leniency) {
        this.tagRules = tagRules;
        this.leniency = leniency;
    }

    public CreateServiceResponse createService(EcsState state, CreateServiceRequest request) {
        ClusterEntry cluster = state.activeCluster(request.cluster());
        String name = request.serviceName();
        checkName(name);
        Optional<ServiceEntry> existing = state.services().byName(cluster.arn(), name);
        if (existing.isPresent() && existing.get().isActive()) {
            if (existing.get().isCreatedBy(request)) {
                return CreateServiceResponse.builder().service(existing.get().toService(state.tags().tagsOf(existing.get().arn()))).build();
            }
            throw Errors.invalidParameter("Creation of service was not idempotent.");
        }
        if (existing.isPresent() && "DRAINING".equals(existing.get().status())) {
            // ECS-BEHAVIOR.md: a name still DRAINING gets the same answer as an ACTIVE one. It is what
            // tools that delete and re-create a service under one name (Terraform's replace) report.
            throw Errors.invalidParameter("Creation of service was not idempotent.");
        }
        if (request.clientToken() != null && request.clientToken().length() > 36) {
            throw Errors.invalidParameter("clientToken longer than 36.");
        }
        String controller = request.deploymentController() == null ? "ECS" : request.deploymentController().typeAsString();
        boolean daemon = "DAEMON".equals(request.schedulingStrategyAsString());
        int desired = desiredCount(request, daemon);

        TaskDefinition definition = null;
        if (request.taskDefinition() != null || "ECS".equals(controller)) {
            definition = activeDefinition(state, request.taskDefinition());
        }
        if (daemon) {
            checkDaemon(request, controller, cluster);
        }
        LaunchRules.Launch launch = LaunchRules.resolve(cluster, request.launchTypeAsString(), request.capacityProviderStrategy());
        LaunchRules.checkPlatformVersion(launch.launchType(), request.platformVersion());
        NetworkConfiguration network = null;
        if (definition != null) {
            LaunchRules.checkCompatible(definition, launch.launchType());
            network = LaunchRules.network("CreateService", definition, request.networkConfiguration(), launch.launchType(), leniency);
            checkLoadBalancers(definition, request.loadBalancers());
        }
        PlacementRules.check(request.placementConstraints(), request.placementStrategy());
        LaunchRules.checkFargatePlacement(launch.launchType(), request.placementConstraints());
        tagRules.checkNew(request.tags());
        checkGatewayConnectors(definition, request.gatewayConnectors());

        boolean fargate = "FARGATE".equals(launch.launchType());
        Service.Builder config = Service.builder();
        Shapes.copySameNamedMembers(request, config);
        config.serviceArn(state.arns().service(cluster.name(), name))
                .clusterArn(cluster.arn())
                .desiredCount(desired)
                .launchType(launch.byStrategy() ? null : launch.launchType())
                .capacityProviderStrategy(launch.byStrategy() ? launch.strategy() : null)
                .platformVersion(fargate ? Objects.requireNonNullElse(request.platformVersion(), "LATEST") : null)
                .platformFamily(fargate && definition != null ? Fargate.platformFamily(definition) : null)
                .taskDefinition(definition == null ? null : definition.taskDefinitionArn())
                .deploymentConfiguration(deploymentConfiguration(request.deploymentConfiguration(), null, daemon))
                .deploymentController(DeploymentController.builder().type(controller).build())
                .roleArn(roleArn(state, request.role(), network, request.loadBalancers()))
                .createdAt(state.now())
                .createdBy(state.arns().callerPrincipal())
                // ECS always sends these four as lists, [] when the request gave none.
                .loadBalancers(request.hasLoadBalancers() ? request.loadBalancers() : List.of())
                .serviceRegistries(request.hasServiceRegistries() ? request.serviceRegistries() : List.of())
                .placementConstraints(request.hasPlacementConstraints() ? request.placementConstraints() : List.of())
                .placementStrategy(request.hasPlacementStrategy() ? request.placementStrategy() : List.of())
                .networkConfiguration(network)
                .healthCheckGracePeriodSeconds(Objects.requireNonNullElse(request.healthCheckGracePeriodSeconds(), 0))
                .schedulingStrategy(daemon ? "DAEMON" : "REPLICA")
                .enableECSManagedTags(Boolean.TRUE.equals(request.enableECSManagedTags()))
                .propagateTags(request.propagateTags() == null ? "NONE" : request.propagateTagsAsString())
                .enableExecuteCommand(Boolean.TRUE.equals(request.enableExecuteCommand()))
                .availabilityZoneRebalancing(request.availabilityZoneRebalancing() != null
                        ? request.availabilityZoneRebalancingAsString() : daemon ? "DISABLED" : "ENABLED")
                .resourceManagementType("CUSTOMER")
                .tags(List.of());
        if (!"ECS".equals(controller)) {
            config.taskSets(List.of());
        }
        ServiceConnectConfiguration serviceConnect = ServiceConnect.resolve(state, cluster, request.serviceConnectConfiguration());
        DeploymentSpec first = "ECS".equals(controller)
                ? deploymentSpec(definition, launch, network, request.platformVersion(), serviceConnect) : null;
        ServiceEntry service = state.serviceLifecycle().addService(cluster, config.build(), request, first);
        if (request.hasGatewayConnectors()) {
            state.gatewayLifecycle().setGatewayRoutes(service, request.gatewayConnectors());
        }
        state.tags().forget(service.arn());
        state.tags().add(service.arn(), request.tags());
        if ("CODE_DEPLOY".equals(controller) && definition != null) {
            // A blue/green service starts with one task set, PRIMARY at 100%, of the service's definition;
            // CodeDeploy then adds the replacement set beside it.
            state.taskSetLifecycle().makePrimary(state.taskSetLifecycle().createTaskSet(service,
                    deploymentSpec(definition, launch, network, request.platformVersion(), null),
                    null, software.amazon.awssdk.services.ecs.model.Scale.builder().value(100.0).unit("PERCENT").build(),
                    request.hasLoadBalancers() ? request.loadBalancers() : List.of(),
                    request.hasServiceRegistries() ? request.serviceRegistries() : List.of()));
        }
        state.settle();
        return CreateServiceResponse.builder().service(service.toService(state.tags().tagsOf(service.arn()))).build();
    }

    public UpdateServiceResponse updateService(EcsState state, UpdateServiceRequest request) {
        ClusterEntry cluster = state.activeCluster(request.cluster());
        ServiceEntry service = find(state, cluster, request.service());
        if (!service.isActive()) {
            throw new EcsError("ServiceNotActiveException", "Service was not ACTIVE.");
        }
        Service current = service.config();
        checkControllerAllows(current, request);
        boolean daemon = "DAEMON".equals(current.schedulingStrategyAsString());
        if (request.desiredCount() != null && daemon) {
            throw Errors.invalidParameter(DAEMON_DESIRED_COUNT);
        }
        if (request.desiredCount() != null) {
            checkDesiredCount(request.desiredCount());
        }
        // Checked before anything changes: the scheduler reads the stored rules on every pass, and one
        // it cannot parse failed every later call that touched the cluster.
        PlacementRules.check(request.placementConstraints(), request.placementStrategy());
        if (daemon && request.hasPlacementStrategy() && !request.placementStrategy().isEmpty()) {
            throw Errors.invalidParameter(DAEMON_PLACEMENT_STRATEGY);
        }
        boolean ecsController = service.deployments().size() > 0;
        TaskDefinition definition = null;
        if (request.taskDefinition() != null) {
            definition = state.findTaskDefinition(request.taskDefinition())
                    .orElseThrow(() -> Errors.client("TaskDefinition not found."));
            if (!"ACTIVE".equals(definition.statusAsString())) {
                throw Errors.client("TaskDefinition is inactive");
            }
        } else if (ecsController) {
            definition = service.primary().definition();
        }
        LaunchRules.Launch launch = request.hasCapacityProviderStrategy() && !request.capacityProviderStrategy().isEmpty()
                ? LaunchRules.resolve(cluster, null, request.capacityProviderStrategy())
                : new LaunchRules.Launch(ecsController ? service.primary().launchType() : current.launchTypeAsString(),
                        current.capacityProviderStrategy());
        if (launch.byStrategy() && !launch.strategy().equals(current.capacityProviderStrategy())
                && !Boolean.TRUE.equals(request.forceNewDeployment())) {
            // Tasks already placed by the old strategy are not moved, so ECS asks for a deployment that
            // replaces them (reproio/ecs_deploy#74, kayac/ecspresso#977).
            throw Errors.invalidParameter(STRATEGY_CHANGE_NEEDS_DEPLOYMENT);
        }
        String platformVersion = request.platformVersion() != null ? request.platformVersion() : current.platformVersion();
        LaunchRules.checkPlatformVersion(launch.launchType(), request.platformVersion());
        LaunchRules.checkFargatePlacement(launch.launchType(), request.placementConstraints());
        NetworkConfiguration network = current.networkConfiguration();
        if (definition != null) {
            LaunchRules.checkCompatible(definition, launch.launchType());
            NetworkConfiguration given = request.networkConfiguration() != null ? request.networkConfiguration() : current.networkConfiguration();
            network = LaunchRules.network("UpdateService", definition, given, launch.launchType(), leniency);
            if (request.hasLoadBalancers()) {
                checkLoadBalancers(definition, request.loadBalancers());
            }
        }

        if (request.hasGatewayConnectors()) {
            checkGatewayConnectors(definition, request.gatewayConnectors());
        }
        ServiceConnectConfiguration serviceConnect = !ecsController ? null
                : request.serviceConnectConfiguration() != null
                ? ServiceConnect.resolve(state, cluster, request.serviceConnectConfiguration())
                : service.primary().serviceConnectConfiguration();

        Service.Builder config = current.toBuilder();
        Shapes.copySameNamedMembers(request, config);
        config.serviceArn(current.serviceArn())
                .desiredCount(request.desiredCount() != null ? request.desiredCount() : current.desiredCount())
                .taskDefinition(definition == null ? current.taskDefinition() : definition.taskDefinitionArn())
                .launchType(launch.byStrategy() ? null : launch.launchType())
                .capacityProviderStrategy(launch.byStrategy() ? launch.strategy() : null)
                .platformVersion(platformVersion)
                .networkConfiguration(network)
                .deploymentConfiguration(deploymentConfiguration(request.deploymentConfiguration(),
                        current.deploymentConfiguration(), daemon))
                .tags(List.of());
        Service updated = config.build();
        state.serviceLifecycle().updateService(service, updated);
        if (request.hasGatewayConnectors()) {
            state.gatewayLifecycle().setGatewayRoutes(service, request.gatewayConnectors());
        }
        boolean redeploy = ecsController && (Boolean.TRUE.equals(request.forceNewDeployment())
                || !Objects.equals(definition.taskDefinitionArn(), service.primary().taskDefinitionArn())
                || !Objects.equals(network, current.networkConfiguration())
                || !Objects.equals(platformVersion, current.platformVersion())
                || !Objects.equals(launch.strategy(), current.capacityProviderStrategy())
                || !Objects.equals(serviceConnect, service.primary().serviceConnectConfiguration())
                // "Amazon ECS starts new tasks with the updated Elastic Load Balancing configuration";
                // a new service registry "triggers a new service deployment" (UpdateService).
                || request.hasLoadBalancers() && !request.loadBalancers().equals(current.loadBalancers())
                || request.hasServiceRegistries() && !request.serviceRegistries().equals(current.serviceRegistries()));
        if (redeploy) {
            state.serviceLifecycle().deploy(service, deploymentSpec(definition, launch, network, platformVersion, serviceConnect));
        }
        state.settle();
        return UpdateServiceResponse.builder().service(service.toService(List.of())).build();
    }

    /**
     * A blue/green (CODE_DEPLOY) or EXTERNAL service deploys through CodeDeploy or task sets, not
     * UpdateService: ECS refuses a task definition (even the current one), a network configuration or
     * a platform version there. The CODE_DEPLOY texts for the task definition and the network are ECS's
     * (reported by CDK, Terraform and ecs-deploy users); the platform version's and EXTERNAL's follow them.
     */
    private static void checkControllerAllows(Service current, UpdateServiceRequest request) {
        String controller = current.deploymentController() == null ? "ECS" : current.deploymentController().typeAsString();
        if ("ECS".equals(controller)) {
            return;
        }
        String then = "CODE_DEPLOY".equals(controller) ? "Use AWS CodeDeploy to trigger a new deployment."
                : "Create a new task set to deploy it.";
        String what = request.taskDefinition() != null ? "task definition"
                : request.networkConfiguration() != null ? "network parameters"
                : request.platformVersion() != null ? "platform version" : null;
        if (what != null) {
            throw Errors.invalidParameter("Unable to update " + what + " on services with a " + controller
                    + " deployment controller. " + then);
        }
    }

    public DeleteServiceResponse deleteService(EcsState state, DeleteServiceRequest request) {
        ClusterEntry cluster = state.activeCluster(request.cluster());
        ServiceEntry service = find(state, cluster, request.service());
        if (service.isActive()) {
            boolean replica = !"DAEMON".equals(service.config().schedulingStrategyAsString());
            if (replica && service.config().desiredCount() > 0 && !Boolean.TRUE.equals(request.force())) {
                throw Errors.invalidParameter("The service cannot be stopped while it is scaled above 0.");
            }
            state.serviceLifecycle().deleteService(service);
        }
        // DRAINING or INACTIVE already: ECS answers with the service as it is.
        return DeleteServiceResponse.builder().service(service.toService(List.of())).build();
    }

    public DescribeServicesResponse describeServices(EcsState state, DescribeServicesRequest request) {
        ClusterEntry cluster = state.activeCluster(request.cluster());
        if (request.services().isEmpty()) {
            throw Errors.invalidParameter("Services cannot be empty.");
        }
        if (request.services().size() > MAX_DESCRIBE) {
            throw Errors.invalidParameter("service names can have at most " + MAX_DESCRIBE + " items.");
        }
        boolean withTags = request.includeAsStrings().contains("TAGS");
        List<Service> services = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String reference : request.services()) {
            Optional<ServiceEntry> service = lookup(state, cluster, reference);
            if (service.isPresent()) {
                services.add(service.get().toService(withTags ? state.tags().tagsOf(service.get().arn()) : List.of()));
            } else {
                String arn = reference.startsWith("arn:") ? reference : state.arns().service(cluster.name(), reference);
                failures.add(Failure.builder().arn(arn).reason("MISSING").build());
            }
        }
        return DescribeServicesResponse.builder().services(services).failures(failures).build();
    }

    public ListServicesResponse listServices(EcsState state, ListServicesRequest request) {
        ClusterEntry cluster = state.activeCluster(request.cluster());
        int size = PageTokens.pageSize(request.maxResults(), 10, 100);
        // DeleteService: a DRAINING service "is no longer visible in the console or in the ListServices API operation".
        Predicate<ServiceEntry> wanted = ServiceEntry::isActive;
        if (request.launchType() != null) {
            wanted = wanted.and(service -> request.launchTypeAsString().equals(service.config().launchTypeAsString()));
        }
        if (request.schedulingStrategy() != null) {
            wanted = wanted.and(service -> request.schedulingStrategyAsString().equals(service.config().schedulingStrategyAsString()));
        }
        if (request.resourceManagementType() != null) {
            // ECS for the services behind Express gateways, CUSTOMER for the rest.
            wanted = wanted.and(service -> request.resourceManagementTypeAsString()
                    .equals(service.config().resourceManagementTypeAsString()));
        }
        PageTokens.Page<ServiceEntry> page = state.pageTokens().page("ListServices",
                state.services().inOrder(cluster.arn()), request.nextToken(), size, wanted, String::valueOf, Long::valueOf);
        return ListServicesResponse.builder()
                .serviceArns(page.items().stream().map(ServiceEntry::arn).toList())
                .nextToken(page.nextToken())
                .build();
    }

    /**
     * A gateway connector names the container port a gateway routes to: a named port mapping of the
     * task definition. The wordings are unverified.
     */
    private static void checkGatewayConnectors(TaskDefinition definition, List<software.amazon.awssdk.services.ecs.model.GatewayConnector> connectors) {
        for (software.amazon.awssdk.services.ecs.model.GatewayConnector connector : connectors) {
            if (connector.portName() == null || connector.portName().isEmpty()) {
                throw Errors.invalidParameter("gatewayConnectors.portName can not be blank.");
            }
            boolean named = definition != null && definition.containerDefinitions().stream()
                    .flatMap(container -> container.portMappings().stream())
                    .anyMatch(mapping -> connector.portName().equals(mapping.name()));
            if (!named) {
                throw Errors.invalidParameter("The port name " + connector.portName() + " does not exist in the task definition.");
            }
        }
    }

    static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw Errors.invalidParameter("Service name can not be blank.");
        }
        if (!NAME.matcher(name).matches()) {
            throw Errors.invalidParameter("Service name can be up to 255 letters (uppercase and lowercase), numbers, "
                    + "underscores, and hyphens.");
        }
    }

    /** The service a request names, by name or ARN, or ServiceNotFoundException. */
    static ServiceEntry find(EcsState state, ClusterEntry cluster, String reference) {
        if (reference == null || reference.isEmpty()) {
            throw Errors.invalidParameter("Service can not be blank.");
        }
        return lookup(state, cluster, reference).orElseThrow(() -> new EcsError("ServiceNotFoundException", "Service not found."));
    }

    static Optional<ServiceEntry> lookup(EcsState state, ClusterEntry cluster, String reference) {
        Optional<String> parent = state.arns().parentOf(reference, "service");
        if (parent.isPresent() && !parent.get().equals(cluster.name())) {
            return Optional.empty();
        }
        return state.arns().nameOf(reference, "service").flatMap(name -> state.services().byName(cluster.arn(), name));
    }

    private static int desiredCount(CreateServiceRequest request, boolean daemon) {
        if (daemon) {
            if (request.desiredCount() != null) {
                throw Errors.invalidParameter(DAEMON_DESIRED_COUNT);
            }
            return 0; // one task per ACTIVE container instance, and no container instances are registered
        }
        if (request.desiredCount() == null) {
            throw Errors.invalidParameter("DesiredCount is missing");
        }
        checkDesiredCount(request.desiredCount());
        return request.desiredCount();
    }

    /**
     * A service runs at most 5,000 tasks (ECS's quota of tasks per service, which cannot be raised);
     * the mock refuses more at once rather than start them.
     */
    private static void checkDesiredCount(int desiredCount) {
        if (desiredCount < 0) {
            throw Errors.invalidParameter("desiredCount can not be less than 0.");
        }
        if (desiredCount > MAX_TASKS_PER_SERVICE) {
            throw Errors.invalidParameter("desiredCount can not be greater than " + MAX_TASKS_PER_SERVICE + ".");
        }
    }

    private static void checkDaemon(CreateServiceRequest request, String controller, ClusterEntry cluster) {
        if ("FARGATE".equals(request.launchTypeAsString())) {
            throw Errors.invalidParameter("The daemon scheduling strategy does not support the FARGATE launch type. "
                    + "Change the launch type and try again");
        }
        if (!"ECS".equals(controller)) {
            throw Errors.invalidParameter("The daemon scheduling strategy does not support the " + controller
                    + " deployment controller. Change the deployment controller type and try again");
        }
        if (request.launchType() == null && (request.hasCapacityProviderStrategy() && !request.capacityProviderStrategy().isEmpty()
                || !cluster.cluster().defaultCapacityProviderStrategy().isEmpty())) {
            throw Errors.invalidParameter("Specifying a capacity provider strategy is not supported when you create a "
                    + "service using the DAEMON scheduling strategy.");
        }
        DeploymentConfiguration configuration = request.deploymentConfiguration();
        if (configuration != null && configuration.maximumPercent() != null && configuration.maximumPercent() > 100) {
            throw Errors.invalidParameter("The daemon scheduling strategy does not support values above 100 for "
                    + "maximumPercent on a deployment configuration. Change the maximumPercent value to 100, and try again");
        }
        if (request.hasPlacementStrategy() && !request.placementStrategy().isEmpty()) {
            throw Errors.invalidParameter(DAEMON_PLACEMENT_STRATEGY);
        }
    }

    static TaskDefinition activeDefinition(EcsState state, String reference) {
        if (reference == null || reference.isBlank()) {
            throw Errors.invalidParameter("TaskDefinition can not be blank.");
        }
        TaskDefinition definition = state.findTaskDefinition(reference)
                .orElseThrow(() -> Errors.client("TaskDefinition not found."));
        if (!"ACTIVE".equals(definition.statusAsString())) {
            throw Errors.client("TaskDefinition is inactive");
        }
        return definition;
    }

    static void checkLoadBalancers(TaskDefinition definition, List<LoadBalancer> loadBalancers) {
        for (LoadBalancer balancer : loadBalancers) {
            if (balancer.containerName() == null || balancer.containerName().isEmpty()) {
                throw Errors.invalidParameter("Container Name can not be blank.");
            }
            ContainerDefinition container = definition.containerDefinitions().stream()
                    .filter(c -> c.name().equals(balancer.containerName())).findFirst()
                    .orElseThrow(() -> Errors.invalidParameter("The container " + balancer.containerName()
                            + " does not exist in the task definition."));
            if (balancer.containerPort() != null && container.portMappings().stream()
                    .noneMatch(mapping -> balancer.containerPort().equals(mapping.containerPort()))) {
                throw Errors.invalidParameter("The container " + balancer.containerName() + " did not have a container port "
                        + balancer.containerPort() + " defined.");
            }
        }
    }

    /** ECS's defaults filled into what was given (or what the service had): 200/100 for replicas, 100/0 for daemons. */
    private static DeploymentConfiguration deploymentConfiguration(DeploymentConfiguration given, DeploymentConfiguration current,
                                                                   boolean daemon) {
        DeploymentConfiguration base = current != null ? current : DeploymentConfiguration.builder()
                .deploymentCircuitBreaker(DeploymentCircuitBreaker.builder().enable(false).rollback(false).build())
                .maximumPercent(daemon ? 100 : 200)
                .minimumHealthyPercent(daemon ? 0 : 100)
                .strategy("ROLLING")
                .bakeTimeInMinutes(0)
                .build();
        if (given == null) {
            return base;
        }
        DeploymentConfiguration.Builder merged = base.toBuilder();
        Shapes.copySameNamedMembers(given, merged);
        return merged.build();
    }

    static DeploymentSpec deploymentSpec(TaskDefinition definition, LaunchRules.Launch launch, NetworkConfiguration network,
                                                 String platformVersion, ServiceConnectConfiguration serviceConnect) {
        boolean fargate = "FARGATE".equals(launch.launchType());
        return new DeploymentSpec(definition, launch.launchType(), launch.strategy(),
                fargate ? Fargate.platformVersion(platformVersion) : null,
                fargate ? Fargate.platformFamily(definition) : null, network, serviceConnect);
    }

    /** The role ECS shows: the one given, else its service-linked role for awsvpc or load-balanced services. */
    private static String roleArn(EcsState state, String role, NetworkConfiguration network, List<LoadBalancer> loadBalancers) {
        String iam = "arn:" + state.arns().partition() + ":iam::" + state.arns().account() + ":role/";
        if (role != null && !role.isEmpty()) {
            return role.startsWith("arn:") ? role : iam + role;
        }
        if (network != null || !loadBalancers.isEmpty()) {
            return iam + "aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS";
        }
        return null;
    }
}
