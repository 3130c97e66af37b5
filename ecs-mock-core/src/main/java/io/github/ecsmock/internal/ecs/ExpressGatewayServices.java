package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.errors.EcsError;
import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.state.ClusterEntry;
import io.github.ecsmock.internal.state.EcsState;
import io.github.ecsmock.internal.state.ExpressServiceEntry;
import io.github.ecsmock.internal.state.ServiceEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CreateExpressGatewayServiceRequest;
import software.amazon.awssdk.services.ecs.model.CreateExpressGatewayServiceResponse;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeleteExpressGatewayServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeleteExpressGatewayServiceResponse;
import software.amazon.awssdk.services.ecs.model.DeleteServiceRequest;
import software.amazon.awssdk.services.ecs.model.DescribeExpressGatewayServiceRequest;
import software.amazon.awssdk.services.ecs.model.DescribeExpressGatewayServiceResponse;
import software.amazon.awssdk.services.ecs.model.ECSExpressGatewayService;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayContainer;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayScalingTarget;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceConfiguration;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceNetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceStatus;
import software.amazon.awssdk.services.ecs.model.IngressPathSummary;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RepositoryCredentials;
import software.amazon.awssdk.services.ecs.model.RuntimePlatform;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.UpdateExpressGatewayServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateExpressGatewayServiceResponse;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdatedExpressGatewayService;

/**
 * CreateExpressGatewayService, UpdateExpressGatewayService, DeleteExpressGatewayService and
 * DescribeExpressGatewayService. An Express service is an ordinary ECS service of its cluster
 * (Fargate, awsvpc, one container named {@code Main}) made and changed through the service and task
 * definition operations, so every rule of those applies and DescribeServices, ListServices and
 * ListTasks see it and its tasks. What only the Express API has (infrastructure role, revisions,
 * endpoint) is kept beside it in the state. The load balancer, target groups and scaling policies
 * ECS provisions for it are not modelled.
 */
public final class ExpressGatewayServices {
    /** Defaults the model documents: 256 CPU units, 512 MiB, port 80, {@code /ping}, X86_64, CPU at 60. */
    private static final String DEFAULT_CPU = "256";
    private static final String DEFAULT_MEMORY = "512";
    private static final int DEFAULT_PORT = 80;
    private static final String DEFAULT_HEALTH_CHECK_PATH = "/ping";
    private static final String DEFAULT_ARCHITECTURE = "X86_64";
    private static final String DEFAULT_METRIC = "AVERAGE_CPU";
    private static final int DEFAULT_TARGET_VALUE = 60;
    /** Not documented: one task until scaling says otherwise (unverified). */
    private static final int DEFAULT_MIN_TASKS = 1;
    /** The container the model requires of a task definition given by ARN, and the one the mock makes. */
    static final String MAIN = "Main";
    private static final String TASK_DEFINITION_EXCLUSIVE = "If you provide a task definition ARN, you cannot also specify "
            + "primaryContainer, executionRoleArn, taskRoleArn, cpu, memory, or cpuArchitecture.";

    private final Services services;
    private final TaskDefinitions taskDefinitions;

    public ExpressGatewayServices(Services services, TaskDefinitions taskDefinitions) {
        this.services = services;
        this.taskDefinitions = taskDefinitions;
    }

