package io.github.ecsmock.internal.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.Rollback;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.ServiceRevisionSummary;

/**
 * One service deployment as ListServiceDeployments and DescribeServiceDeployments show it: the move of
 * a service from the revisions it ran (sources) to a new one (target). It follows the PRIMARY
 * deployment it made: IN_PROGRESS while that rolls out, SUCCESSFUL when it completes, STOPPED when a
 * newer deployment takes over first or the circuit breaker fails it without rollback, and
 * ROLLBACK_IN_PROGRESS then ROLLBACK_SUCCESSFUL when it is rolled back (by StopServiceDeployment or
 * the circuit breaker) to the revision that ran before.
 */
public final class ServiceDeploymentEntry {
    final long sequence;
    final String arn;
    final ServiceEntry service;
    final Instant createdAt;
    Instant startedAt;
    Instant finishedAt;
    Instant stoppedAt;
    Instant updatedAt;
    /** What ran when the deployment started, with the deployments that ran it (for their counts). */
    final List<DeploymentEntry> sources;
    final DeploymentEntry target;
    final DeploymentConfiguration deploymentConfiguration;
    String status = "IN_PROGRESS";
    String statusReason;
    Rollback rollback;
    /** The deployment that runs the rollback revision, once a rollback started. */
    DeploymentEntry rollbackDeployment;
    String circuitBreakerStatus;

    ServiceDeploymentEntry(long sequence, String arn, ServiceEntry service, List<DeploymentEntry> sources, DeploymentEntry target,
                           DeploymentConfiguration deploymentConfiguration, Instant now) {
        this.sequence = sequence;
        this.arn = arn;
        this.service = service;
        this.sources = List.copyOf(sources);
        this.target = target;
        this.deploymentConfiguration = deploymentConfiguration;
        this.createdAt = now;
        this.startedAt = now;
        this.updatedAt = now;
        boolean breaker = deploymentConfiguration != null && deploymentConfiguration.deploymentCircuitBreaker() != null
                && Boolean.TRUE.equals(deploymentConfiguration.deploymentCircuitBreaker().enable());
        this.circuitBreakerStatus = breaker ? "MONITORING" : "DISABLED";
    }

    public String arn() {
        return arn;
    }

    public String status() {
        return status;
    }

    public ServiceEntry service() {
        return service;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long sequence() {
        return sequence;
    }

    public boolean isInProgress() {
        return "IN_PROGRESS".equals(status) || "PENDING".equals(status);
    }

    /** The revision the service ran before this deployment, that a rollback returns to; null when it is the first. */
    public DeploymentEntry rollbackTarget() {
        return sources.isEmpty() ? null : sources.get(0);
    }

    void finish(String status, String reason, Instant now) {
        this.status = status;
        this.statusReason = reason;
        this.updatedAt = now;
        if (status.startsWith("ROLLBACK_") && !"ROLLBACK_IN_PROGRESS".equals(status) || "SUCCESSFUL".equals(status)) {
            this.finishedAt = now;
        }
        if ("STOPPED".equals(status)) {
            this.stoppedAt = now;
        }
    }

    private static ServiceRevisionSummary summary(DeploymentEntry deployment, int requested) {
        return ServiceRevisionSummary.builder()
                .arn(deployment.revisionArn)
                .requestedTaskCount(requested)
                .runningTaskCount(deployment.running())
                .pendingTaskCount(deployment.pending())
                .build();
    }

    private int requested(DeploymentEntry deployment) {
        boolean current = service.deployments.contains(deployment);
        if (!current) {
            return 0;
        }
        return deployment == service.deployments.get(0) ? service.config.desiredCount() : deployment.live();
    }

    public ServiceDeployment toServiceDeployment() {
        List<ServiceRevisionSummary> sourceSummaries = new ArrayList<>();
        for (DeploymentEntry source : sources) {
            sourceSummaries.add(summary(source, requested(source)));
        }
        int failures = target.failedTasks;
        int desired = service.config.desiredCount() == null ? 0 : service.config.desiredCount();
        ServiceDeployment.Builder deployment = ServiceDeployment.builder()
                .serviceDeploymentArn(arn)
                .serviceArn(service.arn())
                .clusterArn(service.clusterArn())
                .createdAt(createdAt)
                .startedAt(startedAt)
                .finishedAt(finishedAt)
                .stoppedAt(stoppedAt)
                .updatedAt(updatedAt)
                .sourceServiceRevisions(sourceSummaries)
                .targetServiceRevision(summary(target, requested(target)))
                .status(status)
                .statusReason(statusReason)
                .deploymentConfiguration(deploymentConfiguration)
                .rollback(rollback)
                .deploymentCircuitBreaker(ServiceDeploymentCircuitBreaker.builder()
                        .status(circuitBreakerStatus)
                        .failureCount(failures)
                        .threshold(CircuitBreaker.threshold(deploymentConfiguration == null ? null
                                : deploymentConfiguration.deploymentCircuitBreaker(), desired))
                        .build());
        return deployment.build();
    }

    public ServiceDeploymentBrief toBrief() {
        return ServiceDeploymentBrief.builder()
                .serviceDeploymentArn(arn)
                .serviceArn(service.arn())
                .clusterArn(service.clusterArn())
                .startedAt(startedAt)
                .createdAt(createdAt)
                .finishedAt(finishedAt)
                .targetServiceRevisionArn(target.revisionArn)
                .status(status)
                .statusReason(statusReason)
                .build();
    }
}
