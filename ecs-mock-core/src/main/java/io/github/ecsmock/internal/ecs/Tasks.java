package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.errors.EcsError;
import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.paging.PageTokens;
import io.github.ecsmock.internal.state.ClusterEntry;
import io.github.ecsmock.internal.state.ContainerInstanceEntry;
import io.github.ecsmock.internal.state.EcsState;
import io.github.ecsmock.internal.state.InstancePlacement;
import io.github.ecsmock.internal.state.InstanceSlot;
import io.github.ecsmock.internal.state.Faults;
import io.github.ecsmock.internal.state.LaunchSpec;
import io.github.ecsmock.internal.state.Placement;
import io.github.ecsmock.internal.state.RunTaskTokens;
import io.github.ecsmock.internal.state.TaskEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;
import software.amazon.awssdk.services.ecs.model.StartTaskRequest;
import software.amazon.awssdk.services.ecs.model.StartTaskResponse;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.StopTaskResponse;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/** RunTask, StopTask, DescribeTasks and ListTasks. */
public final class Tasks {
    private static final int MAX_COUNT = 10;
    /** RunTask client tokens are up to 64 characters (the model; CreateService's are up to 36). */
    private static final int MAX_CLIENT_TOKEN = 64;
    private static final int MAX_DESCRIBE = 100;
    private static final Pattern FAMILY = Pattern.compile("[a-zA-Z0-9_-]+");

    private final TagRules tagRules;
    private final Leniency leniency;

    public Tasks(TagRules tagRules, Leniency leniency) {
        this.tagRules = tagRules;
        this.leniency = leniency;
    }

    public RunTaskResponse runTask(EcsState state, RunTaskRequest request) {
        ClusterEntry cluster = state.activeCluster(request.cluster());
        String token = request.clientToken();
        boolean tokened = token != null && !token.isEmpty();
        if (tokened) {
            Optional<RunTaskTokens.Use> used = checkToken(state, cluster, request);
            if (used.isPresent()) {
                return answer(state, used.get().tasks(), used.get().failures());
            }
        }
        if (request.taskDefinition() == null || request.taskDefinition().isBlank()) {
            throw Errors.invalidParameter("TaskDefinition can not be blank.");
        }
        int count = request.count() == null ? 1 : request.count();
        if (count > MAX_COUNT) {
            throw Errors.invalidParameter("Task count can not be greater than " + MAX_COUNT);
        }
        if (count < 1) {
            throw Errors.invalidParameter("Task count can not be less than 1");
        }
        TaskDefinition definition = activeDefinition(state, request.taskDefinition());
        LaunchRules.Launch launch = LaunchRules.resolve(cluster, request.launchTypeAsString(), request.capacityProviderStrategy());
        LaunchRules.checkCompatible(definition, launch.launchType());
        LaunchRules.checkPlatformVersion(launch.launchType(), request.platformVersion());
        NetworkConfiguration network = LaunchRules.network("RunTask", definition, request.networkConfiguration(),
                launch.launchType(), leniency);
        checkOverrides(definition, request.overrides(), launch.launchType());
        String group = group(request.startedBy(), request.group(), definition);
        List<Tag> tags = tags(state, cluster, definition, request.tags(), request.propagateTagsAsString(),
                request.enableECSManagedTags());
        PlacementRules.check(request.placementConstraints(), request.placementStrategy());
        LaunchRules.checkFargatePlacement(launch.launchType(), request.placementConstraints());

        List<Failure> failures = new ArrayList<>();
        Optional<Faults.PlacementLimit> limit = state.faults().placementFor(request);
        int placed = limit.map(l -> Math.min(count, Math.max(0, l.placed()))).orElse(count);
        for (int i = placed; i < count; i++) {
            // ECS names the container instance that could not take the task; Fargate has none, so the cluster.
            failures.add(Failure.builder().arn(cluster.arn()).reason(limit.get().reason()).build());
        }
        List<InstanceSlot> slots = null;
        if (!"FARGATE".equals(launch.launchType())) {
            // Without a strategy of its own, RunTask places at random (the state's seeded random).
            List<PlacementStrategy> strategy = request.placementStrategy().isEmpty()
                    ? List.of(PlacementStrategy.builder().type("random").build()) : request.placementStrategy();
            InstancePlacement.Outcome outcome = InstancePlacement.place(state,
                    state.containerInstances().inCluster(cluster.arn()).values(),
                    new InstancePlacement.Demand(definition, request.overrides(), launch.launchType(),
                            constraints(request.placementConstraints(), definition), strategy, group), placed);
            if (outcome.noInstances()) {
                throw Errors.invalidParameter(Placement.NO_CONTAINER_INSTANCES);
            }
            slots = outcome.slots();
            placed = slots.size();
            outcome.rejections().forEach(rejection -> failures.add(
                    Failure.builder().arn(rejection.instance().arn()).reason(rejection.reason()).build()));
        }
        List<String> providers = launch.byStrategy() ? Placement.pick(launch.strategy(), new HashMap<>(), placed) : null;
        List<TaskEntry> started = new ArrayList<>(placed);
        for (int i = 0; i < placed; i++) {
            LaunchSpec spec = new LaunchSpec(definition, launch.launchType(), providers == null ? null : providers.get(i),
                    request.platformVersion(), network == null ? null : network.awsvpcConfiguration(), request.overrides(),
                    group, request.startedBy(), Boolean.TRUE.equals(request.enableExecuteCommand()), null, null);
            started.add(state.launchTask(cluster, spec, tags, slots == null ? null : slots.get(i)));
        }
        state.settle();
        if (tokened) {
            state.runTaskTokens().remember(cluster.arn(), request, started, failures);
        }
        return answer(state, started, failures);
    }

