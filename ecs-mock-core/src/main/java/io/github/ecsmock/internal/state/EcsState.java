package io.github.ecsmock.internal.state;

import io.github.ecsmock.EcsClock;
import io.github.ecsmock.internal.arn.Arns;
import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.paging.PageTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Everything ECS holds for one (account, region): clusters, task definitions, tags, account
 * settings, and the work scheduled on the clock. Every operation runs inside {@link #atomically},
 * under this state's lock, so an operation is atomic and sees the state with all due work done.
 * Nothing here knows JSON or HTTP.
 */
public final class EcsState {
    /**
     * How long a deleted cluster stays describable as INACTIVE. ECS does not document it (hours or
     * more are seen); an hour of mock time keeps a test's "describe after delete" working and lets a
     * test that advances the clock see the cluster go.
     */
    public static final Duration INACTIVE_CLUSTER_RETENTION = Duration.ofHours(1);

    /** How long a task definition stays DELETE_IN_PROGRESS before it is gone. Not documented by ECS. */
    public static final Duration DELETED_TASK_DEFINITION_RETENTION = Duration.ofHours(1);

    /** How long a stopped task stays describable: ECS documents at least an hour. */
    public static final Duration STOPPED_TASK_RETENTION = Duration.ofHours(1);

    /** How long a deregistered (INACTIVE) container instance stays describable. Not documented; an hour, as for clusters. */
    public static final Duration INACTIVE_CONTAINER_INSTANCE_RETENTION = Duration.ofHours(1);

    /** How long an INACTIVE gateway association stays listable. ECS documents no period; an hour, as for clusters. */
    public static final Duration INACTIVE_GATEWAY_ASSOCIATION_RETENTION = Duration.ofHours(1);

    /** How long an INACTIVE service stays describable. ECS documents no period; an hour, as for clusters. */
    public static final Duration INACTIVE_SERVICE_RETENTION = Duration.ofHours(1);

    /**
     * How long a deleted capacity provider stays describable as INACTIVE. ECS documents only that it
     * "may remain discoverable for a period of time"; an hour, as for clusters.
     */
    public static final Duration INACTIVE_CAPACITY_PROVIDER_RETENTION = Duration.ofHours(1);

    private final Arns arns;
    private final EcsClock clock;
    private final PageTokens pageTokens;
    private final Ids ids;
    private final Timeline timeline = new Timeline();
    /** The time of the operation running under the lock, or null between operations. */
    private Instant operationTime;
    private final ClusterRegistry clusters = new ClusterRegistry();
    private final TaskDefinitionRegistry taskDefinitions = new TaskDefinitionRegistry();
    private final TagStore tags = new TagStore();
    private final AccountSettingsStore accountSettings = new AccountSettingsStore();
    private final TaskRegistry tasks = new TaskRegistry();
    private final ServiceRegistry services = new ServiceRegistry();
    private final ContainerInstanceRegistry containerInstances = new ContainerInstanceRegistry();
    private final GatewayRegistry gateways = new GatewayRegistry();
    private final Map<String, ExpressServiceEntry> expressServices = new HashMap<>();
    private final CapacityProviderRegistry capacityProviders = new CapacityProviderRegistry();
    private final NamespaceRegistry namespaces = new NamespaceRegistry();
    private final TaskLifecycle lifecycle;
    private final TaskLauncher launcher = new TaskLauncher(this);
    private final ServiceScheduler scheduler = new ServiceScheduler(this);
    private final DaemonTaskDefinitionRegistry daemonTaskDefinitions = new DaemonTaskDefinitionRegistry();
    private final DaemonRegistry daemons = new DaemonRegistry();
    private final DaemonScheduler daemonScheduler = new DaemonScheduler(this);
    private final DaemonLifecycle daemonLifecycle = new DaemonLifecycle(this, daemonScheduler);
    private final GatewayLifecycle gatewayLifecycle = new GatewayLifecycle(this);
    private final ContainerInstanceLifecycle containerInstanceLifecycle = new ContainerInstanceLifecycle(this, scheduler, daemonScheduler);
    private final ServiceLifecycle serviceLifecycle = new ServiceLifecycle(this, scheduler);
    private final TaskSetLifecycle taskSetLifecycle = new TaskSetLifecycle(this, scheduler);
    private final CapacityProviderLifecycle capacityProviderLifecycle = new CapacityProviderLifecycle(this);
    private final RunTaskTokens runTaskTokens = new RunTaskTokens(this);
    private String defaultSubnet;
    private long sequence;

    private final Faults faults;

    public EcsState(String account, String region, EcsClock clock, PageTokens pageTokens, long seed, Duration lifecycleStep,
                    Faults faults) {
        this.faults = faults;
        this.arns = new Arns(account, region);
        this.clock = clock;
        this.pageTokens = pageTokens;
        this.ids = new Ids(seed ^ (account + "/" + region).hashCode());
        this.lifecycle = new TaskLifecycle(lifecycleStep, timeline, this, this::taskEntered);
    }

    /** Runs {@code operation} under this state's lock, after the work that has fallen due. */
    public <T> T atomically(Supplier<T> operation) {
        synchronized (this) {
            Instant outer = operationTime;
            // One instant for the whole operation: on a wall clock, work it scheduled for its first
            // moment ran when settled at a later one, and stamped a deployment updated before it was created.
            operationTime = outer != null ? outer : clock.now();
            try {
                timeline.runDue(operationTime);
                return operation.get();
            } finally {
                operationTime = outer;
            }
        }
    }

    /**
     * Runs the work that is due now, inside an operation: under the immediate lifecycle this is every
     * task transition and scheduler decision the operation caused, so its answer shows the outcome.
     */
    public void settle() {
        timeline.runDue(operationTime != null ? operationTime : clock.now());
    }

    public Arns arns() {
        return arns;
    }

    /** The time of what is happening: the clock's, or while scheduled work runs, the time it was due. */
    public Instant now() {
        Instant scheduled = timeline.current();
        return scheduled != null ? scheduled : operationTime != null ? operationTime : clock.now();
    }

    public PageTokens pageTokens() {
        return pageTokens;
    }

    public Ids ids() {
        return ids;
    }

    public Timeline timeline() {
        return timeline;
    }

    public ClusterRegistry clusters() {
        return clusters;
    }

    public TaskDefinitionRegistry taskDefinitions() {
        return taskDefinitions;
    }

    public TagStore tags() {
        return tags;
    }

    /** The account settings set in this account and Region (ECS keeps them per Region). */
    public AccountSettingsStore accountSettings() {
        return accountSettings;
    }

    public long nextSequence() {
        return ++sequence;
    }

    public Faults faults() {
        return faults;
    }

    public TaskRegistry tasks() {
        return tasks;
    }

    public RunTaskTokens runTaskTokens() {
        return runTaskTokens;
    }

    public ServiceRegistry services() {
        return services;
    }

    public CapacityProviderRegistry capacityProviders() {
        return capacityProviders;
    }

    public DaemonTaskDefinitionRegistry daemonTaskDefinitions() {
        return daemonTaskDefinitions;
    }

    public DaemonRegistry daemons() {
        return daemons;
    }

    TaskLifecycle lifecycle() {
        return lifecycle;
    }

    public ContainerInstanceRegistry containerInstances() {
        return containerInstances;
    }

    public GatewayLifecycle gatewayLifecycle() {
        return gatewayLifecycle;
    }

    public DaemonLifecycle daemonLifecycle() {
        return daemonLifecycle;
    }

    public ContainerInstanceLifecycle containerInstanceLifecycle() {
        return containerInstanceLifecycle;
    }

    public ServiceLifecycle serviceLifecycle() {
        return serviceLifecycle;
    }

    public TaskSetLifecycle taskSetLifecycle() {
        return taskSetLifecycle;
    }

    public CapacityProviderLifecycle capacityProviderLifecycle() {
        return capacityProviderLifecycle;
    }

    public GatewayRegistry gateways() {
        return gateways;
    }

    /** The Service Connect namespaces named so far (see {@link NamespaceRegistry} for what "known" means). */
    public NamespaceRegistry namespaces() {
        return namespaces;
    }

    /** The ARN of a namespace named by name or ARN, which is known from now on. */
    public String namespaceArn(String nameOrArn) {
        return namespaces.register(nameOrArn, arns.partition(), arns.region(), arns.account());
    }

    /**
     * The subnet of {@code awsvpc} tasks launched without a network configuration (lenient profile
     * only), and of Express services given none: the account's default VPC.
     */
    public String defaultSubnet() {
        if (defaultSubnet == null) {
            defaultSubnet = "subnet-" + ids.hex(17);
        }
        return defaultSubnet;
    }

    // ---- tasks

    /** Makes a Fargate task, lists it, tags it and sets it on its way to RUNNING. */
    public TaskEntry launchTask(ClusterEntry cluster, LaunchSpec spec, List<Tag> taskTags) {
        return launchTask(cluster, spec, taskTags, null);
    }

    /**
     * Makes a task, lists it, tags it and sets it on its way to RUNNING; {@code slot} is where an EC2
     * or EXTERNAL task runs (see {@link InstancePlacement}), null for Fargate.
     */
    public TaskEntry launchTask(ClusterEntry cluster, LaunchSpec spec, List<Tag> taskTags, InstanceSlot slot) {
        boolean awsvpc = "awsvpc".equals(spec.definition().networkModeAsString());
        TaskEntry task = launcher.build(cluster, spec, TaskLifecycle.firstStatus(awsvpc), slot);
        if (slot != null) {
            slot.instance().tasks.add(task);
            slot.instance().version++;
        }
        tasks.add(task);
        tags.add(task.arn, taskTags);
        lifecycle.start(task);
        Optional<String> failure = faults.startFailureOf(spec.definition());
        if (failure.isPresent()) {
            // It fails a step into its start, not in the answer that launched it: ECS answers RunTask and
            // counts the task as pending before the image pull fails; only then is it bound for STOPPED.
            String reason = failure.get();
            timeline.at(now().plus(lifecycle.step()), () -> {
                if (task.isLive()) {
                    lifecycle.failToStart(task, reason);
                    tasks.desiredStopped(task);
                }
            });
        }
        return task;
    }

    /**
     * Stops a task the way something other than a StopTask call does: an essential container exiting, a
     * Spot interruption, a lost host. {@code exits} gives the containers' exit codes and reasons;
     * {@code exited} names those that have ended already (shown STOPPED at once), where the others
     * stop as the task winds down.
     */
    public boolean endTask(TaskEntry task, String stopCode, String reason, Map<String, TaskEntry.ContainerExit> exits,
                           Set<String> exited) {
        if (!stopTask(task, stopCode, reason)) {
            return false;
        }
        task.containerExits.putAll(exits);
        exited.forEach(container -> markExited(task, container));
        task.changed();
        return true;
    }

    /** The agent reports the task RUNNING: it gets there now rather than on the clock. */
    public void reportRunning(TaskEntry task) {
        lifecycle.runNow(task);
    }

    /** Records how a container ended without stopping the task (a non-essential container exited). */
    public void recordContainerExit(TaskEntry task, String container, TaskEntry.ContainerExit exit) {
        task.containerExits.put(container, exit);
        markExited(task, container);
        task.version++;
        task.changed();
    }

    private static void markExited(TaskEntry task, String container) {
        if (task.exitedContainers == null) {
            task.exitedContainers = new HashSet<>(2);
        }
        task.exitedContainers.add(container);
    }

    /**
     * Sets a service task's scale-in protection until {@code until}, or clears it ({@code null}). The
     * service reconciles when protection ends, by this call or by expiring, so tasks it kept only
     * because they were protected stop then.
     */
    public void protectTask(TaskEntry task, Instant until) {
        task.protectedUntil = until;
        ServiceEntry service = serviceLifecycle.serviceOf(task);
        if (service == null) {
            return;
        }
        if (until == null) {
            scheduler.request(service);
        } else {
            timeline.at(until, () -> scheduler.request(service));
        }
    }

    /** Tells a task to stop; false when it was told already or has stopped. */
    public boolean stopTask(TaskEntry task, String stopCode, String reason) {
        if (!lifecycle.stop(task, stopCode, reason, 0)) {
            return false;
        }
        tasks.desiredStopped(task);
        ServiceEntry service = serviceLifecycle.serviceOf(task);
        if (service != null) {
            scheduler.request(service);
        }
        return true;
    }

    private void taskEntered(TaskEntry task, String from, String to) {
        tasks.statusChanged(task, from, to);
        if (task.placement != null) {
            ContainerInstanceEntry instance = task.placement.instance();
            instance.version++;
            if (TaskStatus.STOPPED.equals(to) && instance.tasks.remove(task)) {
                // What the task held is free again: services waiting for room may place now.
                containerInstanceLifecycle.capacityFreed(task.clusterArn);
            }
        }
        if (TaskStatus.STOPPED.equals(to)) {
            timeline.at(now().plus(STOPPED_TASK_RETENTION), () -> {
                tasks.remove(task);
                tags.forget(task.arn);
            });
        }
        ServiceEntry service = serviceLifecycle.serviceOf(task);
        if (service != null) {
            scheduler.taskEntered(service, task, to);
        }
        daemonScheduler.taskEntered(task, to);
    }

    // ---- clusters

    /**
     * The cluster a "name or ARN" parameter means, whatever its status; a missing parameter means the
     * cluster named {@code default}.
     */
    public Optional<ClusterEntry> findCluster(String nameOrArn) {
        String parameter = nameOrArn == null || nameOrArn.isEmpty() ? "default" : nameOrArn;
        return arns.nameOf(parameter, "cluster").flatMap(clusters::byName);
    }

    /** The ACTIVE cluster a parameter means, or {@code ClusterNotFoundException} as ECS answers. */
    public ClusterEntry activeCluster(String nameOrArn) {
        return findCluster(nameOrArn).filter(ClusterEntry::isActive).orElseThrow(Errors::clusterNotFound);
    }

    public ClusterEntry addCluster(Cluster cluster) {
        return clusters.add(nextSequence(), cluster);
    }

    /** Marks a cluster INACTIVE and schedules its disappearance after the retention period. */
    public void deleteCluster(ClusterEntry entry) {
        Instant now = now();
        clusters.markDeleted(entry, now);
        timeline.at(now.plus(INACTIVE_CLUSTER_RETENTION), () -> {
            clusters.expire(entry);
            if (clusters.byName(entry.name()).isEmpty()) {
                tags.forget(entry.arn());
            }
        });
    }

    // ---- task definitions

    /**
     * The revision a reference means: {@code family} alone is the latest ACTIVE revision,
     * {@code family:revision} and an ARN name one revision whatever its status.
     */
    public Optional<TaskDefinition> findTaskDefinition(String reference) {
        if (reference == null || reference.isEmpty()) {
            return Optional.empty();
        }
        return TaskDefinitionReference.parse(arns, reference).flatMap(parsed -> parsed.hasRevision()
                ? parsed.revision().flatMap(revision -> taskDefinitions.get(parsed.family(), revision))
                : taskDefinitions.latestActive(parsed.family()));
    }

    public int nextRevision(String family) {
        return taskDefinitions.nextRevision(family);
    }

    public void putTaskDefinition(TaskDefinition definition) {
        taskDefinitions.put(definition);
    }

    /**
     * Marks a revision DELETE_IN_PROGRESS; it is gone after the retention period, but not while a task
     * that has not stopped or a service that is not INACTIVE still uses it: ECS keeps it "until all the
     * associated tasks and services have been terminated" (DeleteTaskDefinitions), so a deployer can
     * still describe the definition its running service shows.
     */
    public TaskDefinition deleteTaskDefinition(TaskDefinition definition) {
        TaskDefinition deleting = definition.toBuilder().status("DELETE_IN_PROGRESS").build();
        taskDefinitions.put(deleting);
        TaskDefinitionRegistry.Key key = new TaskDefinitionRegistry.Key(definition.family(), definition.revision());
        removeWhenUnused(key, definition.taskDefinitionArn());
        return deleting;
    }

    private void removeWhenUnused(TaskDefinitionRegistry.Key key, String arn) {
        timeline.at(now().plus(DELETED_TASK_DEFINITION_RETENTION), () -> {
            if (isUsed(arn)) {
                removeWhenUnused(key, arn);
                return;
            }
            taskDefinitions.remove(key);
            tags.forget(arn);
        });
    }

    /** Whether a task that has not stopped, or a service that is not INACTIVE, runs or deploys this revision. */
    private boolean isUsed(String taskDefinitionArn) {
        for (ClusterEntry cluster : clusters.inOrder().values()) {
            for (NavigableMap<Long, TaskEntry> tasksOfCluster : List.of(tasks.live(cluster.arn()), tasks.stopped(cluster.arn()))) {
                for (TaskEntry task : tasksOfCluster.values()) {
                    if (!TaskStatus.STOPPED.equals(task.lastStatus()) && taskDefinitionArn.equals(task.taskDefinitionArn())) {
                        return true;
                    }
                }
            }
            for (ServiceEntry service : services.inOrder(cluster.arn()).values()) {
                if ("INACTIVE".equals(service.status())) {
                    continue;
                }
                if (taskDefinitionArn.equals(service.config().taskDefinition())
                        || service.deployments.stream().anyMatch(d -> taskDefinitionArn.equals(d.taskDefinitionArn()))
                        || service.taskSets.stream().anyMatch(t -> taskDefinitionArn.equals(t.deployment.taskDefinitionArn()))) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- Express Gateway services

    public ExpressServiceEntry addExpressService(ServiceEntry service, String infrastructureRoleArn, String endpoint,
                                                 software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceConfiguration configuration,
                                                 String currentDeployment) {
        ExpressServiceEntry express = new ExpressServiceEntry(service, infrastructureRoleArn, endpoint, configuration,
                currentDeployment, now());
        expressServices.put(service.arn(), express);
        return express;
    }

    /**
     * The Express service of a service ARN, while its service is still known: once the INACTIVE
     * service is forgotten (or its name is taken by a new service) the Express service is gone too.
     */
    public Optional<ExpressServiceEntry> expressService(String serviceArn) {
        ExpressServiceEntry express = expressServices.get(serviceArn);
        if (express == null) {
            return Optional.empty();
        }
        if (services.byName(express.service.clusterArn(), express.service.name()).orElse(null) != express.service) {
            expressServices.remove(serviceArn);
            return Optional.empty();
        }
        return Optional.of(express);
    }
}
