package io.github.ecsmock.examples;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceStatus;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/**
 * Takes a container instance out of an EC2 cluster without losing service capacity, as an
 * operator's maintenance tool does before patching or replacing a host: refuse if tasks that belong
 * to no service run there (nobody would restart them), drain it, wait until its services have
 * started their tasks elsewhere and stopped the ones on it, then deregister it.
 */
public final class InstanceRetirement {
    private static final String SERVICE_GROUP = "service:";

    private final EcsClient ecs;
    private final EcsWaiter waiter;

    public InstanceRetirement(EcsClient ecs, EcsWaiter waiter) {
        this.ecs = ecs;
        this.waiter = waiter;
    }

    /** Drains and deregisters the instance; answers it as ECS last described it (INACTIVE). */
    public ContainerInstance retire(String cluster, String containerInstance) {
        List<Task> onInstance = tasksOn(cluster, containerInstance);
        List<String> standalone = onInstance.stream().filter(task -> !task.group().startsWith(SERVICE_GROUP))
                .map(Task::taskArn).toList();
        if (!standalone.isEmpty()) {
            throw new IllegalStateException("Not retiring " + containerInstance + ": it runs " + standalone.size()
                    + " task(s) of no service: " + standalone);
        }
        var drained = ecs.updateContainerInstancesState(r -> r.cluster(cluster).containerInstances(containerInstance)
                .status(ContainerInstanceStatus.DRAINING));
        if (!drained.failures().isEmpty()) {
            throw new IllegalStateException("Cannot drain " + containerInstance + ": " + drained.failures().get(0).reason());
        }
        Set<String> services = new LinkedHashSet<>();
        List<String> moving = new ArrayList<>();
        for (Task task : onInstance) {
            services.add(task.group().substring(SERVICE_GROUP.length()));
            moving.add(task.taskArn());
        }
        if (!moving.isEmpty()) {
            waiter.waitUntilTasksStopped(r -> r.cluster(cluster).tasks(moving));
            waiter.waitUntilServicesStable(r -> r.cluster(cluster).services(services));
        }
        return ecs.deregisterContainerInstance(r -> r.cluster(cluster).containerInstance(containerInstance)).containerInstance();
    }

    private List<Task> tasksOn(String cluster, String containerInstance) {
        List<String> arns = ecs.listTasksPaginator(r -> r.cluster(cluster).containerInstance(containerInstance)).taskArns()
                .stream().toList();
        List<Task> tasks = new ArrayList<>();
        for (int from = 0; from < arns.size(); from += 100) {
            List<String> batch = arns.subList(from, Math.min(arns.size(), from + 100));
            tasks.addAll(ecs.describeTasks(r -> r.cluster(cluster).tasks(batch)).tasks());
        }
        return tasks;
    }
}
