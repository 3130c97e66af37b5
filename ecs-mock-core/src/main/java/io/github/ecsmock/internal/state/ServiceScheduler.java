package io.github.ecsmock.internal.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.model.DeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;

/**
 * The service scheduler: brings each service's tasks to its desired count and rolls deployments,
 * as ECS's replica scheduler does. It runs as work on the clock whenever a service changes or one of
 * its tasks changes status, so under the immediate lifecycle a service is steady when the operation
 * that changed it answers, and under the stepped one it converges as its tasks move.
 *
 * <p>A rolling deployment starts tasks of the PRIMARY deployment while the total stays within
 * {@code maximumPercent}, and stops tasks of older deployments while the RUNNING tasks stay at or
 * above {@code minimumHealthyPercent}. An older deployment whose tasks have all stopped is dropped.
 */
final class ServiceScheduler {
    /**
     * How long the scheduler waits before launching again for a deployment whose task failed to start.
     * ECS backs off too (by an amount it does not document); a fixed delay keeps tests repeatable and
     * lets a test count attempts by advancing the clock.
     */
    static final Duration RELAUNCH_DELAY = Duration.ofSeconds(30);

    private final EcsState state;

    ServiceScheduler(EcsState state) {
        this.state = state;
    }

    /** Asks for a reconciliation of the service as soon as the current work is done. */
    void request(ServiceEntry service) {
        if (!service.reconcileScheduled) {
            service.reconcileScheduled = true;
            state.timeline().at(state.now(), () -> {
                service.reconcileScheduled = false;
                reconcile(service);
            });
        }
    }