    /**
     * What a RunTask with a client token meets: nothing when the token is new in this cluster, the
     * first call's use of it when this call repeats that one, and a {@code ConflictException} naming
     * the tasks it started when this call asks for something else under the same token.
     */
    private static Optional<RunTaskTokens.Use> checkToken(EcsState state, ClusterEntry cluster, RunTaskRequest request) {
        if (request.clientToken().length() > MAX_CLIENT_TOKEN) {
            throw Errors.invalidParameter("clientToken longer than " + MAX_CLIENT_TOKEN + ".");
        }
        Optional<RunTaskTokens.Use> used = state.runTaskTokens().find(cluster.arn(), request.clientToken());
        if (used.isPresent() && !used.get().isRepeatedBy(request)) {
            // ECS's message for this is not captured; the exception's class and resourceIds are documented.
            throw new EcsError("ConflictException", "The clientToken " + request.clientToken()
                    + " is already in use with a different RunTask request in this cluster.")
                    .with("resourceIds", used.get().taskArns());
        }
        return used;
    }

    /** The tasks as they are now, with their tags, and the failures. */
    private static RunTaskResponse answer(EcsState state, List<TaskEntry> tasks, List<Failure> failures) {
        return RunTaskResponse.builder()
                .tasks(tasks.stream().map(task -> task.toTask(state.tags().tagsOf(task.arn()))).toList())
                .failures(failures)
                .build();
    }

