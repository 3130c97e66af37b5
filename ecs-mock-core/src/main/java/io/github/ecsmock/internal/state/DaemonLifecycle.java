package io.github.ecsmock.internal.state;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.DaemonDeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinition;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * Daemon task definitions and daemons of one state: registering, deleting and releasing revisions,
 * and the daemon changes that each start a deployment (which {@link DaemonScheduler} carries out).
 */
public final class DaemonLifecycle {
    private final EcsState state;
    private final DaemonScheduler scheduler;

    DaemonLifecycle(EcsState state, DaemonScheduler scheduler) {
        this.state = state;
        this.scheduler = scheduler;
    }

    /**
     * The revision a reference means: {@code family} alone is the latest ACTIVE revision,
     * {@code family:revision} and an ARN name one revision whatever its status.
     */
    public Optional<DaemonTaskDefinition> findDaemonTaskDefinition(String reference) {
        if (reference == null || reference.isEmpty()) {
            return Optional.empty();
        }
        String text = reference;
        if (reference.startsWith("arn:")) {
            Optional<String> resource = state.arns().resourceOf(reference).filter(r -> r.startsWith("daemon-task-definition/"));
            if (resource.isEmpty()) {
                return Optional.empty();
            }
            text = resource.get().substring("daemon-task-definition/".length());
            if (text.indexOf(':') < 0) {
                return Optional.empty();
            }
        }
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            return state.daemonTaskDefinitions().latestActive(text);
        }
        try {
            return state.daemonTaskDefinitions().get(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Registers the next revision of a family; {@code definition} is completed with its revision and ARN. */
    public DaemonTaskDefinition registerDaemonTaskDefinition(DaemonTaskDefinition.Builder definition, String family) {
        int revision = state.daemonTaskDefinitions().nextRevision(family);
        DaemonTaskDefinition registered = definition.family(family).revision(revision)
                .daemonTaskDefinitionArn(state.arns().daemonTaskDefinition(family, revision))
                .status("ACTIVE").registeredAt(state.now()).registeredBy(state.arns().callerPrincipal()).build();
        state.daemonTaskDefinitions().put(registered);
        return registered;
    }

    /**
     * Marks a revision DELETE_IN_PROGRESS. It becomes DELETED one lifecycle step later, or once no
     * active daemon runs it any more, and is gone after the retention period.
     */
    public DaemonTaskDefinition deleteDaemonTaskDefinition(DaemonTaskDefinition definition) {
        DaemonTaskDefinition deleting = definition.toBuilder().status("DELETE_IN_PROGRESS").deleteRequestedAt(state.now()).build();
        state.daemonTaskDefinitions().put(deleting);
        state.timeline().at(state.now().plus(state.lifecycle().step()), this::releaseDaemonTaskDefinitions);
        return deleting;
    }

    /** Every DELETE_IN_PROGRESS daemon task definition that no active daemon runs becomes DELETED. */
    void releaseDaemonTaskDefinitions() {
        java.util.Set<String> inUse = new java.util.HashSet<>();
        for (DaemonEntry daemon : state.daemons().all().values()) {
            daemon.tasks.values().forEach(revision -> inUse.add(revision.daemonTaskDefinitionArn()));
            if (daemon.isActive() && daemon.current != null) {
                inUse.add(daemon.current.daemonTaskDefinitionArn());
            }
        }
        for (DaemonTaskDefinition definition : List.copyOf(state.daemonTaskDefinitions().all().values())) {
            if ("DELETE_IN_PROGRESS".equals(definition.statusAsString()) && !inUse.contains(definition.daemonTaskDefinitionArn())) {
                state.daemonTaskDefinitions().put(definition.toBuilder().status("DELETED").build());
                TaskDefinitionRegistry.Key key = new TaskDefinitionRegistry.Key(definition.family(), definition.revision());
                state.timeline().at(state.now().plus(EcsState.DELETED_TASK_DEFINITION_RETENTION), () -> {
                    state.daemonTaskDefinitions().remove(key);
                    state.tags().forget(definition.daemonTaskDefinitionArn());
                });
            }
        }
    }

    /** Adds a daemon with its first revision and deployment, which starts its tasks. */
    public DaemonEntry addDaemon(ClusterEntry cluster, String name, String clientToken, DaemonSpec spec,
                                 DaemonDeploymentConfiguration configuration, List<Tag> daemonTags) {
        DaemonEntry daemon = new DaemonEntry(state.nextSequence(), name, state.arns().daemon(cluster.name(), name), cluster, state.now(), clientToken);
        state.daemons().add(daemon);
        state.tags().forget(daemon.arn());
        state.tags().add(daemon.arn(), daemonTags);
        scheduler.deploy(daemon, scheduler.revision(daemon, spec), configuration);
        return daemon;
    }

    /** A new revision and a deployment to it; a deployment still in progress is STOPPED. */
    public DaemonDeploymentEntry updateDaemon(DaemonEntry daemon, DaemonSpec spec, DaemonDeploymentConfiguration configuration) {
        DaemonDeploymentEntry deployment = scheduler.deploy(daemon, scheduler.revision(daemon, spec), configuration);
        releaseDaemonTaskDefinitions();
        return deployment;
    }

    /** DELETE_IN_PROGRESS, and a deployment that stops every task of the daemon. */
    public DaemonDeploymentEntry deleteDaemon(DaemonEntry daemon) {
        daemon.status = DaemonEntry.DELETE_IN_PROGRESS;
        DaemonDeploymentConfiguration configuration = daemon.latestDeployment() == null
                ? DaemonDeploymentConfiguration.builder().build() : daemon.latestDeployment().configuration;
        return scheduler.deploy(daemon, null, configuration);
    }
}