    private void reconcile(ServiceEntry service) {
        if ("INACTIVE".equals(service.status)) {
            return;
        }
        if (service.usesTaskSets()) {
            reconcileTaskSets(service);
            return;
        }
        if (service.deployments.isEmpty()) {
            return;
        }
        boolean draining = "DRAINING".equals(service.status);
        int desired = draining ? 0 : desiredCount(service);
        if (!draining && tripCircuitBreaker(service, desired)) {
            return; // a rollback deployment was made; its own reconciliation follows
        }
        DeploymentEntry primary = service.primary();
        List<DeploymentEntry> older = service.deployments.subList(1, service.deployments.size());
        DeploymentConfiguration configuration = service.config.deploymentConfiguration();
        int maximumPercent = configuration == null || configuration.maximumPercent() == null ? 200 : configuration.maximumPercent();
        int minimumPercent = configuration == null || configuration.minimumHealthyPercent() == null ? 100 : configuration.minimumHealthyPercent();
        // Tasks of the PRIMARY on an instance being drained or deregistered are replaced like an older
        // deployment's: first started elsewhere, then stopped while enough stay RUNNING.
        List<TaskEntry> displaced = primary.tasks().stream().filter(task -> task.isLive() && isDisplaced(task)).toList();

        List<TaskEntry> stopped = new ArrayList<>();
        // Older deployments' tasks that are not running yet never count as healthy: stop them first.
        for (DeploymentEntry deployment : older) {
            for (TaskEntry task : List.copyOf(deployment.tasks())) {
                if (task.isLive() && !task.isRunning()) {
                    stop(service, deployment, task, stopped);
                }
            }
        }
        for (TaskEntry task : displaced) {
            if (!task.isRunning()) {
                stop(service, primary, task, stopped);
            }
        }
        int good = primary.live() - (int) displaced.stream().filter(TaskEntry::isLive).count();
        // Scale in: the PRIMARY has more than it should; pending ones go first, then the newest. Tasks
        // under scale-in protection stay until it ends (a deleted service stops them all the same).
        int excess = good - desired;
        if (excess > 0) {
            List<TaskEntry> candidates = primary.tasks().stream().filter(task -> task.isLive() && !isDisplaced(task))
                    .filter(task -> draining || !task.isProtectedAt(state.now()))
                    .sorted(Comparator.comparing(TaskEntry::isRunning).thenComparing(TaskEntry::sequence, Comparator.reverseOrder()))
                    .limit(excess).toList();
            candidates.forEach(task -> stop(service, primary, task, stopped));
            good -= candidates.size();
            if (candidates.size() < excess) {
                protectedFromScaleIn(service, primary, excess - candidates.size());
            }
        }
        // Start what the PRIMARY lacks, within maximumPercent: it bounds the tasks RUNNING or PENDING,
        // and a task told to stop is one of them until it has stopped.
        int olderLive = older.stream().mapToInt(DeploymentEntry::live).sum();
        int maximum = Math.max(desired, desired * maximumPercent / 100);
        int lacking = desired - good;
        int placed = primary.notStopped() + older.stream().mapToInt(DeploymentEntry::notStopped).sum();
        int room = maximum - placed;
        // A task that failed to start holds back the next launch from the moment it fails, not only
        // once it has walked to STOPPED (which sets retryAt): else every step of that walk relaunched.
        boolean waiting = primary.retryAt != null && state.now().isBefore(primary.retryAt)
                || primary.tasks().stream().anyMatch(task -> "TaskFailedToStart".equals(task.stopCode));
        int toStart = waiting || "FAILED".equals(primary.rolloutState) ? 0 : Math.min(lacking, Math.max(room, 0));
        List<TaskEntry> started = new ArrayList<>();
        if (toStart > 0) {
            started.addAll(start(service, primary, toStart));
        }
        // Stop older deployments' running tasks, and displaced ones, while enough tasks stay RUNNING. A
        // task told to stop no longer counts as healthy, though it is RUNNING until it has wound down:
        // counted, the next pass stopped as many again, down to none.
        int minimumHealthy = (int) Math.ceil(desired * minimumPercent / 100.0);
        int healthy = primary.healthy() + older.stream().mapToInt(DeploymentEntry::healthy).sum();
        int stoppable = healthy - minimumHealthy;
        for (TaskEntry task : displaced) {
            if (task.isLive() && stoppable > 0) {
                stop(service, primary, task, stopped);
                stoppable--;
            }
        }
        for (DeploymentEntry deployment : older) {
            int kept = 0;
            for (TaskEntry task : List.copyOf(deployment.tasks())) {
                if (task.isLive() && stoppable > 0 && !draining && task.isProtectedAt(state.now())) {
                    kept++; // a deployment does not replace a protected task until its protection ends
                } else if (task.isLive() && stoppable > 0) {
                    stop(service, deployment, task, stopped);
                    stoppable--;
                }
            }
            if (kept > 0) {
                protectedFromScaleIn(service, deployment, kept);
            }
        }
        // Blocked by the percentages, that is: not a FAILED deployment (it starts nothing by design), and
        // not while stopped tasks are still winding down (their places come free when they have stopped).
        boolean windingDown = placed > primary.live() + olderLive;
        if (lacking > 0 && !waiting && toStart == 0 && started.isEmpty() && stopped.isEmpty() && olderLive > 0
                && older.stream().allMatch(d -> d.pending() == 0) && primary.pending() == 0
                && !"FAILED".equals(primary.rolloutState) && !windingDown) {
            problem(service, "(service " + service.name() + ") was unable to stop or start tasks during a deployment "
                    + "because of the service deployment configuration. Update the minimumHealthyPercent or "
                    + "maximumPercent value and try again.");
        }
        if (!started.isEmpty()) {
            event(service, "(service " + service.name() + ") has started " + started.size() + " tasks: " + taskList(started) + ".");
        }
        if (!stopped.isEmpty()) {
            event(service, "(service " + service.name() + ") has stopped " + stopped.size() + " running tasks: "
                    + taskList(stopped) + ".");
        }
        // Drop older deployments whose tasks have all stopped. One the circuit breaker FAILED stays in
        // view, ACTIVE and FAILED with its failedTasks, until the rollback that replaced it completes:
        // dropped at once, a deployer polling for its deployment's rolloutState never saw it fail.
        for (Iterator<DeploymentEntry> it = older.iterator(); it.hasNext(); ) {
            DeploymentEntry deployment = it.next();
            boolean failedInView = !draining && "FAILED".equals(deployment.rolloutState)
                    && "IN_PROGRESS".equals(primary.rolloutState);
            if (deployment.isDrained() && !failedInView) {
                it.remove();
            }
        }
        settle(service, desired, draining);
    }