    public CreateExpressGatewayServiceResponse createExpressGatewayService(EcsState state, CreateExpressGatewayServiceRequest request) {
        if (request.infrastructureRoleArn() == null || request.infrastructureRoleArn().isEmpty()) {
            throw blank("infrastructureRoleArn");
        }
        ClusterEntry cluster = state.activeCluster(request.cluster());
        boolean ownDefinition = request.taskDefinitionArn() != null;
        if (ownDefinition && (request.primaryContainer() != null || request.executionRoleArn() != null
                || request.taskRoleArn() != null || request.cpu() != null || request.memory() != null
                || request.cpuArchitecture() != null)) {
            throw Errors.invalidParameter(TASK_DEFINITION_EXCLUSIVE);
        }
        if (!ownDefinition && request.primaryContainer() == null) {
            // Unverified wording: the model says only that the primary container must name an image.
            throw Errors.invalidParameter("primaryContainer must be specified when taskDefinitionArn is not.");
        }
        ExpressGatewayScalingTarget scaling = scalingTarget(request.scalingTarget(), null);
        // "If you don't specify a service name, Amazon ECS generates a unique name" (its form is unverified).
        String name = request.serviceName() != null ? request.serviceName() : "express-" + state.ids().hex(12);
        // The service's own rules, checked before anything is registered for it.
        Services.checkName(name);
        Optional<ServiceEntry> existing = state.services().byName(cluster.arn(), name);
        // As CreateService answers a name that is ACTIVE or still DRAINING (ECS-BEHAVIOR.md).
        if (existing.isPresent() && (existing.get().isActive() || "DRAINING".equals(existing.get().status()))) {
            throw Errors.invalidParameter("Creation of service was not idempotent.");
        }
        ExpressGatewayServiceNetworkConfiguration network = request.networkConfiguration() != null
                && request.networkConfiguration().hasSubnets() && !request.networkConfiguration().subnets().isEmpty()
                ? request.networkConfiguration()
                : ExpressGatewayServiceNetworkConfiguration.builder().subnets(state.defaultSubnet())
                        .securityGroups(request.networkConfiguration() == null ? List.of()
                                : request.networkConfiguration().securityGroups()).build();

        TaskDefinition definition;
        ExpressGatewayServiceConfiguration.Builder configuration = ExpressGatewayServiceConfiguration.builder();
        if (ownDefinition) {
            definition = ownDefinition(state, request.taskDefinitionArn());
            configuration.primaryContainer(primaryContainerOf(definition));
        } else {
            ExpressGatewayContainer container = withDefaults(request.primaryContainer());
            configuration.primaryContainer(container)
                    .executionRoleArn(request.executionRoleArn())
                    .taskRoleArn(request.taskRoleArn())
                    .cpu(request.cpu() != null ? request.cpu() : DEFAULT_CPU)
                    .memory(request.memory() != null ? request.memory() : DEFAULT_MEMORY)
                    .cpuArchitecture(request.cpuArchitecture() != null ? request.cpuArchitecture().toString() : DEFAULT_ARCHITECTURE);
            definition = register(state, family(cluster, name), configuration.build());
        }
        configuration.taskDefinitionArn(definition.taskDefinitionArn())
                .networkConfiguration(network)
                .healthCheckPath(request.healthCheckPath() != null ? request.healthCheckPath() : DEFAULT_HEALTH_CHECK_PATH)
                .scalingTarget(scaling);

        services.createService(state, CreateServiceRequest.builder()
                .cluster(cluster.arn())
                .serviceName(name)
                .taskDefinition(definition.taskDefinitionArn())
                .desiredCount(scaling.minTaskCount())
                .launchType("FARGATE")
                .networkConfiguration(awsvpc(network))
                .tags(request.tags())
                .build());
        ServiceEntry service = state.services().byName(cluster.arn(), name).orElseThrow();
        // ECS manages the service for the Express API (unverified: the mock marks it as ECS-managed).
        state.serviceLifecycle().updateService(service, service.config().toBuilder().resourceManagementType("ECS").build());
        // The host name form is unverified; ECS gives each Express service its own on.aws endpoint.
        String endpoint = "https://" + name.toLowerCase(Locale.ROOT).replace('_', '-') + "-" + state.ids().hex(8)
                + ".ecs." + state.arns().region() + ".on.aws";
        ExpressServiceEntry express = state.addExpressService(service, request.infrastructureRoleArn(), endpoint,
                revision(state, cluster, service, configuration, endpoint), currentDeployment(state, cluster, service));
        state.settle();
        return CreateExpressGatewayServiceResponse.builder()
                .service(toExpressService(state, express, state.tags().tagsOf(service.arn())))
                .build();
    }

