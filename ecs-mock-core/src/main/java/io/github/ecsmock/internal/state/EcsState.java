package io.github.ecsmock.internal.state;

import io.github.ecsmock.EcsClock;
import io.github.ecsmock.internal.arn.Arns;
import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.paging.PageTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.Scale;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceRevision;
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
    private final Map<String, ServiceEntry> serviceByDeployment = new HashMap<>();
    private final Map<String, ServiceDeploymentEntry> serviceDeployments = new HashMap<>();
    private final Map<String, ServiceRevision> serviceRevisions = new HashMap<>();
    private final TaskLifecycle lifecycle;
    private final TaskLauncher launcher = new TaskLauncher(this);
    private final ServiceScheduler scheduler = new ServiceScheduler(this);
    private final DaemonTaskDefinitionRegistry daemonTaskDefinitions = new DaemonTaskDefinitionRegistry();
    private final DaemonRegistry daemons = new DaemonRegistry();
    private final DaemonScheduler daemonScheduler = new DaemonScheduler(this);
    private final DaemonLifecycle daemonLifecycle = new DaemonLifecycle(this, daemonScheduler);
    private final GatewayLifecycle gatewayLifecycle = new GatewayLifecycle(this);
    private String defaultSubnet;
    private long sequence;

    private final Faults faults;
    private final Duration lifecycleStep;

    public EcsState(String account, String region, EcsClock clock, PageTokens pageTokens, long seed, Duration lifecycleStep,
                    Faults faults) {
        this.faults = faults;
        this.lifecycleStep = lifecycleStep;
        this.arns = new Arns(account, region);
        this.clock = clock;
        this.pageTokens = pageTokens;
        this.ids = new Ids(seed ^ (account + "/" + region).hashCode());
        this.lifecycle = new TaskLifecycle(lifecycleStep, timeline, this, this::taskEntered);
    }

    /** Runs {@code operation} under this state's lock, after the work that has fallen due. */
    public <T> T atomically(Supplier<T> operation) {
        synchronized (this) {
            timeline.runDue(clock.now());
            return operation.get();
        }
    }

    /**
     * Runs the work that is due now, inside an operation: under the immediate lifecycle this is every
     * task transition and scheduler decision the operation caused, so its answer shows the outcome.
     */
    public void settle() {
        timeline.runDue(clock.now());
    }

    public Arns arns() {
        return arns;
    }

    /** The time of what is happening: the clock's, or while scheduled work runs, the time it was due. */
    public Instant now() {
        Instant scheduled = timeline.current();
        return scheduled != null ? scheduled : clock.now();
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
            lifecycle.failToStart(task, failure.get());
            tasks.desiredStopped(task);
        }
        return task;
    }

    /**
     * Stops a task the way something other than a StopTask call does: an essential container exiting, a
     * Spot interruption, a lost host. {@code exits} gives the containers' exit codes and reasons.
     */
    public boolean endTask(TaskEntry task, String stopCode, String reason, Map<String, TaskEntry.ContainerExit> exits) {
        if (!stopTask(task, stopCode, reason)) {
            return false;
        }
        task.containerExits.putAll(exits);
        return true;
    }

    /** The agent reports the task RUNNING: it gets there now rather than on the clock. */
    public void reportRunning(TaskEntry task) {
        lifecycle.runNow(task);
    }

    /** Records how a container ended without stopping the task (a non-essential container exited). */
    public void recordContainerExit(TaskEntry task, String container, TaskEntry.ContainerExit exit) {
        task.containerExits.put(container, exit);
        task.version++;
    }

    /**
     * Sets a service task's scale-in protection until {@code until}, or clears it ({@code null}). The
     * service reconciles when protection ends, by this call or by expiring, so tasks it kept only
     * because they were protected stop then.
     */
    public void protectTask(TaskEntry task, Instant until) {
        task.protectedUntil = until;
        ServiceEntry service = serviceByDeployment.get(task.deploymentId);
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
        ServiceEntry service = serviceByDeployment.get(task.deploymentId);
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
                capacityFreed(task.clusterArn);
            }
        }
        if (TaskStatus.STOPPED.equals(to)) {
            timeline.at(now().plus(STOPPED_TASK_RETENTION), () -> {
                tasks.remove(task);
                tags.forget(task.arn);
            });
        }
        ServiceEntry service = serviceByDeployment.get(task.deploymentId);
        if (service != null) {
            scheduler.taskEntered(service, task, to);
        }
        daemonScheduler.taskEntered(task, to);
    }

    // ---- container instances

    /** What a container instance registers with; the state gives it its id, ARN and registration time. */
    public record Registration(String ec2InstanceId, int cpu, int memory, java.util.Set<Integer> reservedTcpPorts,
                               java.util.Set<Integer> reservedUdpPorts, List<software.amazon.awssdk.services.ecs.model.Resource> otherResources,
                               software.amazon.awssdk.services.ecs.model.VersionInfo versionInfo, Map<String, String> attributes) {
    }

    /** Registers an ACTIVE instance; services of the cluster waiting for room may place on it at once. */
    public ContainerInstanceEntry registerContainerInstance(ClusterEntry cluster, Registration registration) {
        String id = ids.hex32();
        ContainerInstanceEntry instance = new ContainerInstanceEntry(nextSequence(), id, arns.containerInstance(cluster.name(), id),
                cluster.arn(), registration.ec2InstanceId(), now(), registration.cpu(), registration.memory(),
                registration.reservedTcpPorts(), registration.reservedUdpPorts(), registration.otherResources(),
                registration.versionInfo());
        instance.attributes.putAll(registration.attributes());
        containerInstances.add(instance);
        capacityFreed(cluster.arn());
        daemonScheduler.reconcileCluster(cluster.arn());
        return instance;
    }

    /**
     * ACTIVE or DRAINING. Draining stops the service tasks there that have not started and has the
     * scheduler replace the running ones elsewhere, within each service's deployment configuration.
     */
    public void setContainerInstanceStatus(ContainerInstanceEntry instance, String status) {
        if (status.equals(instance.status)) {
            return;
        }
        instance.status = status;
        instance.version++;
        if ("ACTIVE".equals(status)) {
            capacityFreed(instance.clusterArn);
            daemonScheduler.reconcileCluster(instance.clusterArn);
            return;
        }
        for (TaskEntry task : List.copyOf(instance.tasks)) {
            ServiceEntry service = serviceByDeployment.get(task.deploymentId);
            if (service != null && task.isLive() && TaskStatus.isPending(task.lastStatus)) {
                stopTask(task, "ServiceSchedulerInitiated", "Task stopped because the container instance is being drained.");
            }
        }
        requestServicesOn(instance);
    }

    /**
     * INACTIVE: nothing is placed here again. Tasks still on it are orphaned: they keep running, and the
     * services they belong to start replacements elsewhere.
     */
    public void deregisterContainerInstance(ContainerInstanceEntry instance) {
        instance.status = "INACTIVE";
        instance.version++;
        instance.deregisteredAt = now();
        requestServicesOn(instance);
        timeline.at(now().plus(INACTIVE_CONTAINER_INSTANCE_RETENTION), () -> {
            containerInstances.remove(instance);
            tags.forget(instance.arn);
        });
    }

    /** Sets or replaces an attribute; {@code value} null makes a name-only attribute. */
    public void putAttribute(ContainerInstanceEntry instance, String name, String value) {
        instance.attributes.put(name, value);
        instance.version++;
    }

    public void deleteAttribute(ContainerInstanceEntry instance, String name) {
        if (instance.attributes.remove(name) != null || name != null) {
            instance.version++;
        }
    }

    /**
     * Starts an agent update to {@code target}: PENDING at once, then STAGING, STAGED, UPDATING and
     * UPDATED one lifecycle step apart (all at once under the immediate lifecycle), when the new
     * version is in place.
     */
    public void updateContainerAgent(ContainerInstanceEntry instance, software.amazon.awssdk.services.ecs.model.VersionInfo target) {
        instance.agentUpdateStatus = "PENDING";
        instance.version++;
        List<String> steps = List.of("STAGING", "STAGED", "UPDATING", "UPDATED");
        Instant at = now();
        for (String step : steps) {
            at = at.plus(lifecycle.step());
            timeline.at(at, () -> {
                instance.agentUpdateStatus = step;
                instance.version++;
                if ("UPDATED".equals(step)) {
                    instance.versionInfo = target;
                }
            });
        }
    }

    /** Asks every service with a task on the instance to reconcile (to replace what runs there). */
    private void requestServicesOn(ContainerInstanceEntry instance) {
        java.util.Set<ServiceEntry> affected = new java.util.LinkedHashSet<>();
        for (TaskEntry task : instance.tasks) {
            ServiceEntry service = serviceByDeployment.get(task.deploymentId);
            if (service != null) {
                affected.add(service);
            }
        }
        affected.forEach(scheduler::request);
    }

    /** Room appeared in a cluster (an instance registered or came back, a task stopped): services may place. */
    private void capacityFreed(String clusterArn) {
        for (ServiceEntry service : services.inOrder(clusterArn).values()) {
            if (!"INACTIVE".equals(service.status) && !service.deployments.isEmpty() && service.primary().launchType != null
                    && !"FARGATE".equals(service.primary().launchType)) {
                scheduler.request(service);
            } else if (!"INACTIVE".equals(service.status) && service.taskSets.stream()
                    .anyMatch(set -> set.deployment.launchType != null && !"FARGATE".equals(set.deployment.launchType))) {
                scheduler.request(service);
            }
        }
    }

    // ---- services

    /** Adds a service with its first deployment and asks the scheduler to start its tasks. */
    public ServiceEntry addService(ClusterEntry cluster, Service config, CreateServiceRequest creation, DeploymentSpec first) {
        ServiceEntry service = new ServiceEntry(nextSequence(), cluster, config, creation);
        services.add(service);
        if (first != null) {
            deploy(service, first);
        }
        return service;
    }

    /**
     * Makes a new PRIMARY deployment; the previous PRIMARY becomes ACTIVE and is replaced by the scheduler.
     * It runs a new service revision, and a service deployment records the move to it; one still in
     * progress is STOPPED, as the new one takes over.
     */
    public DeploymentEntry deploy(ServiceEntry service, DeploymentSpec spec) {
        List<DeploymentEntry> sources = List.copyOf(service.deployments);
        DeploymentEntry deployment = newDeployment(service, spec);
        String id = deployment.id.substring(deployment.id.indexOf('/') + 1);
        deployment.revisionArn = arns.serviceRevision(service.cluster.name(), service.name(), id);
        serviceRevisions.put(deployment.revisionArn, revision(service, deployment));
        service.revisionArns.add(deployment.revisionArn);
        for (ServiceDeploymentEntry running : service.serviceDeployments) {
            if (running.isInProgress() || "ROLLBACK_IN_PROGRESS".equals(running.status)) {
                // Unverified wording: ECS's reason for a deployment that a newer one replaced.
                running.finish("STOPPED", "Service deployment was stopped because a new service deployment started.", now());
            }
        }
        ServiceDeploymentEntry record = new ServiceDeploymentEntry(nextSequence(),
                arns.serviceDeployment(service.cluster.name(), service.name(), ids.serviceDeploymentId()), service, sources,
                deployment, service.config.deploymentConfiguration(), now());
        deployment.serviceDeployment = record;
        service.serviceDeployments.add(record);
        serviceDeployments.put(record.arn, record);
        return deployment;
    }

    private DeploymentEntry newDeployment(ServiceEntry service, DeploymentSpec spec) {
        for (DeploymentEntry previous : service.deployments) {
            previous.status = "ACTIVE";
        }
        DeploymentEntry deployment = new DeploymentEntry(ids.deploymentId(), spec.definition(), spec.launchType(),
                spec.capacityProviderStrategy(), spec.platformVersion(), spec.platformFamily(),
                spec.networkConfiguration(), spec.serviceConnectConfiguration(), now());
        service.deployments.add(0, deployment);
        service.steady = false;
        serviceByDeployment.put(deployment.id, service);
        scheduler.request(service);
        return deployment;
    }

    /**
     * Rolls the service's current service deployment back to {@code target}, the deployment that ran
     * before: a new PRIMARY deployment runs the target's revision again (no new revision), and the
     * service deployment is ROLLBACK_IN_PROGRESS until it completes.
     */
    public DeploymentEntry rollBack(ServiceEntry service, DeploymentEntry target, String reason) {
        ServiceDeploymentEntry record = service.primary().serviceDeployment;
        service.config = service.config.toBuilder().taskDefinition(target.taskDefinitionArn()).build();
        DeploymentEntry rollback = newDeployment(service, target.spec());
        rollback.revisionArn = target.revisionArn;
        if (record != null) {
            rollback.serviceDeployment = record;
            record.rollbackDeployment = rollback;
            record.rollback = software.amazon.awssdk.services.ecs.model.Rollback.builder()
                    .reason(reason).startedAt(now()).serviceRevisionArn(target.revisionArn).build();
            record.finish("ROLLBACK_IN_PROGRESS", reason, now());
        }
        return rollback;
    }

    /** A PRIMARY deployment completed: its service deployment succeeded, or its rollback did. */
    void deploymentCompleted(DeploymentEntry deployment) {
        ServiceDeploymentEntry record = deployment.serviceDeployment;
        if (record == null) {
            return;
        }
        if (record.rollbackDeployment == deployment && "ROLLBACK_IN_PROGRESS".equals(record.status)) {
            record.finish("ROLLBACK_SUCCESSFUL", "Service deployment rolled back successfully.", now());
        } else if (record.target == deployment && record.isInProgress()) {
            record.finish("SUCCESSFUL", "Service deployment completed successfully.", now());
        }
    }

    /** The revision as DescribeServiceRevisions shows it: what the deployment runs, fixed when it was made. */
    private ServiceRevision revision(ServiceEntry service, DeploymentEntry deployment) {
        ServiceRevision.Builder revision = ServiceRevision.builder()
                .serviceRevisionArn(deployment.revisionArn)
                .serviceArn(service.arn())
                .clusterArn(service.clusterArn())
                .taskDefinition(deployment.taskDefinitionArn())
                .platformVersion(deployment.platformVersion)
                .platformFamily(deployment.platformFamily)
                .loadBalancers(service.config.loadBalancers())
                .serviceRegistries(service.config.serviceRegistries())
                .networkConfiguration(deployment.networkConfiguration)
                .containerImages(deployment.definition.containerDefinitions().stream()
                        .map(container -> software.amazon.awssdk.services.ecs.model.ContainerImage.builder()
                                .containerName(container.name()).image(container.image()).build())
                        .toList())
                .guardDutyEnabled(false)
                .createdAt(now());
        if (deployment.capacityProviderStrategy.isEmpty()) {
            revision.launchType(deployment.launchType);
        } else {
            revision.capacityProviderStrategy(deployment.capacityProviderStrategy);
        }
        return revision.build();
    }

    public Optional<ServiceDeploymentEntry> serviceDeployment(String arn) {
        return Optional.ofNullable(arn == null ? null : serviceDeployments.get(arn));
    }

    public Optional<ServiceRevision> serviceRevision(String arn) {
        return Optional.ofNullable(arn == null ? null : serviceRevisions.get(arn));
    }

    // ---- task sets

    /** Adds an ACTIVE task set to the service; the scheduler starts its share of the service's tasks. */
    public TaskSetEntry createTaskSet(ServiceEntry service, DeploymentSpec spec, String externalId, Scale scale,
                                      List<LoadBalancer> loadBalancers, List<software.amazon.awssdk.services.ecs.model.ServiceRegistry> registries) {
        DeploymentEntry deployment = new DeploymentEntry(ids.deploymentId(), spec.definition(), spec.launchType(),
                spec.capacityProviderStrategy(), spec.platformVersion(), spec.platformFamily(), spec.networkConfiguration(),
                spec.serviceConnectConfiguration(), now());
        TaskSetEntry taskSet = new TaskSetEntry(arns.taskSet(service.cluster.name(), service.name(), deployment.id), service,
                deployment, externalId, scale, loadBalancers, registries);
        service.taskSets.add(taskSet);
        service.steady = false;
        serviceByDeployment.put(deployment.id, service);
        scheduler.request(service);
        return taskSet;
    }

    public void scaleTaskSet(TaskSetEntry taskSet, Scale scale) {
        taskSet.scale = scale;
        taskSet.deployment.updatedAt = now();
        scheduler.request(taskSet.service);
    }

    /** The task set becomes PRIMARY; the one that was PRIMARY becomes ACTIVE. */
    public void makePrimary(TaskSetEntry taskSet) {
        for (TaskSetEntry other : taskSet.service.taskSets) {
            if (other != taskSet && "PRIMARY".equals(other.status)) {
                other.status = "ACTIVE";
                other.deployment.status = "ACTIVE";
                other.deployment.updatedAt = now();
            }
        }
        taskSet.status = "PRIMARY";
        taskSet.deployment.status = "PRIMARY";
        taskSet.deployment.updatedAt = now();
    }

    /** DRAINING: its tasks stop, then it is gone. */
    public void deleteTaskSet(TaskSetEntry taskSet) {
        taskSet.status = "DRAINING";
        taskSet.deployment.status = "DRAINING";
        taskSet.deployment.updatedAt = now();
        scheduler.request(taskSet.service);
    }

    void taskSetGone(TaskSetEntry taskSet) {
        tags.forget(taskSet.arn);
    }

    /** The task set an ARN names, in an ACTIVE or DRAINING service. */
    public Optional<TaskSetEntry> taskSetByArn(String arn) {
        return arns.resourceOf(arn).filter(resource -> resource.startsWith("task-set/")).flatMap(resource -> {
            String[] parts = resource.split("/", 4);
            if (parts.length < 4) {
                return Optional.empty();
            }
            return clusters.byName(parts[1]).flatMap(cluster -> services.byName(cluster.arn(), parts[2]))
                    .filter(service -> !"INACTIVE".equals(service.status))
                    .flatMap(service -> service.taskSet(parts[3]))
                    .filter(taskSet -> taskSet.arn.equals(arn));
        });
    }

    /** Changes a service's configuration; the scheduler brings its tasks in line. */
    public void updateService(ServiceEntry service, Service config) {
        service.config = config;
        scheduler.request(service);
    }

    /** DRAINING: the desired count drops to zero, the tasks stop, then the service is INACTIVE. */
    public void deleteService(ServiceEntry service) {
        service.status = "DRAINING";
        service.config = service.config.toBuilder().desiredCount(0).build();
        scheduler.request(service);
    }

    void serviceInactive(ServiceEntry service) {
        service.status = "INACTIVE";
        gatewayLifecycle.setGatewayRoutes(service, List.of());
        timeline.at(now().plus(INACTIVE_SERVICE_RETENTION), () -> {
            services.expire(service);
            if (services.byName(service.clusterArn(), service.name()).isEmpty()) {
                tags.forget(service.arn());
            }
            service.deployments.forEach(deployment -> serviceByDeployment.remove(deployment.id));
            service.taskSets.forEach(taskSet -> {
                serviceByDeployment.remove(taskSet.id());
                tags.forget(taskSet.arn);
            });
            service.serviceDeployments.forEach(record -> serviceDeployments.remove(record.arn));
            service.revisionArns.forEach(serviceRevisions::remove);
        });
    }

    /** The tags a service puts on its tasks: propagated from the service or definition, and ECS's managed tags. */
    List<Tag> serviceTaskTags(ServiceEntry service, TaskDefinition definition) {
        List<Tag> taskTags = new ArrayList<>();
        String propagate = service.config.propagateTagsAsString();
        if ("SERVICE".equals(propagate)) {
            taskTags.addAll(tags.tagsOf(service.arn()));
        } else if ("TASK_DEFINITION".equals(propagate)) {
            taskTags.addAll(tags.tagsOf(definition.taskDefinitionArn()));
        }
        if (Boolean.TRUE.equals(service.config.enableECSManagedTags())) {
            taskTags.add(Tag.builder().key("aws:ecs:clusterName").value(service.cluster.name()).build());
            taskTags.add(Tag.builder().key("aws:ecs:serviceName").value(service.name()).build());
        }
        return taskTags;
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

    /** Marks a revision DELETE_IN_PROGRESS; it is gone after the retention period. */
    public TaskDefinition deleteTaskDefinition(TaskDefinition definition) {
        TaskDefinition deleting = definition.toBuilder().status("DELETE_IN_PROGRESS").build();
        taskDefinitions.put(deleting);
        TaskDefinitionRegistry.Key key = new TaskDefinitionRegistry.Key(definition.family(), definition.revision());
        timeline.at(now().plus(DELETED_TASK_DEFINITION_RETENTION), () -> {
            taskDefinitions.remove(key);
            tags.forget(definition.taskDefinitionArn());
        });
        return deleting;
    }

    // ---- capacity providers

    /**
     * Adds a provider. A provider of the same name that was deleted (INACTIVE) is replaced, and its
     * tags go with it.
     */
    public CapacityProviderEntry addCapacityProvider(CapacityProvider provider, String autoScalingGroupName) {
        CapacityProviderEntry entry = capacityProviders.add(nextSequence(), provider, autoScalingGroupName);
        tags.forget(entry.arn());
        return entry;
    }

    /**
     * Applies an update: the provider shows {@code UPDATE_IN_PROGRESS} (as ECS answers
     * UpdateCapacityProvider) and {@code UPDATE_COMPLETE} one lifecycle step later.
     */
    public void updateCapacityProvider(CapacityProviderEntry entry, CapacityProvider updated) {
        long update = entry.nextUpdate();
        entry.update(updated.toBuilder().updateStatus("UPDATE_IN_PROGRESS").updateStatusReason(null).build());
        timeline.at(now().plus(lifecycleStep), () -> {
            if (entry.updates() == update && "UPDATE_IN_PROGRESS".equals(entry.provider().updateStatusAsString())) {
                entry.update(entry.provider().toBuilder().updateStatus("UPDATE_COMPLETE").build());
            }
        });
    }

    /** A refused deletion: the provider stays ACTIVE with {@code DELETE_FAILED} and ECS's reason. */
    public void failCapacityProviderDeletion(CapacityProviderEntry entry, String reason) {
        entry.nextUpdate();
        entry.update(entry.provider().toBuilder().updateStatus("DELETE_FAILED").updateStatusReason(reason).build());
    }

    /**
     * Deletes a provider as ECS does: ACTIVE with {@code DELETE_IN_PROGRESS} at once, INACTIVE with
     * {@code DELETE_COMPLETE} one lifecycle step later, gone after the retention period.
     */
    public void deleteCapacityProvider(CapacityProviderEntry entry) {
        entry.nextUpdate();
        entry.update(entry.provider().toBuilder().updateStatus("DELETE_IN_PROGRESS").updateStatusReason(null).build());
        timeline.at(now().plus(lifecycleStep), () -> {
            entry.update(entry.provider().toBuilder().status("INACTIVE").updateStatus("DELETE_COMPLETE").build());
            timeline.at(now().plus(INACTIVE_CAPACITY_PROVIDER_RETENTION), () -> {
                capacityProviders.expire(entry);
                if (capacityProviders.byName(entry.name()).isEmpty()) {
                    tags.forget(entry.arn());
                }
            });
        });
    }

    /**
     * Makes {@code names} the Auto Scaling group providers associated with the cluster: those named
     * are taken by it, those it had and no longer names are free again. The built-in providers need no
     * bookkeeping.
     */
    public void associateCapacityProviders(ClusterEntry cluster, Collection<String> names) {
        for (CapacityProviderEntry entry : capacityProviders.inOrder().values()) {
            if (names.contains(entry.name()) && !entry.isInactive()) {
                entry.associate(cluster.arn());
            } else if (cluster.arn().equals(entry.clusterArn())) {
                entry.associate(null);
            }
        }
    }

    /**
     * Completes a change of the cluster's capacity provider attachments one lifecycle step later:
     * new attachments are CREATED, removed ones are gone, {@code attachmentsStatus} is
     * {@code UPDATE_COMPLETE}, and a cluster still PROVISIONING is ACTIVE.
     */
    public void settleClusterAttachments(ClusterEntry cluster) {
        timeline.at(now().plus(lifecycleStep), () -> {
            Cluster current = cluster.cluster();
            if (!"UPDATE_IN_PROGRESS".equals(current.attachmentsStatus())) {
                return;
            }
            List<Attachment> settled = new ArrayList<>();
            for (Attachment attachment : current.attachments()) {
                if ("DELETING".equals(attachment.status())) {
                    continue;
                }
                settled.add("PRECREATED".equals(attachment.status()) ? attachment.toBuilder().status("CREATED").build() : attachment);
            }
            cluster.update(current.toBuilder().attachments(settled).attachmentsStatus("UPDATE_COMPLETE")
                    .status("PROVISIONING".equals(current.status()) ? "ACTIVE" : current.status()).build());
        });
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
