package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.errors.EcsError;
import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.paging.PageTokens;
import io.github.ecsmock.internal.state.ClusterEntry;
import io.github.ecsmock.internal.state.ClusterQuery;
import io.github.ecsmock.internal.state.ContainerInstanceEntry;
import io.github.ecsmock.internal.state.ContainerInstanceLifecycle;
import io.github.ecsmock.internal.state.EcsState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceHealthStatus;
import software.amazon.awssdk.services.ecs.model.DeregisterContainerInstanceRequest;
import software.amazon.awssdk.services.ecs.model.DeregisterContainerInstanceResponse;
import software.amazon.awssdk.services.ecs.model.DescribeContainerInstancesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeContainerInstancesResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.InstanceHealthCheckResult;
import software.amazon.awssdk.services.ecs.model.ListContainerInstancesRequest;
import software.amazon.awssdk.services.ecs.model.ListContainerInstancesResponse;
import software.amazon.awssdk.services.ecs.model.RegisterContainerInstanceRequest;
import software.amazon.awssdk.services.ecs.model.RegisterContainerInstanceResponse;
import software.amazon.awssdk.services.ecs.model.Resource;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.UpdateContainerAgentRequest;
import software.amazon.awssdk.services.ecs.model.UpdateContainerAgentResponse;
import software.amazon.awssdk.services.ecs.model.UpdateContainerInstancesStateRequest;
import software.amazon.awssdk.services.ecs.model.UpdateContainerInstancesStateResponse;
import software.amazon.awssdk.services.ecs.model.VersionInfo;

/**
 * RegisterContainerInstance, DeregisterContainerInstance, DescribeContainerInstances,
 * ListContainerInstances, UpdateContainerInstancesState and UpdateContainerAgent.
 *
 * <p>No EC2 is needed: the instance id, zone, type and AMI come from the identity document when the
 * request carries one, else they are made up; resources default to those of a t3.medium running the
 * ECS-optimized AMI (2048 CPU units, 3705 MiB, the agent's and Docker's ports reserved).
 */
public final class ContainerInstances {
    /** The newest agent this mock knows of: an instance running it has no update available. */
    static final String LATEST_AGENT_VERSION = "1.95.0";
    /** Made when asked for: a static model object would load and link VersionInfo on every mock's start. */
    private static VersionInfo latestAgent() {
        return VersionInfo.builder()
                .agentVersion(LATEST_AGENT_VERSION).agentHash("4e1a6b0c").dockerVersion("DockerVersion: 25.0.8").build();
    }
    private static final int DEFAULT_CPU = 2048;
    private static final int DEFAULT_MEMORY = 3705;
    /** SSH, Docker and the agent's ports, as an ECS-optimized instance reserves them. */
    private static final Set<Integer> DEFAULT_PORTS = Set.of(22, 2375, 2376, 51678, 51679);
    private static final int MAX_DESCRIBE = 100;
    private static final int MAX_UPDATE = 10;
    static final int MAX_CUSTOM_ATTRIBUTES = 10;

    private final TagRules tagRules;

    public ContainerInstances(TagRules tagRules) {
        this.tagRules = tagRules;
    }

