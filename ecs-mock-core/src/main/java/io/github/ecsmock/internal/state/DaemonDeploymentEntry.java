package io.github.ecsmock.internal.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.DaemonCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.DaemonDeployment;
import software.amazon.awssdk.services.ecs.model.DaemonDeploymentAlarms;
import software.amazon.awssdk.services.ecs.model.DaemonDeploymentCapacityProvider;
import software.amazon.awssdk.services.ecs.model.DaemonDeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DaemonDeploymentRevisionDetail;
import software.amazon.awssdk.services.ecs.model.DaemonDeploymentSummary;

/**
 * One daemon deployment: the rollout a CreateDaemon, UpdateDaemon or DeleteDaemon started, from the
 * revisions that ran before ({@code sources}) to {@code target} (none for a delete, which only drains).
 * IN_PROGRESS until every instance of the daemon runs the target (or cannot), then SUCCESSFUL; STOPPED
 * when a newer deployment of the daemon takes over first.
 */
public final class DaemonDeploymentEntry {
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String SUCCESSFUL = "SUCCESSFUL";
    public static final String STOPPED = "STOPPED";

    final String id;
    final String arn;
    final DaemonEntry daemon;
    final DaemonRevisionEntry target;
    final List<DaemonRevisionEntry> sources;
    final DaemonDeploymentConfiguration configuration;
    final Instant createdAt;
    String status = IN_PROGRESS;
    String statusReason;
    Instant startedAt;
    Instant stoppedAt;
    Instant finishedAt;

    DaemonDeploymentEntry(String id, String arn, DaemonEntry daemon, DaemonRevisionEntry target, List<DaemonRevisionEntry> sources,
                          DaemonDeploymentConfiguration configuration, Instant createdAt) {
        this.id = id;
        this.arn = arn;
        this.daemon = daemon;
        this.target = target;
        this.sources = List.copyOf(sources);
        this.configuration = configuration;
        this.createdAt = createdAt;
        this.startedAt = createdAt;
    }

    public String arn() {
        return arn;
    }

    public String status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public DaemonEntry daemon() {
        return daemon;
    }

    boolean isInProgress() {
        return IN_PROGRESS.equals(status);
    }

    public DaemonDeploymentSummary toSummary() {
        return DaemonDeploymentSummary.builder()
                .daemonDeploymentArn(arn)
                .daemonArn(daemon.arn)
                .clusterArn(daemon.cluster.arn())
                .status(status)
                .statusReason(statusReason)
                .targetDaemonRevisionArn(target == null ? null : target.arn)
                .createdAt(createdAt)
                .startedAt(startedAt)
                .stoppedAt(stoppedAt)
                .finishedAt(finishedAt)
                .build();
    }

    public DaemonDeployment toDaemonDeployment() {
        List<DaemonDeploymentRevisionDetail> sourceDetails = new ArrayList<>();
        sources.forEach(source -> sourceDetails.add(detail(source)));
        boolean alarmsOn = configuration.alarms() != null && Boolean.TRUE.equals(configuration.alarms().enable());
        return DaemonDeployment.builder()
                .daemonDeploymentArn(arn)
                .clusterArn(daemon.cluster.arn())
                .status(status)
                .statusReason(statusReason)
                .targetDaemonRevision(target == null ? null : detail(target))
                .sourceDaemonRevisions(sourceDetails)
                // The mock never fails a daemon task on its own, so the monitors only ever watch.
                .circuitBreaker(DaemonCircuitBreaker.builder().failureCount(0).threshold(daemon.circuitBreakerThreshold())
                        .status(isInProgress() ? "MONITORING" : "MONITORING_COMPLETE").build())
                .alarms(DaemonDeploymentAlarms.builder()
                        .status(!alarmsOn ? "DISABLED" : isInProgress() ? "MONITORING" : "MONITORING_COMPLETE")
                        .alarmNames(alarmsOn ? configuration.alarms().alarmNames() : List.of())
                        .triggeredAlarmNames(List.of())
                        .build())
                .deploymentConfiguration(configuration)
                .createdAt(createdAt)
                .startedAt(startedAt)
                .stoppedAt(stoppedAt)
                .finishedAt(finishedAt)
                .build();
    }

    /** How many instances run (or lack) a revision, per capacity provider, as the deployment sees it now. */
    private DaemonDeploymentRevisionDetail detail(DaemonRevisionEntry revision) {
        List<DaemonDeploymentCapacityProvider> providers = new ArrayList<>();
        int running = 0;
        int without = 0;
        for (String provider : revision.capacityProviderArns) {
            int runningHere = daemon.runningCount(revision, provider);
            int withoutHere = daemon.withoutDaemonCount(revision, provider);
            running += runningHere;
            without += withoutHere;
            providers.add(DaemonDeploymentCapacityProvider.builder().arn(provider).runningInstanceCount(runningHere)
                    .withoutDaemonInstanceCount(withoutHere).drainingInstanceCount(0).build());
        }
        return DaemonDeploymentRevisionDetail.builder().arn(revision.arn).capacityProviders(providers)
                .totalRunningInstanceCount(running).totalWithoutDaemonInstanceCount(without).totalDrainingInstanceCount(0).build();
    }
}
