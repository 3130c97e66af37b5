package io.github.ecsmock.internal.state;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The instances that EC2 and EXTERNAL tasks run on, as their agents register and leave: each change
 * of an instance changes the room in its cluster, so services and daemons there are asked to place
 * or replace tasks.
 */
public final class ContainerInstanceLifecycle {
    private final EcsState state;
    private final ServiceScheduler scheduler;
    private final DaemonScheduler daemonScheduler;

    ContainerInstanceLifecycle(EcsState state, ServiceScheduler scheduler, DaemonScheduler daemonScheduler) {
        this.state = state;
        this.scheduler = scheduler;
        this.daemonScheduler = daemonScheduler;
    }

    /** What a container instance registers with; the state gives it its id, ARN and registration time. */
    public record Registration(String ec2InstanceId, int cpu, int memory, java.util.Set<Integer> reservedTcpPorts,
                               java.util.Set<Integer> reservedUdpPorts, List<software.amazon.awssdk.services.ecs.model.Resource> otherResources,
                               software.amazon.awssdk.services.ecs.model.VersionInfo versionInfo, Map<String, String> attributes) {
    }

    /** Registers an ACTIVE instance; services of the cluster waiting for room may place on it at once. */
    public ContainerInstanceEntry registerContainerInstance(ClusterEntry cluster, Registration registration) {
        String id = state.ids().hex32();
        ContainerInstanceEntry instance = new ContainerInstanceEntry(state.nextSequence(), id, state.arns().containerInstance(cluster.name(), id),
                cluster.arn(), registration.ec2InstanceId(), state.now(), registration.cpu(), registration.memory(),
                registration.reservedTcpPorts(), registration.reservedUdpPorts(), registration.otherResources(),
                registration.versionInfo());
        instance.attributes.putAll(registration.attributes());
        state.containerInstances().add(instance);
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
            ServiceEntry service = state.serviceLifecycle().serviceOf(task);
            if (service != null && task.isLive() && TaskStatus.isPending(task.lastStatus)) {
                state.stopTask(task, "ServiceSchedulerInitiated", "Task stopped because the container instance is being drained.");
            }
        }
        requestServicesOn(instance);
    }

    /**
     * INACTIVE: nothing is placed here again. Tasks still on it (deregistered with force) are orphaned:
     * they keep running, no longer their service's, and each service starts another copy elsewhere.
     */
    public void deregisterContainerInstance(ContainerInstanceEntry instance) {
        instance.status = "INACTIVE";
        instance.version++;
        instance.deregisteredAt = state.now();
        Set<ServiceEntry> affected = servicesOn(instance);
        instance.tasks.forEach(this::orphan);
        affected.forEach(scheduler::request);
        state.timeline().at(state.now().plus(EcsState.INACTIVE_CONTAINER_INSTANCE_RETENTION), () -> {
            state.containerInstances().remove(instance);
            state.tags().forget(instance.arn);
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
        Instant at = state.now();
        for (String step : steps) {
            at = at.plus(state.lifecycle().step());
            state.timeline().at(at, () -> {
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
        servicesOn(instance).forEach(scheduler::request);
    }

    /** The services with a task on the instance, each once. */
    private Set<ServiceEntry> servicesOn(ContainerInstanceEntry instance) {
        Set<ServiceEntry> services = new LinkedHashSet<>();
        for (TaskEntry task : instance.tasks) {
            ServiceEntry service = state.serviceLifecycle().serviceOf(task);
            if (service != null) {
                services.add(service);
            }
        }
        return services;
    }

    /** A service task leaves its deployment: the service neither counts nor stops it from now on. */
    private void orphan(TaskEntry task) {
        ServiceEntry service = state.serviceLifecycle().serviceOf(task);
        if (service != null) {
            service.deploymentOf(task.deploymentId).ifPresent(deployment -> deployment.forget(task));
            task.orphaned = true;
        }
    }

    /** Room appeared in a cluster (an instance registered or came back, a task stopped): services may place. */
    void capacityFreed(String clusterArn) {
        for (ServiceEntry service : state.services().inOrder(clusterArn).values()) {
            if (!"INACTIVE".equals(service.status) && !service.deployments.isEmpty() && service.primary().launchType != null
                    && !"FARGATE".equals(service.primary().launchType)) {
                scheduler.request(service);
            } else if (!"INACTIVE".equals(service.status) && service.taskSets.stream()
                    .anyMatch(set -> set.deployment.launchType != null && !"FARGATE".equals(set.deployment.launchType))) {
                scheduler.request(service);
            }
        }
    }
}
