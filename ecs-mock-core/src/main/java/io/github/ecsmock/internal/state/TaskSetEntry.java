package io.github.ecsmock.internal.state;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.Scale;
import software.amazon.awssdk.services.ecs.model.ServiceRegistry;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskSet;

/**
 * One task set of a service with an EXTERNAL deployment controller: what an outside deployer (not ECS)
 * asked to run, at a scale that is a percentage of the service's desired count. Its tasks are kept by a
 * {@link DeploymentEntry} of the same id, so the scheduler starts and stops them as it does a
 * deployment's, and they are {@code startedBy} the task set id.
 */
public final class TaskSetEntry {
    final String arn;
    final ServiceEntry service;
    final DeploymentEntry deployment;
    final String externalId;
    final List<LoadBalancer> loadBalancers;
    final List<ServiceRegistry> serviceRegistries;
    Scale scale;
    /** ACTIVE when made, PRIMARY once UpdateServicePrimaryTaskSet names it, DRAINING once deleted. */
    String status = "ACTIVE";
    String stabilityStatus = "STABILIZING";
    Instant stabilityStatusAt;

    TaskSetEntry(String arn, ServiceEntry service, DeploymentEntry deployment, String externalId, Scale scale,
                 List<LoadBalancer> loadBalancers, List<ServiceRegistry> serviceRegistries) {
        this.arn = arn;
        this.service = service;
        this.deployment = deployment;
        this.externalId = externalId;
        this.scale = scale;
        this.loadBalancers = loadBalancers;
        this.serviceRegistries = serviceRegistries;
        this.stabilityStatusAt = deployment.createdAt;
        deployment.status = status;
    }

    public String id() {
        return deployment.id;
    }

    public String arn() {
        return arn;
    }

    public String status() {
        return status;
    }

    public Scale scale() {
        return scale;
    }

    public ServiceEntry service() {
        return service;
    }

    /**
     * The service's desired count times the scale, rounded up (ECS: "if the computed desired count is
     * 1.2, it rounds up to 2 tasks"); nothing once the task set or its service is draining.
     */
    int computedDesiredCount() {
        if ("DRAINING".equals(status) || !"ACTIVE".equals(service.status)) {
            return 0;
        }
        Integer desired = service.config.desiredCount();
        if (desired == null || scale == null || scale.value() == null) {
            return 0;
        }
        return BigDecimal.valueOf(scale.value()).multiply(BigDecimal.valueOf(desired))
                .divide(BigDecimal.valueOf(100)).setScale(0, RoundingMode.CEILING).intValueExact();
    }

    /** The task set as DescribeTaskSets and DescribeServices show it. */
    public TaskSet toTaskSet(List<Tag> tags) {
        TaskSet.Builder taskSet = TaskSet.builder()
                .id(deployment.id)
                .taskSetArn(arn)
                .serviceArn(service.arn())
                .clusterArn(service.clusterArn())
                .externalId(externalId)
                .status(status)
                .taskDefinition(deployment.taskDefinitionArn())
                .computedDesiredCount(computedDesiredCount())
                .pendingCount(deployment.pending())
                .runningCount(deployment.running())
                .createdAt(deployment.createdAt)
                .updatedAt(deployment.updatedAt)
                .platformVersion(deployment.platformVersion)
                .platformFamily(deployment.platformFamily)
                .networkConfiguration(deployment.networkConfiguration)
                .loadBalancers(loadBalancers)
                .serviceRegistries(serviceRegistries)
                .scale(scale)
                .stabilityStatus(stabilityStatus)
                .stabilityStatusAt(stabilityStatusAt)
                .tags(tags);
        if (deployment.capacityProviderStrategy.isEmpty()) {
            taskSet.launchType(deployment.launchType);
        } else {
            taskSet.capacityProviderStrategy(deployment.capacityProviderStrategy);
        }
        return taskSet.build();
    }
}
