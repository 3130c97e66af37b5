package io.github.ecsmock.internal.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceRevision;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Services, their deployments and the revisions and service deployments that record them: every
 * change to a service is a deployment or a new desired state that {@link ServiceScheduler} carries
 * out, and a task's changes reach the service through the deployment it was started for.
 */
public final class ServiceLifecycle {
    private final EcsState state;
    private final ServiceScheduler scheduler;
    private final Map<String, ServiceEntry> serviceByDeployment = new HashMap<>();
    private final Map<String, ServiceDeploymentEntry> serviceDeployments = new HashMap<>();
    private final Map<String, ServiceRevision> serviceRevisions = new HashMap<>();

    ServiceLifecycle(EcsState state, ServiceScheduler scheduler) {
        this.state = state;
        this.scheduler = scheduler;
    }

    /** The service a task was started for (by a deployment or task set of it); null for any other task, and for one orphaned since. */
    ServiceEntry serviceOf(TaskEntry task) {
        return task.orphaned ? null : serviceByDeployment.get(task.deploymentId);
    }

    /** The tasks of {@code deployment} belong to {@code service} from now on: their changes reach its scheduler. */
    void track(DeploymentEntry deployment, ServiceEntry service) {
        serviceByDeployment.put(deployment.id, service);
    }

    /** Adds a service with its first deployment and asks the scheduler to start its tasks. */
    public ServiceEntry addService(ClusterEntry cluster, Service config, CreateServiceRequest creation, DeploymentSpec first) {
        ServiceEntry service = new ServiceEntry(state.nextSequence(), cluster, config, creation);
        state.services().add(service);
        if (first != null) {
            deploy(service, first);
        }
        return service;
    }

    /**
     * Makes a new PRIMARY deployment; the previous PRIMARY becomes ACTIVE and is replaced by the scheduler.
     * It runs a new service revision, and a service deployment records the move to it; one still in
     * progress is STOPPED, as the new one takes over.
     */
    public DeploymentEntry deploy(ServiceEntry service, DeploymentSpec spec) {
        List<DeploymentEntry> sources = List.copyOf(service.deployments);
        DeploymentEntry deployment = newDeployment(service, spec);
        String id = deployment.id.substring(deployment.id.indexOf('/') + 1);
        deployment.revisionArn = state.arns().serviceRevision(service.cluster.name(), service.name(), id);
        serviceRevisions.put(deployment.revisionArn, revision(service, deployment));
        service.revisionArns.add(deployment.revisionArn);
        for (ServiceDeploymentEntry running : service.serviceDeployments) {
            if (running.isInProgress() || "ROLLBACK_IN_PROGRESS".equals(running.status)) {
                // Unverified wording: ECS's reason for a deployment that a newer one replaced.
                running.finish("STOPPED", "Service deployment was stopped because a new service deployment started.", state.now());
            }
        }
        ServiceDeploymentEntry record = new ServiceDeploymentEntry(state.nextSequence(),
                state.arns().serviceDeployment(service.cluster.name(), service.name(), state.ids().serviceDeploymentId()), service, sources,
                deployment, service.config.deploymentConfiguration(), state.now());
        deployment.serviceDeployment = record;
        service.serviceDeployments.add(record);
        serviceDeployments.put(record.arn, record);
        return deployment;
    }

    private DeploymentEntry newDeployment(ServiceEntry service, DeploymentSpec spec) {
        for (DeploymentEntry previous : service.deployments) {
            previous.status = "ACTIVE";
        }
        DeploymentEntry deployment = new DeploymentEntry(state.ids().deploymentId(), spec.definition(), spec.launchType(),
                spec.capacityProviderStrategy(), spec.platformVersion(), spec.platformFamily(),
                spec.networkConfiguration(), spec.serviceConnectConfiguration(), state.now());
        service.deployments.add(0, deployment);
        service.steady = false;
        serviceByDeployment.put(deployment.id, service);
        scheduler.request(service);
        return deployment;
    }

    /**
     * Rolls the service's current service deployment back to {@code target}, the deployment that ran
     * before: a new PRIMARY deployment runs the target's revision again (no new revision), and the
     * service deployment is ROLLBACK_IN_PROGRESS until it completes.
     */
    public DeploymentEntry rollBack(ServiceEntry service, DeploymentEntry target, String reason) {
        ServiceDeploymentEntry record = service.primary().serviceDeployment;
        service.config = service.config.toBuilder().taskDefinition(target.taskDefinitionArn()).build();
        DeploymentEntry rollback = newDeployment(service, target.spec());
        rollback.revisionArn = target.revisionArn;
        if (record != null) {
            rollback.serviceDeployment = record;
            record.rollbackDeployment = rollback;
            record.rollback = software.amazon.awssdk.services.ecs.model.Rollback.builder()
                    .reason(reason).startedAt(state.now()).serviceRevisionArn(target.revisionArn).build();
            record.finish("ROLLBACK_IN_PROGRESS", reason, state.now());
        }
        return rollback;
    }