    /**
     * A service whose deployments an outside deployer runs: each task set is brought to its computed
     * desired count on its own (no maximumPercent or minimumHealthyPercent between them, as the
     * deployer shifts traffic itself), a DRAINING one to none, and dropped once its tasks have stopped.
     */
    private void reconcileTaskSets(ServiceEntry service) {
        for (TaskSetEntry taskSet : service.taskSets) {
            List<TaskEntry> started = new ArrayList<>();
            List<TaskEntry> stopped = new ArrayList<>();
            DeploymentEntry deployment = taskSet.deployment;
            int computed = taskSet.computedDesiredCount();
            for (TaskEntry task : List.copyOf(deployment.tasks())) {
                if (task.isLive() && isDisplaced(task) && !task.isRunning()) {
                    stop(service, deployment, task, stopped);
                }
            }
            int excess = deployment.live() - computed;
            if (excess > 0) {
                deployment.tasks().stream().filter(TaskEntry::isLive)
                        .sorted(Comparator.comparing(TaskEntry::isRunning).thenComparing(TaskEntry::sequence, Comparator.reverseOrder()))
                        .limit(excess).toList()
                        .forEach(task -> stop(service, deployment, task, stopped));
            }
            boolean waiting = deployment.retryAt != null && state.now().isBefore(deployment.retryAt)
                    || deployment.tasks().stream().anyMatch(task -> "TaskFailedToStart".equals(task.stopCode));
            int lacking = computed - deployment.live();
            if (lacking > 0 && !waiting) {
                started.addAll(start(service, deployment, lacking));
            }
            boolean steady = deployment.running() == computed && deployment.live() == computed && deployment.pending() == 0;
            String stability = steady ? "STEADY_STATE" : "STABILIZING";
            if (!stability.equals(taskSet.stabilityStatus)) {
                taskSet.stabilityStatus = stability;
                taskSet.stabilityStatusAt = state.now();
                deployment.updatedAt = state.now();
            }
            // ECS names the task set in its events about one: "(service X, taskSet ecs-svc/N) has begun draining ...".
            String prefix = "(service " + service.name() + ", taskSet " + taskSet.id() + ")";
            if (!started.isEmpty()) {
                event(service, prefix + " has started " + started.size() + " tasks: " + taskList(started) + ".");
            }
            if (!stopped.isEmpty()) {
                event(service, prefix + " has stopped " + stopped.size() + " running tasks: " + taskList(stopped) + ".");
            }
        }
        for (Iterator<TaskSetEntry> it = service.taskSets.iterator(); it.hasNext(); ) {
            TaskSetEntry taskSet = it.next();
            if ("DRAINING".equals(taskSet.status) && taskSet.deployment.isDrained()) {
                it.remove();
                state.taskSetLifecycle().taskSetGone(taskSet);
            }
        }
        if ("DRAINING".equals(service.status)) {
            if (service.taskSets.stream().allMatch(set -> set.deployment.isWoundDown())) {
                state.serviceLifecycle().serviceInactive(service);
            }
            return;
        }
        boolean steady = service.taskSets.stream().allMatch(set -> "STEADY_STATE".equals(set.stabilityStatus));
        if (steady && !service.steady) {
            event(service, "(service " + service.name() + ") has reached a steady state.");
            service.lastProblem = null;
        }
        service.steady = steady;
    }

    private static boolean isDisplaced(TaskEntry task) {
        return task.placement != null && !task.placement.instance().isActive();
    }

