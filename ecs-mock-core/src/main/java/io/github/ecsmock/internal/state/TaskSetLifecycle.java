package io.github.ecsmock.internal.state;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.Scale;

/**
 * Task sets: the deployments of a service whose deployment controller is CODE_DEPLOY or EXTERNAL.
 * That controller, not ECS, decides which set is PRIMARY and how many tasks each runs; the service's
 * scheduler carries it out.
 */
public final class TaskSetLifecycle {
    private final EcsState state;
    private final ServiceScheduler scheduler;

    TaskSetLifecycle(EcsState state, ServiceScheduler scheduler) {
        this.state = state;
        this.scheduler = scheduler;
    }

    /** Adds an ACTIVE task set to the service; the scheduler starts its share of the service's tasks. */
    public TaskSetEntry createTaskSet(ServiceEntry service, DeploymentSpec spec, String externalId, Scale scale,
                                      List<LoadBalancer> loadBalancers, List<software.amazon.awssdk.services.ecs.model.ServiceRegistry> registries) {
        DeploymentEntry deployment = new DeploymentEntry(state.ids().deploymentId(), spec.definition(), spec.launchType(),
                spec.capacityProviderStrategy(), spec.platformVersion(), spec.platformFamily(), spec.networkConfiguration(),
                spec.serviceConnectConfiguration(), state.now());
        TaskSetEntry taskSet = new TaskSetEntry(state.arns().taskSet(service.cluster.name(), service.name(), deployment.id), service,
                deployment, externalId, scale, loadBalancers, registries);
        service.taskSets.add(taskSet);
        service.steady = false;
        state.serviceLifecycle().track(deployment, service);
        scheduler.request(service);
        return taskSet;
    }

    public void scaleTaskSet(TaskSetEntry taskSet, Scale scale) {
        taskSet.scale = scale;
        taskSet.deployment.updatedAt = state.now();
        scheduler.request(taskSet.service);
    }

    /** The task set becomes PRIMARY; the one that was PRIMARY becomes ACTIVE. */
    public void makePrimary(TaskSetEntry taskSet) {
        for (TaskSetEntry other : taskSet.service.taskSets) {
            if (other != taskSet && "PRIMARY".equals(other.status)) {
                other.status = "ACTIVE";
                other.deployment.status = "ACTIVE";
                other.deployment.updatedAt = state.now();
            }
        }
        taskSet.status = "PRIMARY";
        taskSet.deployment.status = "PRIMARY";
        taskSet.deployment.updatedAt = state.now();
    }

    /** DRAINING: its tasks stop, then it is gone. */
    public void deleteTaskSet(TaskSetEntry taskSet) {
        taskSet.status = "DRAINING";
        taskSet.deployment.status = "DRAINING";
        taskSet.deployment.updatedAt = state.now();
        scheduler.request(taskSet.service);
    }

    void taskSetGone(TaskSetEntry taskSet) {
        state.tags().forget(taskSet.arn);
    }

    /** The task set an ARN names, in an ACTIVE or DRAINING service. */
    public Optional<TaskSetEntry> taskSetByArn(String arn) {
        return state.arns().resourceOf(arn).filter(resource -> resource.startsWith("task-set/")).flatMap(resource -> {
            String[] parts = resource.split("/", 4);
            if (parts.length < 4) {
                return Optional.empty();
            }
            return state.clusters().byName(parts[1]).flatMap(cluster -> state.services().byName(cluster.arn(), parts[2]))
                    .filter(service -> !"INACTIVE".equals(service.status))
                    .flatMap(service -> service.taskSet(parts[3]))
                    .filter(taskSet -> taskSet.arn.equals(arn));
        });
    }
}