    public UpdateExpressGatewayServiceResponse updateExpressGatewayService(EcsState state, UpdateExpressGatewayServiceRequest request) {
        ExpressServiceEntry express = find(state, request.serviceArn(), () -> new EcsError("ServiceNotFoundException", "Service not found."));
        ServiceEntry service = express.service();
        if (!service.isActive()) {
            throw new EcsError("ServiceNotActiveException", "Service was not ACTIVE.");
        }
        if (request.taskDefinitionArn() != null && (request.primaryContainer() != null || request.executionRoleArn() != null
                || request.taskRoleArn() != null || request.cpu() != null || request.memory() != null
                || request.cpuArchitecture() != null)) {
            throw Errors.invalidParameter(TASK_DEFINITION_EXCLUSIVE);
        }
        ExpressGatewayServiceConfiguration current = express.configuration;
        ExpressGatewayScalingTarget scaling = scalingTarget(request.scalingTarget(), current.scalingTarget());
        ExpressGatewayServiceConfiguration.Builder configuration = current.toBuilder();
        if (request.healthCheckPath() != null) {
            configuration.healthCheckPath(request.healthCheckPath());
        }
        if (request.networkConfiguration() != null && request.networkConfiguration().hasSubnets()
                && !request.networkConfiguration().subnets().isEmpty()) {
            configuration.networkConfiguration(request.networkConfiguration());
        }
        configuration.scalingTarget(scaling);

        ClusterEntry cluster = state.activeCluster(service.clusterArn());
        TaskDefinition definition;
        if (request.taskDefinitionArn() != null) {
            definition = ownDefinition(state, request.taskDefinitionArn());
            configuration.primaryContainer(primaryContainerOf(definition)).executionRoleArn(null).taskRoleArn(null)
                    .cpu(null).memory(null).cpuArchitecture((String) null);
        } else {
            boolean changed = request.primaryContainer() != null || request.executionRoleArn() != null
                    || request.taskRoleArn() != null || request.cpu() != null || request.memory() != null
                    || request.cpuArchitecture() != null;
            if (request.primaryContainer() != null) {
                configuration.primaryContainer(withDefaults(request.primaryContainer()));
            }
            if (request.executionRoleArn() != null) {
                configuration.executionRoleArn(request.executionRoleArn());
            }
            if (request.taskRoleArn() != null) {
                configuration.taskRoleArn(request.taskRoleArn());
            }
            if (request.cpu() != null) {
                configuration.cpu(request.cpu());
            }
            if (request.memory() != null) {
                configuration.memory(request.memory());
            }
            if (request.cpuArchitecture() != null) {
                configuration.cpuArchitecture(request.cpuArchitecture().toString());
            }
            TaskDefinition currentDefinition = state.findTaskDefinition(current.taskDefinitionArn()).orElseThrow();
            if (changed && current.cpu() == null) {
                // The service ran a task definition of the caller's own: ECS's now describes what it had.
                configuration.cpu(request.cpu() != null ? request.cpu() : currentDefinition.cpu())
                        .memory(request.memory() != null ? request.memory() : currentDefinition.memory())
                        .cpuArchitecture(request.cpuArchitecture() != null ? request.cpuArchitectureAsString() : DEFAULT_ARCHITECTURE);
            }
            ExpressGatewayServiceConfiguration wanted = configuration.build();
            definition = changed ? register(state, family(cluster, service.name()), wanted) : currentDefinition;
        }
        configuration.taskDefinitionArn(definition.taskDefinitionArn());
        ExpressGatewayServiceConfiguration target = configuration.build();
        services.updateService(state, UpdateServiceRequest.builder()
                .cluster(cluster.arn())
                .service(service.arn())
                .taskDefinition(definition.taskDefinitionArn())
                .desiredCount(scaling.minTaskCount())
                .networkConfiguration(awsvpc(target.networkConfiguration()))
                .build());
        express.configuration = revision(state, cluster, service, target.toBuilder(), express.endpoint);
        express.currentDeployment = currentDeployment(state, cluster, service);
        express.updatedAt = state.now();
        state.settle();
        return UpdateExpressGatewayServiceResponse.builder()
                .service(UpdatedExpressGatewayService.builder()
                        .serviceArn(service.arn())
                        .cluster(cluster.arn())
                        .serviceName(service.name())
                        .status(status(service))
                        .targetConfiguration(express.configuration)
                        .createdAt(service.config().createdAt())
                        .updatedAt(express.updatedAt)
                        .build())
                .build();
    }

    public DeleteExpressGatewayServiceResponse deleteExpressGatewayService(EcsState state, DeleteExpressGatewayServiceRequest request) {
        ExpressServiceEntry express = find(state, request.serviceArn(), () -> new EcsError("ServiceNotFoundException", "Service not found."));
        ServiceEntry service = express.service();
        if (!service.isActive()) {
            throw new EcsError("ServiceNotActiveException", "Service was not ACTIVE.");
        }
        // "The service enters a DRAINING state where existing tasks complete current requests without starting new tasks."
        services.deleteService(state, DeleteServiceRequest.builder().cluster(service.clusterArn()).service(service.arn())
                .force(true).build());
        express.updatedAt = state.now();
        return DeleteExpressGatewayServiceResponse.builder().service(toExpressService(state, express, List.of())).build();
    }

    public DescribeExpressGatewayServiceResponse describeExpressGatewayService(EcsState state,
                                                                              DescribeExpressGatewayServiceRequest request) {
        ExpressServiceEntry express = find(state, request.serviceArn(), Errors::resourceNotFound);
        boolean withTags = request.includeAsStrings().contains("TAGS");
        return DescribeExpressGatewayServiceResponse.builder()
                .service(toExpressService(state, express, withTags ? state.tags().tagsOf(express.service().arn()) : List.of()))
                .build();
    }