    /**
     * A replica service's desired count; a daemon service's is one task per ACTIVE container instance
     * that can host it, and the service shows that number as its desired count.
     */
    private int desiredCount(ServiceEntry service) {
        if (!"DAEMON".equals(service.config.schedulingStrategyAsString())) {
            return service.config.desiredCount();
        }
        DeploymentEntry primary = service.primary();
        List<ClusterQuery> memberOf = memberOf(service, primary);
        int hosts = (int) state.containerInstances().inCluster(service.cluster.arn()).values().stream()
                .filter(ContainerInstanceEntry::isActive)
                .filter(instance -> InstancePlacement.hosts(instance, primary.launchType))
                .filter(instance -> memberOf.stream().allMatch(query -> query.matches(instance)))
                .count();
        if (service.config.desiredCount() == null || service.config.desiredCount() != hosts) {
            service.config = service.config.toBuilder().desiredCount(hosts).build();
        }
        return hosts;
    }

    private static List<ClusterQuery> memberOf(ServiceEntry service, DeploymentEntry deployment) {
        List<ClusterQuery> queries = new ArrayList<>();
        for (PlacementConstraint constraint : constraints(service, deployment)) {
            if ("memberOf".equals(constraint.typeAsString()) && constraint.expression() != null) {
                queries.add(ClusterQuery.parse(constraint.expression()));
            }
        }
        return queries;
    }

    /** The service's constraints and its task definition's; a daemon also places one task per instance. */
    private static List<PlacementConstraint> constraints(ServiceEntry service, DeploymentEntry deployment) {
        List<PlacementConstraint> constraints = new ArrayList<>(service.config.placementConstraints());
        constraints.addAll(deployment.definition.placementConstraints().stream()
                .map(c -> PlacementConstraint.builder().type(c.typeAsString()).expression(c.expression()).build()).toList());
        if ("DAEMON".equals(service.config.schedulingStrategyAsString())) {
            constraints.add(PlacementConstraint.builder().type("distinctInstance").build());
        }
        return constraints;
    }

    /** Completion, steady state and the end of draining, once the tasks match what is asked. */
    private void settle(ServiceEntry service, int desired, boolean draining) {
        DeploymentEntry primary = service.primary();
        if (draining) {
            // DeleteService: "After all tasks have transitioned to either STOPPING or STOPPED status, the
            // service status moves from DRAINING to INACTIVE."
            if (service.deployments.stream().allMatch(DeploymentEntry::isWoundDown)) {
                state.serviceLifecycle().serviceInactive(service);
            }
            return;
        }
        boolean steady = service.deployments.stream().skip(1).allMatch(DeploymentEntry::isDrained)
                && primary.running() == desired && primary.live() == desired && primary.pending() == 0;
        if (steady) {
            // What is left of older deployments is the FAILED one a rollback kept in view.
            service.deployments.subList(1, service.deployments.size()).clear();
        }
        if (steady && "IN_PROGRESS".equals(primary.rolloutState)) {
            service.lastCompleted = primary;
            primary.rolloutState = "COMPLETED";
            primary.rolloutStateReason = "ECS deployment " + primary.id + " completed.";
            primary.updatedAt = state.now();
            state.serviceLifecycle().deploymentCompleted(primary);
            event(service, "(service " + service.name() + ") (deployment " + primary.id + ") deployment completed.");
        }
        if (steady && !service.steady) {
            event(service, "(service " + service.name() + ") has reached a steady state.");
            service.lastProblem = null;
        }
        service.steady = steady;
    }

