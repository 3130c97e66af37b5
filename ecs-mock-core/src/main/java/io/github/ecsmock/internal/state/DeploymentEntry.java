package io.github.ecsmock.internal.state;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.ServiceConnectConfiguration;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * One deployment of a service: a task definition and launch configuration, and the tasks started for
 * it that have not yet stopped. The newest deployment is PRIMARY; older ones are ACTIVE until their
 * tasks are replaced, then they are dropped.
 */
public final class DeploymentEntry {
    final String id;
    final TaskDefinition definition;
    final String launchType;
    final List<CapacityProviderStrategyItem> capacityProviderStrategy;
    final String platformVersion;
    final String platformFamily;
    final NetworkConfiguration networkConfiguration;
    final ServiceConnectConfiguration serviceConnectConfiguration;
    final Instant createdAt;
    String status = "PRIMARY";
    Instant updatedAt;
    String rolloutState = "IN_PROGRESS";
    String rolloutStateReason;
    int failedTasks;
    /** After a task failed to start, the scheduler launches no more for this deployment before this time. */
    Instant retryAt;
    /** The service revision this deployment runs (a rollback runs an older one again). */
    String revisionArn;
    /** The service deployment that made this deployment, or that rolls back to it; null for a task set. */
    ServiceDeploymentEntry serviceDeployment;
    private final Map<String, TaskEntry> tasks = new LinkedHashMap<>();

    DeploymentEntry(String id, TaskDefinition definition, String launchType,
                    List<CapacityProviderStrategyItem> capacityProviderStrategy, String platformVersion,
                    String platformFamily, NetworkConfiguration networkConfiguration,
                    ServiceConnectConfiguration serviceConnectConfiguration, Instant createdAt) {
        this.id = id;
        this.definition = definition;
        this.launchType = launchType;
        this.capacityProviderStrategy = capacityProviderStrategy;
        this.platformVersion = platformVersion;
        this.platformFamily = platformFamily;
        this.networkConfiguration = networkConfiguration;
        this.serviceConnectConfiguration = serviceConnectConfiguration;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.rolloutStateReason = "ECS deployment " + id + " in progress.";
    }

    public String id() {
        return id;
    }

    public String status() {
        return status;
    }

    /** What this deployment runs, for a rollback to run it again. */
    DeploymentSpec spec() {
        return new DeploymentSpec(definition, launchType, capacityProviderStrategy, platformVersion, platformFamily,
                networkConfiguration, serviceConnectConfiguration);
    }

    public TaskDefinition definition() {
        return definition;
    }

    public String launchType() {
        return launchType;
    }

    /** The Service Connect configuration this deployment runs with, or null. */
    public ServiceConnectConfiguration serviceConnectConfiguration() {
        return serviceConnectConfiguration;
    }

    /** The service deployment that moved the service to this deployment, or null (EXTERNAL services have none). */
    public ServiceDeploymentEntry serviceDeployment() {
        return serviceDeployment;
    }

    public String revisionArn() {
        return revisionArn;
    }

    public String taskDefinitionArn() {
        return definition.taskDefinitionArn();
    }

    void add(TaskEntry task) {
        tasks.put(task.id, task);
    }

    void forget(TaskEntry task) {
        tasks.remove(task.id);
    }

    /** The tasks of this deployment that have not reached STOPPED, in launch order (read-only). */
    Collection<TaskEntry> tasks() {
        return Collections.unmodifiableCollection(tasks.values());
    }

    /** Tasks meant to run: pending or running, not told to stop. */
    int live() {
        int count = 0;
        for (TaskEntry task : tasks.values()) {
            if (task.isLive()) {
                count++;
            }
        }
        return count;
    }

    /** Tasks RUNNING and meant to stay so: what minimumHealthyPercent counts. */
    int healthy() {
        int count = 0;
        for (TaskEntry task : tasks.values()) {
            if (task.isLive() && task.isRunning()) {
                count++;
            }
        }
        return count;
    }

    /** Tasks not yet STOPPED, those told to stop and winding down included: what maximumPercent counts. */
    int notStopped() {
        int count = 0;
        for (TaskEntry task : tasks.values()) {
            if (!task.isStopped()) {
                count++;
            }
        }
        return count;
    }

    int running() {
        int count = 0;
        for (TaskEntry task : tasks.values()) {
            if (task.isRunning()) {
                count++;
            }
        }
        return count;
    }

    int pending() {
        int count = 0;
        for (TaskEntry task : tasks.values()) {
            if (task.isLive() && TaskStatus.isPending(task.lastStatus)) {
                count++;
            }
        }
        return count;
    }

    boolean isDrained() {
        return tasks.isEmpty();
    }

    /** Whether every task it still has has reached STOPPING: what a deleted service waits for to be INACTIVE. */
    boolean isWoundDown() {
        for (TaskEntry task : tasks.values()) {
            if (!TaskStatus.isStoppingOrLater(task.lastStatus)) {
                return false;
            }
        }
        return true;
    }

    /** The deployment as DescribeServices shows it; {@code desiredCount} is what it is asked to run now. */
    Deployment toDeployment(int desiredCount) {
        Deployment.Builder deployment = Deployment.builder()
                .id(id)
                .status(status)
                .taskDefinition(definition.taskDefinitionArn())
                .desiredCount(desiredCount)
                .pendingCount(pending())
                .runningCount(running())
                .failedTasks(failedTasks)
                .createdAt(createdAt)
                .updatedAt(updatedAt)
                .platformVersion(platformVersion)
                .platformFamily(platformFamily)
                .networkConfiguration(networkConfiguration)
                .serviceConnectConfiguration(serviceConnectConfiguration)
                .rolloutState(rolloutState)
                .rolloutStateReason(rolloutStateReason);
        if (capacityProviderStrategy.isEmpty()) {
            deployment.launchType(launchType);
        } else {
            deployment.capacityProviderStrategy(capacityProviderStrategy);
        }
        return deployment.build();
    }
}