    /**
     * The Express service an ARN names. The ARN's cluster must exist (ClusterNotFoundException); an ARN
     * of anything else, or of an ordinary service, is {@code notFound}.
     */
    private static ExpressServiceEntry find(EcsState state, String serviceArn, java.util.function.Supplier<EcsError> notFound) {
        if (serviceArn == null || serviceArn.isEmpty()) {
            throw blank("serviceArn");
        }
        if (!serviceArn.startsWith("arn:")) {
            throw notFound.get();
        }
        Optional<String> name = state.arns().nameOf(serviceArn, "service");
        if (name.isEmpty()) {
            throw notFound.get();
        }
        ClusterEntry cluster = state.activeCluster(state.arns().parentOf(serviceArn, "service").orElse(null));
        return state.expressService(state.arns().service(cluster.name(), name.get())).orElseThrow(notFound);
    }

    private ExpressGatewayScalingTarget scalingTarget(ExpressGatewayScalingTarget given, ExpressGatewayScalingTarget current) {
        ExpressGatewayScalingTarget.Builder target = current != null ? current.toBuilder() : ExpressGatewayScalingTarget.builder()
                .minTaskCount(DEFAULT_MIN_TASKS).autoScalingMetric(DEFAULT_METRIC).autoScalingTargetValue(DEFAULT_TARGET_VALUE);
        if (given != null) {
            Shapes.copySameNamedMembers(given, target);
        }
        ExpressGatewayScalingTarget merged = target.build();
        // Unverified wordings, in the style of ECS's desiredCount messages.
        if (merged.minTaskCount() == null || merged.minTaskCount() < 0) {
            throw Errors.invalidParameter("minTaskCount can not be less than 0.");
        }
        if (merged.maxTaskCount() != null && merged.maxTaskCount() < merged.minTaskCount()) {
            throw Errors.invalidParameter("maxTaskCount can not be less than minTaskCount.");
        }
        if (merged.autoScalingTargetValue() != null && merged.autoScalingTargetValue() < 1) {
            throw Errors.invalidParameter("autoScalingTargetValue must be greater than 0.");
        }
        return merged;
    }

    /** A task definition given by ARN: ACTIVE, Fargate-compatible, with one TCP port on a container named Main. */
    private static TaskDefinition ownDefinition(EcsState state, String reference) {
        TaskDefinition definition = state.findTaskDefinition(reference).orElseThrow(() -> Errors.client("TaskDefinition not found."));
        if (!"ACTIVE".equals(definition.statusAsString())) {
            throw Errors.client("TaskDefinition is inactive");
        }
        if (!definition.compatibilitiesAsStrings().contains("FARGATE")) {
            throw new EcsError("PlatformTaskDefinitionIncompatibilityException",
                    "The specified platform does not satisfy the task definition's required capabilities.");
        }
        // The model states the rule; the wording is unverified.
        ContainerDefinition main = definition.containerDefinitions().stream().filter(c -> MAIN.equals(c.name())).findFirst()
                .orElseThrow(() -> Errors.invalidParameter("The task definition must have a container named Main."));
        List<PortMapping> tcp = main.portMappings().stream()
                .filter(mapping -> mapping.protocol() == null || "tcp".equals(mapping.protocolAsString())).toList();
        if (tcp.size() != 1 || tcp.get(0).containerPort() == null || tcp.get(0).name() == null) {
            throw Errors.invalidParameter("The container Main must have a single TCP port mapping with a container port and a port name.");
        }
        return definition;
    }

    private static ExpressGatewayContainer primaryContainerOf(TaskDefinition definition) {
        ContainerDefinition main = definition.containerDefinitions().stream().filter(c -> MAIN.equals(c.name())).findFirst().orElseThrow();
        return ExpressGatewayContainer.builder().image(main.image()).containerPort(main.portMappings().get(0).containerPort()).build();
    }

    private static ExpressGatewayContainer withDefaults(ExpressGatewayContainer container) {
        if (container.image() == null || container.image().isEmpty()) {
            throw blank("primaryContainer.image");
        }
        return container.containerPort() != null ? container : container.toBuilder().containerPort(DEFAULT_PORT).build();
    }

    /** The family of the task definitions ECS manages for the service (the name is unverified). */
    private static String family(ClusterEntry cluster, String service) {
        String family = cluster.name() + "-" + service;
        return family.length() > 255 ? family.substring(0, 255) : family;
    }

