package io.github.ecsmock.internal.state;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.DaemonContainerImage;
import software.amazon.awssdk.services.ecs.model.DaemonRevision;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * One revision of a daemon: the snapshot of its configuration that a CreateDaemon or UpdateDaemon
 * deployed. Immutable, as ECS documents revisions to be; the tasks of a daemon each run one revision.
 */
public final class DaemonRevisionEntry {
    final String id;
    final String arn;
    final DaemonEntry daemon;
    final DaemonTaskDefinition definition;
    /** The daemon task definition in the form the task launcher and placement work with. */
    final TaskDefinition taskDefinition;
    final List<String> capacityProviderArns;
    final Instant createdAt;
    final String propagateTags;
    final boolean enableECSManagedTags;
    final boolean enableExecuteCommand;
    final boolean critical;
    final List<DaemonContainerImage> containerImages;

    DaemonRevisionEntry(String id, String arn, DaemonEntry daemon, DaemonTaskDefinition definition, TaskDefinition taskDefinition,
                        List<String> capacityProviderArns, Instant createdAt, String propagateTags, boolean enableECSManagedTags,
                        boolean enableExecuteCommand, boolean critical, List<DaemonContainerImage> containerImages) {
        this.id = id;
        this.arn = arn;
        this.daemon = daemon;
        this.definition = definition;
        this.taskDefinition = taskDefinition;
        this.capacityProviderArns = List.copyOf(capacityProviderArns);
        this.createdAt = createdAt;
        this.propagateTags = propagateTags;
        this.enableECSManagedTags = enableECSManagedTags;
        this.enableExecuteCommand = enableExecuteCommand;
        this.critical = critical;
        this.containerImages = List.copyOf(containerImages);
    }

    public String arn() {
        return arn;
    }

    public boolean critical() {
        return critical;
    }

    public String daemonTaskDefinitionArn() {
        return definition.daemonTaskDefinitionArn();
    }

    public DaemonRevision toDaemonRevision() {
        return DaemonRevision.builder()
                .daemonRevisionArn(arn)
                .clusterArn(daemon.cluster.arn())
                .daemonArn(daemon.arn)
                .daemonTaskDefinitionArn(definition.daemonTaskDefinitionArn())
                .createdAt(createdAt)
                .containerImages(containerImages)
                .propagateTags(propagateTags)
                .enableECSManagedTags(enableECSManagedTags)
                .enableExecuteCommand(enableExecuteCommand)
                .critical(critical)
                .build();
    }
}