    public RegisterContainerInstanceResponse registerContainerInstance(EcsState state, RegisterContainerInstanceRequest request) {
        ClusterEntry cluster = state.activeCluster(request.cluster());
        tagRules.checkNew(request.tags());
        if (request.containerInstanceArn() != null) {
            // The agent re-registering an instance it registered before, after a restart.
            ContainerInstanceEntry known = find(state, cluster, request.containerInstanceArn())
                    .filter(instance -> !"INACTIVE".equals(instance.status()))
                    .orElseThrow(() -> Errors.invalidParameter("The referenced container instance was not found."));
            return RegisterContainerInstanceResponse.builder().containerInstance(describe(state, known, false)).build();
        }
        Map<String, String> document = identityDocument(request.instanceIdentityDocument());
        String ec2InstanceId = document.getOrDefault("instanceId", "i-" + state.ids().hex(17));
        for (ContainerInstanceEntry existing : state.containerInstances().inCluster(cluster.arn()).values()) {
            if (existing.ec2InstanceId().equals(ec2InstanceId) && !"INACTIVE".equals(existing.status())) {
                // The same EC2 instance registering again gets its container instance back.
                return RegisterContainerInstanceResponse.builder().containerInstance(describe(state, existing, false)).build();
            }
        }
        int cpu = DEFAULT_CPU;
        int memory = DEFAULT_MEMORY;
        Set<Integer> tcp = DEFAULT_PORTS;
        Set<Integer> udp = Set.of();
        List<Resource> others = new ArrayList<>();
        for (Resource resource : request.totalResources()) {
            String name = resource.name() == null ? "" : resource.name();
            switch (name) {
                case "CPU" -> cpu = positive(resource);
                case "MEMORY" -> memory = positive(resource);
                case "PORTS" -> tcp = ports(resource);
                case "PORTS_UDP" -> udp = ports(resource);
                default -> others.add(resource);
            }
        }
        int registered = state.containerInstances().inCluster(cluster.arn()).size();
        String zone = document.getOrDefault("availabilityZone", state.arns().region() + (char) ('a' + registered % 3));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("ecs.ami-id", document.getOrDefault("imageId", "ami-" + state.ids().hex(17)));
        attributes.put("ecs.availability-zone", zone);
        attributes.put("ecs.instance-type", document.getOrDefault("instanceType", "t3.medium"));
        attributes.put("ecs.os-type", "linux");
        attributes.put("ecs.os-family", "LINUX");
        attributes.put("ecs.cpu-architecture", "x86_64");
        attributes.put("ecs.vpc-id", "vpc-" + state.ids().hex(17));
        attributes.put("ecs.subnet-id", "subnet-" + state.ids().hex(17));
        for (String capability : List.of("com.amazonaws.ecs.capability.docker-remote-api.1.17",
                "com.amazonaws.ecs.capability.docker-remote-api.1.18", "com.amazonaws.ecs.capability.docker-remote-api.1.19",
                "com.amazonaws.ecs.capability.docker-remote-api.1.21", "com.amazonaws.ecs.capability.docker-remote-api.1.44",
                "com.amazonaws.ecs.capability.logging-driver.awslogs", "com.amazonaws.ecs.capability.ecr-auth",
                "com.amazonaws.ecs.capability.task-iam-role", "ecs.capability.execution-role-awslogs",
                "ecs.capability.execution-role-ecr-pull", "ecs.capability.task-eni")) {
            attributes.put(capability, null);
        }
        for (Attribute attribute : request.attributes()) {
            Attributes.checkName(attribute.name());
            attributes.put(attribute.name(), attribute.value());
        }
        long custom = attributes.keySet().stream().filter(Attributes::isCustom).count();
        if (custom > MAX_CUSTOM_ATTRIBUTES) {
            throw Attributes.limitExceeded();
        }
        VersionInfo version = request.versionInfo() != null ? request.versionInfo() : latestAgent();
        ContainerInstanceEntry instance = state.containerInstanceLifecycle().registerContainerInstance(cluster,
                new ContainerInstanceLifecycle.Registration(ec2InstanceId, cpu, memory, tcp, udp, others, version, attributes));
        state.tags().add(instance.arn(), request.tags());
        state.settle();
        return RegisterContainerInstanceResponse.builder().containerInstance(describe(state, instance, false)).build();
    }

    public DeregisterContainerInstanceResponse deregisterContainerInstance(EcsState state, DeregisterContainerInstanceRequest request) {
        ClusterEntry cluster = state.activeCluster(request.cluster());
        ContainerInstanceEntry instance = require(state, cluster, request.containerInstance());
        if (!"INACTIVE".equals(instance.status())) {
            if (!instance.tasks().isEmpty() && !Boolean.TRUE.equals(request.force())) {
                // moto answers this situation with the same words; ECS's own text is not captured.
                throw Errors.invalidParameter("Found running tasks on the instance.");
            }
            state.containerInstanceLifecycle().deregisterContainerInstance(instance);
            state.settle();
        }
        return DeregisterContainerInstanceResponse.builder().containerInstance(describe(state, instance, false)).build();
    }