    /** Registers the task definition an Express configuration describes, through RegisterTaskDefinition's rules. */
    private TaskDefinition register(EcsState state, String family, ExpressGatewayServiceConfiguration configuration) {
        ExpressGatewayContainer primary = configuration.primaryContainer();
        ContainerDefinition.Builder main = ContainerDefinition.builder()
                .name(MAIN)
                .image(primary.image())
                .essential(true)
                .portMappings(PortMapping.builder().containerPort(primary.containerPort()).protocol("tcp")
                        .name("main-" + primary.containerPort()).build());
        if (primary.hasCommand()) {
            main.command(primary.command());
        }
        if (primary.hasEnvironment()) {
            main.environment(primary.environment());
        }
        if (primary.hasSecrets()) {
            main.secrets(primary.secrets());
        }
        if (primary.repositoryCredentials() != null) {
            main.repositoryCredentials(RepositoryCredentials.builder()
                    .credentialsParameter(primary.repositoryCredentials().credentialsParameter()).build());
        }
        if (primary.awsLogsConfiguration() != null) {
            java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
            options.put("awslogs-group", primary.awsLogsConfiguration().logGroup());
            options.put("awslogs-region", state.arns().region());
            options.put("awslogs-stream-prefix", primary.awsLogsConfiguration().logStreamPrefix());
            options.values().removeIf(java.util.Objects::isNull);
            main.logConfiguration(LogConfiguration.builder().logDriver("awslogs").options(options).build());
        }
        RegisterTaskDefinitionRequest registration = RegisterTaskDefinitionRequest.builder()
                .family(family)
                .networkMode("awsvpc")
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu(configuration.cpu())
                .memory(configuration.memory())
                .executionRoleArn(configuration.executionRoleArn())
                .taskRoleArn(configuration.taskRoleArn())
                .runtimePlatform(RuntimePlatform.builder().cpuArchitecture(configuration.cpuArchitectureAsString())
                        .operatingSystemFamily("LINUX").build())
                .containerDefinitions(main.build())
                .build();
        return taskDefinitions.registerTaskDefinition(state, registration).taskDefinition();
    }

    private static NetworkConfiguration awsvpc(ExpressGatewayServiceNetworkConfiguration network) {
        return NetworkConfiguration.builder().awsvpcConfiguration(AwsVpcConfiguration.builder()
                .subnets(network.subnets())
                .securityGroups(network.hasSecurityGroups() ? network.securityGroups() : List.of())
                .build()).build();
    }

    /** The configuration as the service's current revision: the PRIMARY deployment's revision ARN, ingress path and time. */
    private static ExpressGatewayServiceConfiguration revision(EcsState state, ClusterEntry cluster, ServiceEntry service,
                                                               ExpressGatewayServiceConfiguration.Builder configuration,
                                                               String endpoint) {
        return configuration
                .serviceRevisionArn(service.deployments().isEmpty() ? null : service.primary().revisionArn())
                .ingressPaths(IngressPathSummary.builder().accessType("PUBLIC").endpoint(endpoint).build())
                .createdAt(state.now())
                .build();
    }

    /** The service deployment that made the service's PRIMARY deployment, as DescribeServiceDeployments knows it. */
    private static String currentDeployment(EcsState state, ClusterEntry cluster, ServiceEntry service) {
        if (service.deployments().isEmpty() || service.primary().serviceDeployment() == null) {
            return null;
        }
        return service.primary().serviceDeployment().arn();
    }

    private static ExpressGatewayServiceStatus status(ServiceEntry service) {
        return ExpressGatewayServiceStatus.builder().statusCode(service.status()).build();
    }

    private static ECSExpressGatewayService toExpressService(EcsState state, ExpressServiceEntry express,
                                                             List<software.amazon.awssdk.services.ecs.model.Tag> tags) {
        ServiceEntry service = express.service();
        List<ExpressGatewayServiceConfiguration> active = new ArrayList<>();
        if (!"INACTIVE".equals(service.status())) {
            active.add(express.configuration);
        }
        return ECSExpressGatewayService.builder()
                .cluster(service.clusterArn())
                .serviceName(service.name())
                .serviceArn(service.arn())
                .infrastructureRoleArn(express.infrastructureRoleArn)
                .status(status(service))
                .currentDeployment(express.currentDeployment)
                .activeConfigurations(active)
                .tags(tags)
                .createdAt(service.config().createdAt())
                .updatedAt(express.updatedAt)
                .build();
    }

    /**
     * A member the operation needs but the SDK's model does not mark required: answered as the model
     * validator answers a required member, so the answer stays the same once the public model has it.
     */
    private static EcsError blank(String member) {
        return Errors.invalidParameter(member + " can not be blank.");
    }
}