    private List<TaskEntry> start(ServiceEntry service, DeploymentEntry deployment, int count) {
        List<InstanceSlot> slots = null;
        if (!"FARGATE".equals(deployment.launchType)) {
            slots = place(service, deployment, count);
            count = slots.size();
        }
        List<String> providers = deployment.capacityProviderStrategy.isEmpty() ? null
                : Placement.pick(deployment.capacityProviderStrategy, providerCounts(deployment), count);
        List<TaskEntry> started = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String provider = providers == null ? null : providers.get(i);
            LaunchSpec spec = new LaunchSpec(deployment.definition, deployment.launchType, provider,
                    service.config.platformVersion(),
                    deployment.networkConfiguration == null ? null : deployment.networkConfiguration.awsvpcConfiguration(),
                    null, "service:" + service.name(), deployment.id, service.config.enableExecuteCommand(),
                    service.name(), deployment.id);
            TaskEntry task = state.launchTask(service.cluster, spec, state.serviceLifecycle().serviceTaskTags(service, deployment.definition),
                    slots == null ? null : slots.get(i));
            deployment.add(task);
            deployment.updatedAt = state.now();
            started.add(task);
        }
        return started;
    }

    /**
     * Places up to {@code count} tasks of the deployment on the cluster's container instances; what
     * cannot be placed is said in an event, as ECS says it, naming the closest instance and its lack.
     * Without a strategy of its own a service spreads across Availability Zones, then instances.
     */
    private List<InstanceSlot> place(ServiceEntry service, DeploymentEntry deployment, int count) {
        List<PlacementStrategy> strategy = service.config.placementStrategy().isEmpty()
                ? List.of(PlacementStrategy.builder().type("spread").field("attribute:ecs.availability-zone").build(),
                          PlacementStrategy.builder().type("spread").field("instanceId").build())
                : service.config.placementStrategy();
        InstancePlacement.Outcome outcome = InstancePlacement.place(state,
                state.containerInstances().inCluster(service.cluster.arn()).values(),
                new InstancePlacement.Demand(deployment.definition, null, deployment.launchType, constraints(service, deployment),
                        strategy, "service:" + service.name()), count);
        String unable = "(service " + service.name() + ") was unable to place a task because no container instance met all "
                + "of its requirements.";
        String guide = " For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.";
        if (outcome.noInstances() && !"DAEMON".equals(service.config.schedulingStrategyAsString())) {
            problem(service, unable + " Reason: " + Placement.NO_CONTAINER_INSTANCES + guide);
        } else if (outcome.slots().size() < count && !outcome.rejections().isEmpty()) {
            InstancePlacement.Rejection closest = outcome.rejections().stream()
                    .max(Comparator.comparingInt(rejection -> closeness(rejection.reason()))).orElseThrow();
            problem(service, unable + " The closest matching container-instance " + closest.instance().id() + " "
                    + lack(closest.reason()) + guide);
        }
        return outcome.slots();
    }

    /** How far an instance got through the checks before it failed: the furthest is the closest match. */
    private static int closeness(String reason) {
        return switch (reason) {
            case "RESOURCE:PORTS_UDP" -> 5;
            case "RESOURCE:PORTS" -> 4;
            case "RESOURCE:MEMORY" -> 3;
            case "RESOURCE:CPU" -> 2;
            case "DistinctInstance placement constraint unsatisfied." -> 1;
            default -> 0;
        };
    }

    private static String lack(String reason) {
        return switch (reason) {
            case "RESOURCE:CPU" -> "has insufficient CPU units available.";
            case "RESOURCE:MEMORY" -> "has insufficient memory available.";
            case "RESOURCE:PORTS", "RESOURCE:PORTS_UDP" -> "is already using a port required by your task.";
            default -> "encountered error \"" + reason + "\".";
        };
    }

    private static Map<String, Integer> providerCounts(DeploymentEntry deployment) {
        Map<String, Integer> counts = new HashMap<>();
        for (TaskEntry task : deployment.tasks()) {
            if (task.isLive() && task.capacityProviderName != null) {
                counts.merge(task.capacityProviderName, 1, Integer::sum);
            }
        }
        return counts;
    }

    private void stop(ServiceEntry service, DeploymentEntry deployment, TaskEntry task, List<TaskEntry> stopped) {
        if (state.stopTask(task, "ServiceSchedulerInitiated",
                "Scaling activity initiated by (deployment " + deployment.id + ")")) {
            deployment.updatedAt = state.now();
            stopped.add(task);
        }
    }

    /**
     * A task of the service entered a status: a stopped task leaves its deployment, one that failed to
     * start counts against the deployment and holds back its next launch; then reconcile.
     */
    void taskEntered(ServiceEntry service, TaskEntry task, String status) {
        if (TaskStatus.RUNNING.equals(status) && task.isLive()) {
            // Deployment.failedTasks counts "consecutively failed tasks": one that runs clears it.
            DeploymentConfiguration configuration = service.config.deploymentConfiguration();
            if (CircuitBreaker.resetsOnHealthyTask(configuration == null ? null : configuration.deploymentCircuitBreaker())) {
                service.deploymentOf(task.deploymentId).ifPresent(deployment -> deployment.failedTasks = 0);
            }
        }
        if (TaskStatus.STOPPED.equals(status)) {
            service.deploymentOf(task.deploymentId).ifPresent(deployment -> {
                deployment.forget(task);
                if ("TaskFailedToStart".equals(task.stopCode)) {
                    deployment.failedTasks++;
                    deployment.retryAt = state.now().plus(RELAUNCH_DELAY);
                    deployment.updatedAt = state.now();
                    state.timeline().at(deployment.retryAt, () -> request(service));
                    if (deployment.failedTasks >= 3) {
                        problem(service, "(service " + service.name() + ") is unable to consistently start tasks successfully.");
                    }
                }
            });
        }
        request(service);
    }

    /**
     * The deployment circuit breaker: once as many tasks of the PRIMARY deployment have failed to start
     * as its threshold (by default half the desired count, at least 3 and at most 200), the deployment FAILED;
     * with rollback, a new deployment of the last completed one takes over. True when it rolled back.
     */
    private boolean tripCircuitBreaker(ServiceEntry service, int desired) {
        DeploymentConfiguration configuration = service.config.deploymentConfiguration();
        DeploymentCircuitBreaker breaker = configuration == null ? null : configuration.deploymentCircuitBreaker();
        DeploymentEntry primary = service.primary();
        if (breaker == null || !Boolean.TRUE.equals(breaker.enable()) || !"IN_PROGRESS".equals(primary.rolloutState)) {
            return false;
        }
        if (primary.failedTasks < CircuitBreaker.threshold(breaker, desired)) {
            return false;
        }
        primary.rolloutState = "FAILED";
        primary.rolloutStateReason = "ECS deployment circuit breaker: tasks failed to start.";
        primary.updatedAt = state.now();
        event(service, "(service " + service.name() + ") (deployment " + primary.id + ") deployment failed: tasks failed to start.");
        DeploymentEntry target = service.lastCompleted;
        ServiceDeploymentEntry serviceDeployment = primary.serviceDeployment;
        if (serviceDeployment != null) {
            serviceDeployment.circuitBreakerStatus = "TRIGGERED";
        }
        if (!Boolean.TRUE.equals(breaker.rollback()) || target == null || target == primary) {
            if (serviceDeployment != null && serviceDeployment.isInProgress()) {
                // Unverified wording: ECS's reason for a deployment its circuit breaker failed without rollback.
                serviceDeployment.finish("STOPPED", "Service deployment failed: the deployment circuit breaker was triggered.",
                        state.now());
            }
            return false;
        }
        event(service, "(service " + service.name() + ") rolling back to deployment " + target.id + ".");
        DeploymentEntry rollback = state.serviceLifecycle().rollBack(service, target,
                "Service deployment rolled back because the circuit breaker threshold was exceeded.");
        rollback.rolloutStateReason = "ECS deployment circuit breaker: rolling back to deploymentId " + target.id + ".";
        return true;
    }

    /**
     * The event ECS writes when protected tasks hold back a scale-in, naming the deployment as the
     * task set it scales (text as seen in service events, e.g. aws-samples' task protection example:
     * "(service x, taskSet ecs-svc/...) was unable to scale in due to (reason 1 tasks under protection)").
     */
    private void protectedFromScaleIn(ServiceEntry service, DeploymentEntry deployment, int count) {
        problem(service, "(service " + service.name() + ", taskSet " + deployment.id + ") was unable to scale in due to (reason "
                + count + " tasks under protection)");
    }

    private void problem(ServiceEntry service, String message) {
        if (!message.equals(service.lastProblem)) {
            service.lastProblem = message;
            event(service, message);
        }
    }

    private void event(ServiceEntry service, String message) {
        service.addEvent(state.ids().uuid(), state.now(), message);
    }

    private static String taskList(List<TaskEntry> tasks) {
        return tasks.stream().map(task -> "(task " + task.id + ")").collect(Collectors.joining(" "));
    }
}
