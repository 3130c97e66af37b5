package io.github.ecsmock.internal.state;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
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

    void addEvent(String id, Instant at, String message) {
        events.addFirst(ServiceEvent.builder().id(id).createdAt(at).message(message).build());
        while (events.size() > MAX_EVENTS) {
            events.removeLast();
        }
    }

    /** The service's tasks that have not stopped, over all its deployments. */
    int running() {
        return deployments.stream().mapToInt(DeploymentEntry::running).sum();
    }

    int pending() {
        return deployments.stream().mapToInt(DeploymentEntry::pending).sum();
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
        }
        return service.build();
    }
}