    /** A PRIMARY deployment completed: its service deployment succeeded, or its rollback did. */
    void deploymentCompleted(DeploymentEntry deployment) {
        ServiceDeploymentEntry record = deployment.serviceDeployment;
        if (record == null) {
            return;
        }
        if (record.rollbackDeployment == deployment && "ROLLBACK_IN_PROGRESS".equals(record.status)) {
            record.finish("ROLLBACK_SUCCESSFUL", "Service deployment rolled back successfully.", state.now());
        } else if (record.target == deployment && record.isInProgress()) {
            record.finish("SUCCESSFUL", "Service deployment completed successfully.", state.now());
        }
    }

    /** The revision as DescribeServiceRevisions shows it: what the deployment runs, fixed when it was made. */
    private ServiceRevision revision(ServiceEntry service, DeploymentEntry deployment) {
        ServiceRevision.Builder revision = ServiceRevision.builder()
                .serviceRevisionArn(deployment.revisionArn)
                .serviceArn(service.arn())
                .clusterArn(service.clusterArn())
                .taskDefinition(deployment.taskDefinitionArn())
                .platformVersion(deployment.platformVersion)
                .platformFamily(deployment.platformFamily)
                .loadBalancers(service.config.loadBalancers())
                .serviceRegistries(service.config.serviceRegistries())
                .networkConfiguration(deployment.networkConfiguration)
                .containerImages(deployment.definition.containerDefinitions().stream()
                        .map(container -> software.amazon.awssdk.services.ecs.model.ContainerImage.builder()
                                .containerName(container.name()).image(container.image()).build())
                        .toList())
                .guardDutyEnabled(false)
                .createdAt(state.now());
        if (deployment.capacityProviderStrategy.isEmpty()) {
            revision.launchType(deployment.launchType);
        } else {
            revision.capacityProviderStrategy(deployment.capacityProviderStrategy);
        }
        return revision.build();
    }

    public Optional<ServiceDeploymentEntry> serviceDeployment(String arn) {
        return Optional.ofNullable(arn == null ? null : serviceDeployments.get(arn));
    }

    public Optional<ServiceRevision> serviceRevision(String arn) {
        return Optional.ofNullable(arn == null ? null : serviceRevisions.get(arn));
    }

    /** Changes a service's configuration; the scheduler brings its tasks in line. */
    public void updateService(ServiceEntry service, Service config) {
        service.config = config;
        scheduler.request(service);
    }

    /** DRAINING: the desired count drops to zero, the tasks stop, then the service is INACTIVE. */
    public void deleteService(ServiceEntry service) {
        service.status = "DRAINING";
        service.config = service.config.toBuilder().desiredCount(0).build();
        scheduler.request(service);
    }

    void serviceInactive(ServiceEntry service) {
        service.status = "INACTIVE";
        state.gatewayLifecycle().setGatewayRoutes(service, List.of());
        state.timeline().at(state.now().plus(EcsState.INACTIVE_SERVICE_RETENTION), () -> {
            state.services().expire(service);
            if (state.services().byName(service.clusterArn(), service.name()).isEmpty()) {
                state.tags().forget(service.arn());
            }
            service.deployments.forEach(deployment -> serviceByDeployment.remove(deployment.id));
            service.taskSets.forEach(taskSet -> {
                serviceByDeployment.remove(taskSet.id());
                state.tags().forget(taskSet.arn);
            });
            service.serviceDeployments.forEach(record -> serviceDeployments.remove(record.arn));
            service.revisionArns.forEach(serviceRevisions::remove);
        });
    }

    /** The tags a service puts on its tasks: propagated from the service or definition, and ECS's managed state.tags(). */
    List<Tag> serviceTaskTags(ServiceEntry service, TaskDefinition definition) {
        List<Tag> taskTags = new ArrayList<>();
        String propagate = service.config.propagateTagsAsString();
        if ("SERVICE".equals(propagate)) {
            taskTags.addAll(state.tags().tagsOf(service.arn()));
        } else if ("TASK_DEFINITION".equals(propagate)) {
            taskTags.addAll(state.tags().tagsOf(definition.taskDefinitionArn()));
        }
        if (Boolean.TRUE.equals(service.config.enableECSManagedTags())) {
            taskTags.add(Tag.builder().key("aws:ecs:clusterName").value(service.cluster.name()).build());
            taskTags.add(Tag.builder().key("aws:ecs:serviceName").value(service.name()).build());
        }
        return taskTags;
    }
}