    /**
     * StartTask: one task on each named container instance, without the scheduler's choice. An
     * instance that does not exist is a {@code MISSING} failure, a deregistered one {@code INACTIVE},
     * one without room the {@code RESOURCE:*} it lacks (ECS's API failure reasons). A draining
     * instance is named on purpose, so it takes the task: draining only keeps the scheduler away.
     */
    public StartTaskResponse startTask(EcsState state, StartTaskRequest request) {
        ClusterEntry cluster = state.activeCluster(request.cluster());
        if (request.containerInstances().isEmpty()) {
            throw Errors.invalidParameter("Container instances cannot be empty.");
        }
        if (request.containerInstances().size() > MAX_COUNT) {
            throw Errors.invalidParameter("containerInstances can have at most " + MAX_COUNT + " items.");
        }
        if (request.taskDefinition() == null || request.taskDefinition().isBlank()) {
            throw Errors.invalidParameter("TaskDefinition can not be blank.");
        }
        TaskDefinition definition = activeDefinition(state, request.taskDefinition());
        checkOverrides(definition, request.overrides(), "EC2");
        String group = group(request.startedBy(), request.group(), definition);
        List<Tag> tags = tags(state, cluster, definition, request.tags(), request.propagateTagsAsString(),
                request.enableECSManagedTags());
        List<ContainerInstanceEntry> targets = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String reference : request.containerInstances()) {
            Optional<ContainerInstanceEntry> instance = ContainerInstances.find(state, cluster, reference);
            if (instance.isEmpty()) {
                String arn = reference.startsWith("arn:") ? reference : state.arns().containerInstance(cluster.name(), reference);
                failures.add(Failure.builder().arn(arn).reason("MISSING").build());
            } else if ("INACTIVE".equals(instance.get().status())) {
                failures.add(Failure.builder().arn(instance.get().arn()).reason("INACTIVE").build());
            } else {
                targets.add(instance.get());
            }
        }
        String launchType = targets.stream().anyMatch(instance -> instance.ec2InstanceId().startsWith("mi-")) ? "EXTERNAL" : "EC2";
        LaunchRules.checkCompatible(definition, launchType);
        NetworkConfiguration network = LaunchRules.network("StartTask", definition, request.networkConfiguration(), launchType, leniency);
        List<TaskEntry> started = new ArrayList<>();
        for (ContainerInstanceEntry instance : targets) {
            InstancePlacement.Outcome outcome = InstancePlacement.placeOn(state, instance,
                    new InstancePlacement.Demand(definition, request.overrides(), launchType, List.of(), List.of(), group));
            if (outcome.slots().isEmpty()) {
                outcome.rejections().forEach(rejection -> failures.add(
                        Failure.builder().arn(rejection.instance().arn()).reason(rejection.reason()).build()));
                continue;
            }
            LaunchSpec spec = new LaunchSpec(definition, launchType, null, null,
                    network == null ? null : network.awsvpcConfiguration(), request.overrides(), group, request.startedBy(),
                    Boolean.TRUE.equals(request.enableExecuteCommand()), null, null);
            started.add(state.launchTask(cluster, spec, tags, outcome.slots().get(0)));
        }
        state.settle();
        return StartTaskResponse.builder()
                .tasks(started.stream().map(task -> task.toTask(state.tags().tagsOf(task.arn()))).toList())
                .failures(failures)
                .build();
    }

    /** The request's constraints and the definition's own ({@code memberOf} only, as definitions allow). */

    /**
     * The task's group (the family's by default), checked with {@code startedBy}: RunTask and
     * StartTask take both with the same limits.
     */
    private static String group(String startedBy, String group, TaskDefinition definition) {
        if (startedBy != null && startedBy.length() > 128) {
            throw Errors.invalidParameter("startedBy longer than 128.");
        }
        String named = group != null ? group : "family:" + definition.family();
        if (named.length() > 255) {
            throw Errors.invalidParameter("group longer than 255.");
        }
        return named;
    }

    /** The task's tags: those asked for, the definition's when propagated, and ECS's managed tag when enabled. */
    private List<Tag> tags(EcsState state, ClusterEntry cluster, TaskDefinition definition, List<Tag> requested,
                           String propagateTags, Boolean managedTags) {
        tagRules.checkNew(requested);
        List<Tag> tags = new ArrayList<>(requested);
        if ("SERVICE".equals(propagateTags)) {
            throw Errors.invalidParameter("The SERVICE option of propagateTags is not supported when running a task.");
        }
        if ("TASK_DEFINITION".equals(propagateTags)) {
            tags.addAll(state.tags().tagsOf(definition.taskDefinitionArn()));
        }
        if (Boolean.TRUE.equals(managedTags)) {
            tags.add(Tag.builder().key("aws:ecs:clusterName").value(cluster.name()).build());
        }
        return tags;
    }
    private static List<PlacementConstraint> constraints(List<PlacementConstraint> given, TaskDefinition definition) {
        List<PlacementConstraint> all = new ArrayList<>(given);
        definition.placementConstraints().forEach(constraint -> all.add(PlacementConstraint.builder()
                .type(constraint.typeAsString()).expression(constraint.expression()).build()));
        return all;
    }

    public StopTaskResponse stopTask(EcsState state, StopTaskRequest request) {
        ClusterEntry cluster = state.activeCluster(request.cluster());
        if (request.task() == null || request.task().isBlank()) {
            throw Errors.invalidParameter("Task can not be blank.");
        }
        TaskEntry task = find(state, cluster, request.task())
                .orElseThrow(() -> Errors.invalidParameter("The referenced task was not found."));
        String reason = request.reason() == null || request.reason().isEmpty() ? "Task stopped by user" : request.reason();
        state.stopTask(task, "UserInitiated", reason);
        state.settle();
        return StopTaskResponse.builder().task(task.toTask(List.of())).build();
    }

    public DescribeTasksResponse describeTasks(EcsState state, DescribeTasksRequest request) {
        ClusterEntry cluster = state.activeCluster(request.cluster());
        if (request.tasks().isEmpty()) {
            throw Errors.invalidParameter("Tasks cannot be empty.");
        }
        if (request.tasks().size() > MAX_DESCRIBE) {
            throw Errors.invalidParameter("taskIds can have at most " + MAX_DESCRIBE + " items.");
        }
        boolean withTags = request.includeAsStrings().contains("TAGS");
        List<Task> tasks = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String reference : request.tasks()) {
            Optional<TaskEntry> task = find(state, cluster, reference);
            if (task.isPresent()) {
                if (seen.add(task.get().id())) {
                    tasks.add(task.get().toTask(withTags ? state.tags().tagsOf(task.get().arn()) : List.of()));
                }
            } else {
                String arn = reference.startsWith("arn:") ? reference : state.arns().task(cluster.name(), reference);
                failures.add(Failure.builder().arn(arn).reason("MISSING").build());
            }
        }
        return DescribeTasksResponse.builder().tasks(tasks).failures(failures).build();
    }

    public ListTasksResponse listTasks(EcsState state, ListTasksRequest request) {
        ClusterEntry cluster = state.activeCluster(request.cluster());
        int size = PageTokens.pageSize(request.maxResults(), 100, 100);
        // "When you specify startedBy as the filter, it must be the only filter that you use" (API
        // reference); desiredStatus, which always has a value, is not counted.
        if (request.startedBy() != null && (request.family() != null || request.serviceName() != null
                || request.containerInstance() != null || request.launchType() != null || request.daemonName() != null)) {
            throw Errors.invalidParameter("cannot specify startedBy with other arguments");
        }
        if (request.family() != null && !FAMILY.matcher(request.family()).matches()) {
            throw Errors.invalidParameter("family must match ^[a-zA-Z0-9\\-_]+$");
        }
        if (request.serviceName() != null && state.services().byName(cluster.arn(), serviceName(state, request.serviceName())).isEmpty()) {
            throw new EcsError("ServiceNotFoundException", "Service not found.");
        }
        String desired = request.desiredStatus() == null ? "RUNNING" : request.desiredStatusAsString();
        NavigableMap<Long, TaskEntry> index = switch (desired) {
            case "STOPPED" -> state.tasks().stopped(cluster.arn());
            case "RUNNING" -> state.tasks().live(cluster.arn());
            default -> java.util.Collections.emptyNavigableMap(); // ECS never sets a desired status of PENDING
        };
        Predicate<TaskEntry> wanted = task -> true;
        if (request.family() != null) {
            wanted = wanted.and(task -> task.family().equals(request.family()));
        }
        if (request.startedBy() != null) {
            wanted = wanted.and(task -> request.startedBy().equals(task.startedBy()));
        }
        if (request.serviceName() != null) {
            String name = serviceName(state, request.serviceName());
            wanted = wanted.and(task -> name.equals(task.serviceName()) && !task.isOrphaned());
        }
        if (request.launchType() != null) {
            wanted = wanted.and(task -> request.launchTypeAsString().equals(task.launchType()));
        }
        if (request.daemonName() != null) {
            // A daemon's tasks are in its group; an unknown name lists nothing (ECS's answer for it is not captured).
            String group = "daemon:" + request.daemonName();
            wanted = wanted.and(task -> group.equals(task.group()));
        }
        if (request.containerInstance() != null) {
            // An instance that is not in the cluster lists nothing (ECS's answer for it is not captured).
            Optional<ContainerInstanceEntry> instance = ContainerInstances.find(state, cluster, request.containerInstance());
            wanted = wanted.and(task -> instance.isPresent() && task.placement() != null
                    && task.placement().instance() == instance.get());
        }
        PageTokens.Page<TaskEntry> page = state.pageTokens().page("ListTasks", index, request.nextToken(), size,
                wanted, String::valueOf, Long::valueOf);
        return ListTasksResponse.builder()
                .taskArns(page.items().stream().map(TaskEntry::arn).toList())
                .nextToken(page.nextToken())
                .build();
    }

    /** The task a request names by id or ARN, if it is a task of this cluster. */
    static Optional<TaskEntry> find(EcsState state, ClusterEntry cluster, String reference) {
        Optional<String> id = state.arns().nameOf(reference, "task");
        Optional<String> parent = state.arns().parentOf(reference, "task");
        if (parent.isPresent() && !parent.get().equals(cluster.name())) {
            return Optional.empty();
        }
        return id.flatMap(state.tasks()::byId).filter(task -> task.clusterArn().equals(cluster.arn()));
    }

    private static String serviceName(EcsState state, String nameOrArn) {
        return state.arns().nameOf(nameOrArn, "service").orElse("");
    }

    private static TaskDefinition activeDefinition(EcsState state, String reference) {
        TaskDefinition definition = state.findTaskDefinition(reference)
                .orElseThrow(() -> Errors.client("TaskDefinition not found."));
        if (!"ACTIVE".equals(definition.statusAsString())) {
            throw Errors.invalidParameter("TaskDefinition is inactive");
        }
        return definition;
    }

    /**
     * The overrides of RunTask and StartTask against the definition they change: containers it has,
     * sizes in bounds, and a task size the containers fit in and, on Fargate, one Fargate offers. The
     * task is sized from the overrides, so one ECS would refuse showed {@code cpu: "abc"} in its answers.
     */
    private static void checkOverrides(TaskDefinition definition, TaskOverride overrides, String launchType) {
        if (overrides == null) {
            return;
        }
        Integer cpu = taskSize(overrides.cpu(), "cpu");
        Integer memory = taskSize(overrides.memory(), "memory");
        Set<String> names = new HashSet<>();
        definition.containerDefinitions().stream().map(ContainerDefinition::name).forEach(names::add);
        checkContainerOverrides(overrides, names);
        Integer taskMemory = memory != null ? memory : taskSize(definition.memory(), "memory");
        for (ContainerDefinition container : definition.containerDefinitions()) {
            Integer containerMemory = overrides.containerOverrides().stream()
                    .filter(override -> container.name().equals(override.name()) && override.memory() != null)
                    .map(ContainerOverride::memory).findFirst().orElse(container.memory());
            if (taskMemory != null && containerMemory != null && containerMemory > taskMemory) {
                // The text ECS gave for a task memory override below a container's (artilleryio/artillery#591).
                throw Errors.invalidParameter("'memory' setting for container '" + container.name() + "' is greater than for task.");
            }
        }
        if ("FARGATE".equals(launchType) && (cpu != null || memory != null)) {
            Integer taskCpu = cpu != null ? cpu : taskSize(definition.cpu(), "cpu");
            if (!TaskDefinitionRules.isFargateSize(taskCpu, taskMemory)) {
                throw Errors.invalidParameter("No Fargate configuration exists for given values: " + taskCpu + " CPU, " + taskMemory
                        + " memory. See the Amazon ECS documentation for the valid values.");
            }
        }
    }

    /** A task-level size of an override, in CPU units or MiB ({@code "1 vCPU"} and {@code "2 GB"} too), or null. */
    private static Integer taskSize(String value, String member) {
        try {
            return "cpu".equals(member) ? TaskDefinitionRules.cpuUnits(value) : TaskDefinitionRules.memoryMib(value);
        } catch (EcsError invalid) {
            throw Errors.invalidParameter("Invalid '" + member + "' setting for task.");
        }
    }

    private static void checkContainerOverrides(TaskOverride overrides, Set<String> names) {
        for (ContainerOverride override : overrides.containerOverrides()) {
            if (override.name() == null || !names.contains(override.name())) {
                throw Errors.invalidParameter("Override for container named " + override.name()
                        + " is not a container in the TaskDefinition.");
            }
            // A container definition's bounds: a negative size would hand a container instance capacity
            // back on every placement.
            if (TaskDefinitionRules.invalidSize(override.cpu(), override.memory(), override.memoryReservation()) != null) {
                throw Errors.invalidParameter("Override for container named " + override.name()
                        + " has an invalid cpu, memory or memoryReservation.");
            }
        }
    }
}
