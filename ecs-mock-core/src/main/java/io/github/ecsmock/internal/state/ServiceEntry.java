package io.github.ecsmock.internal.state;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.ServiceCurrentRevisionSummary;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * One service as the state keeps it: its configuration as the SDK's {@code Service} (what the
 * requests set), and what the scheduler keeps: status, deployments (PRIMARY first) and events
 * (newest first, at most 100). Counts are computed from the deployments' tasks when it is shown.
 */
public final class ServiceEntry {
    static final int MAX_EVENTS = 100;

    final long sequence;
    final CreateServiceRequest creation;
    final ClusterEntry cluster;
    Service config;
    String status = "ACTIVE";
    final List<DeploymentEntry> deployments = new ArrayList<>();
    /** Task sets of an EXTERNAL (or CODE_DEPLOY) service, oldest first; an ECS-controlled service has none. */
    final List<TaskSetEntry> taskSets = new ArrayList<>();
    /** Its service deployments, oldest first. */
    final List<ServiceDeploymentEntry> serviceDeployments = new ArrayList<>();
    /** The ARNs of its service revisions, to forget them with the service. */
    final List<String> revisionArns = new ArrayList<>();
    private final Deque<ServiceEvent> events = new ArrayDeque<>();
    boolean steady;
    /** The newest deployment that completed: what the circuit breaker rolls back to. */
    DeploymentEntry lastCompleted;
    boolean reconcileScheduled;
    String lastProblem;

    ServiceEntry(long sequence, ClusterEntry cluster, Service config, CreateServiceRequest creation) {
        this.sequence = sequence;
        this.cluster = cluster;
        this.config = config;
        this.creation = creation;
    }

    public String name() {
        return config.serviceName();
    }

    public String arn() {
        return config.serviceArn();
    }

    public String clusterArn() {
        return config.clusterArn();
    }

    public String status() {
        return status;
    }

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }

    /**
     * Whether {@code request} repeats the CreateService that made this service, client token and all:
     * ECS then answers with the service instead of refusing the name.
     */
    public boolean isCreatedBy(CreateServiceRequest request) {
        return request.clientToken() != null && request.equals(creation);
    }

    public long sequence() {
        return sequence;
    }

    /** The configuration the requests set (no status, counts, deployments or events). */
    public Service config() {
        return config;
    }

    public String launchTypeForStatistics() {
        if (config.launchType() != null) {
            return config.launchTypeAsString();
        }
        return deployments.isEmpty() ? "EC2" : deployments.get(0).launchType;
    }

    public DeploymentEntry primary() {
        return deployments.get(0);
    }

    /** Deployments, PRIMARY first (read-only). */
    public List<DeploymentEntry> deployments() {
        return Collections.unmodifiableList(deployments);
    }

    /** Whether a deployer outside ECS (EXTERNAL or CODE_DEPLOY) runs its deployments through task sets. */
    public boolean usesTaskSets() {
        return config.deploymentController() != null && !"ECS".equals(config.deploymentController().typeAsString());
    }

    public String deploymentControllerType() {
        return config.deploymentController() == null ? "ECS" : config.deploymentController().typeAsString();
    }

    /** Task sets, oldest first (read-only); DRAINING ones stay until their tasks have stopped. */
    public List<TaskSetEntry> taskSets() {
        return Collections.unmodifiableList(taskSets);
    }

    public Optional<TaskSetEntry> taskSet(String idOrArn) {
        return taskSets.stream().filter(set -> set.id().equals(idOrArn) || set.arn.equals(idOrArn)).findFirst();
    }

    /** Service deployments, oldest first (read-only). */
    public List<ServiceDeploymentEntry> serviceDeployments() {
        return Collections.unmodifiableList(serviceDeployments);
    }

    /** The deployment (or task set's deployment) of that id, which holds the service's tasks started for it. */
    Optional<DeploymentEntry> deploymentOf(String id) {
        Optional<DeploymentEntry> deployment = deployments.stream().filter(d -> d.id.equals(id)).findFirst();
        if (deployment.isPresent()) {
            return deployment;
        }
        return taskSets.stream().map(set -> set.deployment).filter(d -> d.id.equals(id)).findFirst();
    }

    void addEvent(String id, Instant at, String message) {
        events.addFirst(ServiceEvent.builder().id(id).createdAt(at).message(message).build());
        while (events.size() > MAX_EVENTS) {
            events.removeLast();
        }
    }

    /** The service's tasks that have not stopped, over all its deployments. */
    int running() {
        return deployments.stream().mapToInt(DeploymentEntry::running).sum()
                + taskSets.stream().mapToInt(set -> set.deployment.running()).sum();
    }

    int pending() {
        return deployments.stream().mapToInt(DeploymentEntry::pending).sum()
                + taskSets.stream().mapToInt(set -> set.deployment.pending()).sum();
    }

    /** The service as DescribeServices shows it now. */
    public Service toService(List<Tag> tags) {
        List<Deployment> shown = new ArrayList<>(deployments.size());
        for (DeploymentEntry deployment : deployments) {
            int desired = deployment == deployments.get(0) ? config.desiredCount() : deployment.live();
            shown.add(deployment.toDeployment(desired));
        }
        Service.Builder service = config.toBuilder()
                .status(status)
                .runningCount(running())
                .pendingCount(pending())
                .deployments(shown)
                .events(List.copyOf(events))
                .tags(tags);
        if (!deployments.isEmpty()) {
            service.taskDefinition(deployments.get(0).taskDefinitionArn());
            List<ServiceCurrentRevisionSummary> revisions = new ArrayList<>();
            for (DeploymentEntry deployment : deployments) {
                int desired = deployment == deployments.get(0) ? config.desiredCount() : deployment.live();
                revisions.add(ServiceCurrentRevisionSummary.builder().arn(deployment.revisionArn).requestedTaskCount(desired)
                        .runningTaskCount(deployment.running()).pendingTaskCount(deployment.pending()).build());
            }
            service.currentServiceRevisions(revisions);
        }
        if (!serviceDeployments.isEmpty()) {
            service.currentServiceDeployment(serviceDeployments.get(serviceDeployments.size() - 1).arn);
        }
        if (usesTaskSets()) {
            service.taskSets(taskSets.stream().map(set -> set.toTaskSet(List.of())).toList());
            // The PRIMARY task set's definition is the service's, as ECS shows it once one is PRIMARY.
            taskSets.stream().filter(set -> "PRIMARY".equals(set.status)).findFirst()
                    .ifPresent(primary -> service.taskDefinition(primary.deployment.taskDefinitionArn()));
        }
        return service.build();
    }
}
