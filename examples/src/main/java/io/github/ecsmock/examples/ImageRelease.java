package io.github.ecsmock.examples;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/**
 * A small piece of release tooling, the kind of code a team writes around ECS and wants to test: it
 * makes sure a cluster exists, publishes a new image as a new task definition revision that differs
 * from the current one only by that image, and retires old revisions. It knows nothing of the mock;
 * its tests hand it an {@code EcsClient} that points at one.
 */
public final class ImageRelease {
    private final EcsClient ecs;

    public ImageRelease(EcsClient ecs) {
        this.ecs = ecs;
    }

    /** The ARN of the ACTIVE cluster of that name, created when it is missing or was deleted. */
    public String ensureCluster(String name) {
        List<Cluster> clusters = ecs.describeClusters(r -> r.clusters(name)).clusters();
        if (!clusters.isEmpty() && "ACTIVE".equals(clusters.get(0).status())) {
            return clusters.get(0).clusterArn();
        }
        return ecs.createCluster(r -> r.clusterName(name)).cluster().clusterArn();
    }

    /** Registers the first revision of a family from a template, unless the family has an ACTIVE one already. */
    public TaskDefinition bootstrap(RegisterTaskDefinitionRequest template) {
        List<String> active = ecs.listTaskDefinitions(r -> r.familyPrefix(template.family()).maxResults(1)).taskDefinitionArns();
        if (!active.isEmpty()) {
            return ecs.describeTaskDefinition(r -> r.taskDefinition(template.family())).taskDefinition();
        }
        return ecs.registerTaskDefinition(template).taskDefinition();
    }

    /**
     * Registers a new revision of {@code family} whose container {@code container} runs {@code image};
     * everything else is copied from the latest ACTIVE revision.
     *
     * @throws IllegalArgumentException when the definition has no such container
     */
    public TaskDefinition release(String family, String container, String image) {
        TaskDefinition current = ecs.describeTaskDefinition(r -> r.taskDefinition(family)).taskDefinition();
        if (current.containerDefinitions().stream().noneMatch(c -> c.name().equals(container))) {
            throw new IllegalArgumentException("Task definition " + family + " has no container named " + container);
        }
        List<ContainerDefinition> containers = new ArrayList<>();
        for (ContainerDefinition definition : current.containerDefinitions()) {
            containers.add(definition.name().equals(container) ? definition.toBuilder().image(image).build() : definition);
        }
        return ecs.registerTaskDefinition(r -> r
                .family(family)
                .containerDefinitions(containers)
                .networkMode(current.networkMode())
                .requiresCompatibilities(current.requiresCompatibilities())
                .cpu(current.cpu())
                .memory(current.memory())
                .executionRoleArn(current.executionRoleArn())
                .taskRoleArn(current.taskRoleArn())
                .volumes(current.volumes())).taskDefinition();
    }

    /** Deregisters every ACTIVE revision of {@code family} but the newest {@code keep}; returns their ARNs. */
    public List<String> retireOldRevisions(String family, int keep) {
        List<String> retired = new ArrayList<>();
        List<String> newestFirst = ecs.listTaskDefinitionsPaginator(r -> r.familyPrefix(family)
                        .status(TaskDefinitionStatus.ACTIVE).sort(SortOrder.DESC))
                .taskDefinitionArns().stream().toList();
        for (String arn : newestFirst.subList(Math.min(keep, newestFirst.size()), newestFirst.size())) {
            ecs.deregisterTaskDefinition(r -> r.taskDefinition(arn));
            retired.add(arn);
        }
        return retired;
    }
}
