package io.github.ecsmock.internal.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DaemonContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DaemonContainerImage;
import software.amazon.awssdk.services.ecs.model.DaemonDeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinition;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Keeps each daemon at one task per ACTIVE container instance of its cluster, and moves its
 * deployments along as those tasks start and stop. A daemon deployment replaces the tasks of older
 * revisions instance by instance: the new task is placed once the old one there has stopped, so the
 * two never compete for the instance's room. A daemon task that stops while its revision is current
 * is started again after {@link #RESTART_DELAY}, so a task that can never start does not loop.
 *
 * <p>Which instances a daemon covers: the mock registers container instances without a capacity
 * provider, so an instance counts for a daemon when it has no capacity provider or one the daemon
 * names, and is counted under that provider (or the daemon's first one).
 */
final class DaemonScheduler {
    /** How long a crashed daemon task waits before it is started again. ECS documents no period. */
    static final Duration RESTART_DELAY = Duration.ofSeconds(30);

    /** How long a deleted daemon stays describable as DELETE_IN_PROGRESS after its tasks stopped. Not documented. */
    static final Duration DELETED_DAEMON_RETENTION = Duration.ofHours(1);

    /** Why the scheduler stops daemon tasks. Unverified wording, in the style of service task stops. */
    static final String REPLACED_REASON = "Task replaced by a new daemon revision.";
    static final String DELETED_REASON = "Daemon deleted.";

    private final EcsState state;

    DaemonScheduler(EcsState state) {
        this.state = state;
    }

    DaemonRevisionEntry revision(DaemonEntry daemon, DaemonSpec spec) {
        Ids ids = state.ids();
        String id = String.format("%019d", ids.nextLong() & Long.MAX_VALUE);
        List<DaemonContainerImage> images = new ArrayList<>();
        for (DaemonContainerDefinition container : spec.definition().containerDefinitions()) {
            images.add(DaemonContainerImage.builder().containerName(container.name()).image(container.image())
                    .imageDigest(ImageDigests.of(container.image())).build());
        }
        DaemonRevisionEntry revision = new DaemonRevisionEntry(id,
                state.arns().daemonRevision(daemon.cluster.name(), daemon.name, id), daemon, spec.definition(),
                asTaskDefinition(spec.definition()), spec.capacityProviderArns(), state.now(), spec.propagateTags(),
                spec.enableECSManagedTags(), spec.enableExecuteCommand(), spec.critical(), images);
        state.daemons().addRevision(revision);
        return revision;
    }

    /** Starts a deployment to {@code target} (null: drain everything); one still in progress is STOPPED. */
    DaemonDeploymentEntry deploy(DaemonEntry daemon, DaemonRevisionEntry target, DaemonDeploymentConfiguration configuration) {
        for (DaemonDeploymentEntry previous : daemon.deployments) {
            if (previous.isInProgress()) {
                previous.status = DaemonDeploymentEntry.STOPPED;
                previous.statusReason = "Stopped because a newer deployment of the daemon started.";
                previous.stoppedAt = state.now();
            }
        }
        Set<DaemonRevisionEntry> sources = new LinkedHashSet<>(daemon.tasks.values());
        if (daemon.current != null && daemon.current != target) {
            sources.add(daemon.current);
        }
        sources.remove(target);
        String id = state.ids().alphanumeric(16);
        DaemonDeploymentEntry deployment = new DaemonDeploymentEntry(id,
                state.arns().daemonDeployment(daemon.cluster.name(), daemon.name, id), daemon, target, new ArrayList<>(sources),
                configuration, state.now());
        daemon.deployments.add(0, deployment);
        state.daemons().addDeployment(deployment);
        if (target != null) {
            daemon.current = target;
        }
        daemon.updatedAt = state.now();
        daemon.withoutDaemon.clear();
        reconcile(daemon);
        return deployment;
    }

    /** Brings the daemons of a cluster in line, after an instance joined or came back to ACTIVE. */
    void reconcileCluster(String clusterArn) {
        for (DaemonEntry daemon : List.copyOf(state.daemons().all().values())) {
            if (daemon.cluster.arn().equals(clusterArn)) {
                reconcile(daemon);
            }
        }
    }

    void reconcile(DaemonEntry daemon) {
        if (!daemon.isActive()) {
            for (TaskEntry task : List.copyOf(daemon.tasks.keySet())) {
                state.stopTask(task, "ServiceSchedulerInitiated", DELETED_REASON);
            }
            progress(daemon);
            return;
        }
        DaemonRevisionEntry target = daemon.current;
        for (Map.Entry<TaskEntry, DaemonRevisionEntry> entry : List.copyOf(daemon.tasks.entrySet())) {
            if (entry.getValue() != target) {
                state.stopTask(entry.getKey(), "ServiceSchedulerInitiated", REPLACED_REASON);
            }
        }
        for (ContainerInstanceEntry instance : covered(daemon)) {
            if (daemon.tasks.keySet().stream().anyMatch(task -> task.placement.instance() == instance)) {
                continue; // its task runs, or an old one there is still stopping
            }
            launchOn(daemon, instance);
        }
        progress(daemon);
    }

    private void launchOn(DaemonEntry daemon, ContainerInstanceEntry instance) {
        DaemonRevisionEntry revision = daemon.current;
        String launchType = InstancePlacement.hosts(instance, "EXTERNAL") ? "EXTERNAL" : "EC2";
        String group = "daemon:" + daemon.name;
        InstancePlacement.Outcome outcome = InstancePlacement.placeOn(state,
                instance, new InstancePlacement.Demand(revision.taskDefinition, null, launchType, List.of(), List.of(), group));
        if (outcome.slots().isEmpty()) {
            daemon.withoutDaemon.add(instance);
            return;
        }
        daemon.withoutDaemon.remove(instance);
        String provider = daemon.providerOf(revision, instance);
        LaunchSpec spec = new LaunchSpec(revision.taskDefinition, launchType, provider.substring(provider.lastIndexOf('/') + 1),
                null, null, null, group, daemon.latestDeployment().id, revision.enableExecuteCommand, null, null);
        List<Tag> taskTags = new ArrayList<>();
        if ("DAEMON".equals(revision.propagateTags)) {
            taskTags.addAll(state.tags().tagsOf(daemon.arn));
        }
        if (revision.enableECSManagedTags) {
            // Unverified: modelled on the managed tags of service tasks.
            taskTags.add(Tag.builder().key("aws:ecs:clusterName").value(daemon.cluster.name()).build());
            taskTags.add(Tag.builder().key("aws:ecs:daemonName").value(daemon.name).build());
        }
        TaskEntry task = state.launchTask(daemon.cluster, spec, taskTags, outcome.slots().get(0));
        if (TaskStatus.STOPPED.equals(task.lastStatus)) {
            restartLater(daemon); // it failed to start before the daemon could see it stop
            return;
        }
        daemon.tasks.put(task, revision);
        state.daemons().addTask(task, daemon);
    }

    /** The ACTIVE instances of the daemon's cluster it runs on. */
    private List<ContainerInstanceEntry> covered(DaemonEntry daemon) {
        List<ContainerInstanceEntry> covered = new ArrayList<>();
        for (ContainerInstanceEntry instance : state.containerInstances().inCluster(daemon.cluster.arn()).values()) {
            if (instance.isActive() && (instance.capacityProviderName == null || daemon.current.capacityProviderArns.stream()
                    .anyMatch(provider -> provider.endsWith("/" + instance.capacityProviderName)))) {
                covered.add(instance);
            }
        }
        return covered;
    }

    /** A task of some daemon changed status: count it, and replace or restart when it stopped. */
    void taskEntered(TaskEntry task, String to) {
        DaemonEntry daemon = state.daemons().ofTask(task);
        if (daemon == null) {
            return;
        }
        if (TaskStatus.STOPPED.equals(to)) {
            state.daemons().removeTask(task);
            DaemonRevisionEntry revision = daemon.tasks.remove(task);
            if (daemon.isActive() && revision == daemon.current) {
                restartLater(daemon);
            } else {
                reconcile(daemon);
                return;
            }
        }
        progress(daemon);
    }

    private void restartLater(DaemonEntry daemon) {
        state.timeline().at(state.now().plus(RESTART_DELAY), () -> {
            if (state.daemons().byArn(daemon.arn).orElse(null) == daemon) {
                reconcile(daemon);
            }
        });
    }

    /** Ends the newest deployment once the daemon's tasks are what it asked for. */
    private void progress(DaemonEntry daemon) {
        DaemonDeploymentEntry deployment = daemon.latestDeployment();
        if (deployment == null || !deployment.isInProgress()) {
            return;
        }
        boolean done;
        if (deployment.target == null) {
            done = daemon.tasks.isEmpty();
        } else {
            done = daemon.tasks.values().stream().allMatch(revision -> revision == deployment.target)
                    && covered(daemon).stream().allMatch(instance -> daemon.withoutDaemon.contains(instance)
                    || daemon.tasks.keySet().stream().anyMatch(task -> task.placement.instance() == instance && task.isRunning()));
        }
        if (!done) {
            return;
        }
        deployment.status = DaemonDeploymentEntry.SUCCESSFUL;
        deployment.finishedAt = state.now();
        if (deployment.target == null) {
            state.timeline().at(state.now().plus(DELETED_DAEMON_RETENTION), () -> {
                state.daemons().expire(daemon);
                if (state.daemons().byArn(daemon.arn).isEmpty()) {
                    state.tags().forget(daemon.arn);
                }
            });
        }
        state.daemonLifecycle().releaseDaemonTaskDefinitions();
    }

    /** The daemon task definition as a task definition, which is what tasks run and placement measures. */
    static TaskDefinition asTaskDefinition(DaemonTaskDefinition definition) {
        List<ContainerDefinition> containers = new ArrayList<>();
        for (DaemonContainerDefinition container : definition.containerDefinitions()) {
            containers.add(ContainerDefinition.builder()
                    .name(container.name())
                    .image(container.image())
                    .cpu(container.cpu())
                    .memory(container.memory())
                    .memoryReservation(container.memoryReservation())
                    .essential(container.essential())
                    .entryPoint(container.entryPoint())
                    .command(container.command())
                    .workingDirectory(container.workingDirectory())
                    .environment(container.environment())
                    .environmentFiles(container.environmentFiles())
                    .secrets(container.secrets())
                    .mountPoints(container.mountPoints())
                    .logConfiguration(container.logConfiguration())
                    .healthCheck(container.healthCheck())
                    .privileged(container.privileged())
                    .readonlyRootFilesystem(container.readonlyRootFilesystem())
                    .user(container.user())
                    .dependsOn(container.dependsOn())
                    .startTimeout(container.startTimeout())
                    .stopTimeout(container.stopTimeout())
                    .interactive(container.interactive())
                    .pseudoTerminal(container.pseudoTerminal())
                    .build());
        }
        return TaskDefinition.builder()
                .taskDefinitionArn(definition.daemonTaskDefinitionArn())
                .family(definition.family())
                .revision(definition.revision())
                .taskRoleArn(definition.taskRoleArn())
                .executionRoleArn(definition.executionRoleArn())
                .containerDefinitions(containers)
                .cpu(definition.cpu())
                .memory(definition.memory())
                .status("ACTIVE")
                .build();
    }
}