    public DescribeContainerInstancesResponse describeContainerInstances(EcsState state, DescribeContainerInstancesRequest request) {
        ClusterEntry cluster = state.activeCluster(request.cluster());
        if (request.containerInstances().isEmpty()) {
            throw Errors.invalidParameter("Container instances cannot be empty.");
        }
        if (request.containerInstances().size() > MAX_DESCRIBE) {
            throw Errors.invalidParameter("containerInstances can have at most " + MAX_DESCRIBE + " items.");
        }
        boolean withTags = request.includeAsStrings().contains("TAGS");
        boolean withHealth = request.includeAsStrings().contains("CONTAINER_INSTANCE_HEALTH");
        List<ContainerInstance> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String reference : request.containerInstances()) {
            Optional<ContainerInstanceEntry> instance = find(state, cluster, reference);
            if (instance.isEmpty()) {
                failures.add(Failure.builder().arn(arnOf(state, cluster, reference)).reason("MISSING").build());
            } else if (seen.add(instance.get().arn())) {
                ContainerInstance shown = describe(state, instance.get(), withTags);
                if (withHealth) {
                    shown = shown.toBuilder().healthStatus(health(state, instance.get())).build();
                }
                found.add(shown);
            }
        }
        return DescribeContainerInstancesResponse.builder().containerInstances(found).failures(failures).build();
    }

    public ListContainerInstancesResponse listContainerInstances(EcsState state, ListContainerInstancesRequest request) {
        ClusterEntry cluster = state.activeCluster(request.cluster());
        int size = PageTokens.pageSize(request.maxResults(), 100, 100);
        String status = request.statusAsString();
        Predicate<ContainerInstanceEntry> wanted = status == null
                ? instance -> !"INACTIVE".equals(instance.status())
                : instance -> status.equals(instance.status());
        if (request.filter() != null && !request.filter().isBlank()) {
            ClusterQuery query = ClusterQuery.parse(request.filter());
            wanted = wanted.and(query::matches);
        }
        PageTokens.Page<ContainerInstanceEntry> page = state.pageTokens().page("ListContainerInstances",
                state.containerInstances().inCluster(cluster.arn()), request.nextToken(), size, wanted, String::valueOf, Long::valueOf);
        return ListContainerInstancesResponse.builder()
                .containerInstanceArns(page.items().stream().map(ContainerInstanceEntry::arn).toList())
                .nextToken(page.nextToken())
                .build();
    }

    public UpdateContainerInstancesStateResponse updateContainerInstancesState(EcsState state,
                                                                               UpdateContainerInstancesStateRequest request) {
        ClusterEntry cluster = state.activeCluster(request.cluster());
        if (request.containerInstances().isEmpty()) {
            throw Errors.invalidParameter("Container instances cannot be empty.");
        }
        if (request.containerInstances().size() > MAX_UPDATE) {
            throw Errors.invalidParameter("containerInstances can have at most " + MAX_UPDATE + " items.");
        }
        String status = request.statusAsString();
        if (!"ACTIVE".equals(status) && !"DRAINING".equals(status)) {
            throw Errors.invalidParameter("Container instances can only be set to ACTIVE or DRAINING.");
        }
        List<ContainerInstanceEntry> updated = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String reference : request.containerInstances()) {
            Optional<ContainerInstanceEntry> instance = find(state, cluster, reference);
            if (instance.isEmpty()) {
                failures.add(Failure.builder().arn(arnOf(state, cluster, reference)).reason("MISSING").build());
            } else if ("INACTIVE".equals(instance.get().status())) {
                failures.add(Failure.builder().arn(instance.get().arn()).reason("INACTIVE").build());
            } else if (!updated.contains(instance.get())) {
                updated.add(instance.get());
            }
        }
        updated.forEach(instance -> state.containerInstanceLifecycle().setContainerInstanceStatus(instance, status));
        state.settle();
        return UpdateContainerInstancesStateResponse.builder()
                .containerInstances(updated.stream().map(instance -> describe(state, instance, false)).toList())
                .failures(failures)
                .build();
    }

    /**
     * Asks the agent to update itself. The messages of the three refusals are not captured; they say
     * what the model's documentation of each exception says.
     */
    public UpdateContainerAgentResponse updateContainerAgent(EcsState state, UpdateContainerAgentRequest request) {
        ClusterEntry cluster = state.activeCluster(request.cluster());
        ContainerInstanceEntry instance = require(state, cluster, request.containerInstance());
        if ("INACTIVE".equals(instance.status())) {
            throw Errors.invalidParameter("The container instance is not ACTIVE.");
        }
        String current = instance.agentVersion();
        if (current == null || current.isBlank()) {
            throw new EcsError("MissingVersionException",
                    "Amazon ECS can't determine the current version of the container agent on the container instance.");
        }
        String progress = instance.agentUpdateStatus();
        if (progress != null && !"UPDATED".equals(progress) && !"FAILED".equals(progress)) {
            throw new EcsError("UpdateInProgressException", "There is already an agent update in progress on the container instance.");
        }
        if (compareVersions(current, LATEST_AGENT_VERSION) >= 0) {
            throw new EcsError("NoUpdateAvailableException", "There is no update available for your container agent.");
        }
        state.containerInstanceLifecycle().updateContainerAgent(instance, latestAgent());
        ContainerInstance answer = describe(state, instance, false); // PENDING, as ECS answers; the rest follows on the clock
        state.settle();
        return UpdateContainerAgentResponse.builder().containerInstance(answer).build();
    }

    /** The instance a request names by id or ARN, if it is an instance of this cluster. */
    static Optional<ContainerInstanceEntry> find(EcsState state, ClusterEntry cluster, String reference) {
        if (reference == null || reference.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> parent = state.arns().parentOf(reference, "container-instance");
        if (parent.isPresent() && !parent.get().equals(cluster.name())) {
            return Optional.empty();
        }
        return state.arns().nameOf(reference, "container-instance")
                .flatMap(id -> state.containerInstances().byArn(state.arns().containerInstance(cluster.name(), id)));
    }

    static ContainerInstanceEntry require(EcsState state, ClusterEntry cluster, String reference) {
        if (reference == null || reference.isBlank()) {
            throw Errors.invalidParameter("Container instance can not be blank.");
        }
        return find(state, cluster, reference)
                .orElseThrow(() -> Errors.invalidParameter("The referenced container instance was not found."));
    }

    private static String arnOf(EcsState state, ClusterEntry cluster, String reference) {
        return reference.startsWith("arn:") ? reference : state.arns().containerInstance(cluster.name(), reference);
    }

    private static ContainerInstance describe(EcsState state, ContainerInstanceEntry instance, boolean withTags) {
        List<Tag> tags = withTags ? state.tags().tagsOf(instance.arn()) : List.of();
        return instance.toContainerInstance(tags);
    }

    /** The health ECS reports with {@code include: CONTAINER_INSTANCE_HEALTH}: the runtime is fine. */
    private static ContainerInstanceHealthStatus health(EcsState state, ContainerInstanceEntry instance) {
        return ContainerInstanceHealthStatus.builder()
                .overallStatus("OK")
                .details(InstanceHealthCheckResult.builder().type("CONTAINER_RUNTIME").status("OK")
                        .lastUpdated(state.now()).lastStatusChange(instance.registeredAt()).build())
                .build();
    }

    private static int positive(Resource resource) {
        Integer value = resource.integerValue();
        if (value == null || value < 0) {
            throw Errors.invalidParameter("Resource " + resource.name() + " must have a non-negative integerValue.");
        }
        return value;
    }

    private static Set<Integer> ports(Resource resource) {
        Set<Integer> ports = new LinkedHashSet<>();
        for (String port : resource.stringSetValue()) {
            try {
                int number = Integer.parseInt(port.trim());
                if (number < 1 || number > 65535) {
                    throw new NumberFormatException();
                }
                ports.add(number);
            } catch (NumberFormatException e) {
                throw Errors.invalidParameter("Resource " + resource.name() + " has an invalid port: " + port + ".");
            }
        }
        return ports;
    }

    private static final Pattern DOCUMENT_FIELD = Pattern.compile("\"(instanceId|availabilityZone|instanceType|imageId)\"\\s*:\\s*\"([^\"]*)\"");

    /** The fields of an EC2 instance identity document this mock uses; the document is not verified. */
    private static Map<String, String> identityDocument(String document) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (document != null) {
            Matcher matcher = DOCUMENT_FIELD.matcher(document);
            while (matcher.find()) {
                if (!matcher.group(2).isEmpty()) {
                    fields.putIfAbsent(matcher.group(1), matcher.group(2));
                }
            }
        }
        return fields;
    }

    static int compareVersions(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int x = i < left.length ? leadingNumber(left[i]) : 0;
            int y = i < right.length ? leadingNumber(right[i]) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    private static int leadingNumber(String part) {
        int value = 0;
        for (int i = 0; i < part.length() && Character.isDigit(part.charAt(i)) && value < 100_000_000; i++) {
            value = value * 10 + (part.charAt(i) - '0');
        }
        return value;
    }
}
