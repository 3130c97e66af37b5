package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.errors.EcsError;
import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.paging.PageTokens;
import io.github.ecsmock.internal.state.ClusterEntry;
import io.github.ecsmock.internal.state.DeploymentEntry;
import io.github.ecsmock.internal.state.EcsState;
import io.github.ecsmock.internal.state.ServiceDeploymentEntry;
import io.github.ecsmock.internal.state.ServiceEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import software.amazon.awssdk.services.ecs.model.ContinueServiceDeploymentRequest;
import software.amazon.awssdk.services.ecs.model.ContinueServiceDeploymentResponse;
import software.amazon.awssdk.services.ecs.model.CreatedAt;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServiceRevisionsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServiceRevisionsResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceRevision;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentRequest;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentResponse;

/**
 * ListServiceDeployments, DescribeServiceDeployments, DescribeServiceRevisions, StopServiceDeployment
 * and ContinueServiceDeployment: the history of a service's deployments, kept by the state as
 * CreateService, UpdateService, the scheduler and the circuit breaker make and finish them.
 */
public final class ServiceDeployments {
    /** DescribeServiceDeployments and DescribeServiceRevisions take at most 20 ARNs (API reference). */
    private static final int MAX_DESCRIBE = 20;

    public ListServiceDeploymentsResponse listServiceDeployments(EcsState state, ListServiceDeploymentsRequest request) {
        ClusterEntry cluster = state.activeCluster(request.cluster());
        ServiceEntry service = Services.find(state, cluster, request.service());
        // The API reference: "returns up to 20 results", maxResults "between 1 and 100".
        int size = PageTokens.pageSize(request.maxResults(), 20, 100);
        Predicate<ServiceDeploymentEntry> wanted = record -> true;
        if (request.hasStatus() && !request.status().isEmpty()) {
            List<String> statuses = request.statusAsStrings();
            wanted = wanted.and(record -> statuses.contains(record.status()));
        }
        CreatedAt createdAt = request.createdAt();
        if (createdAt != null && createdAt.after() != null) {
            Instant after = createdAt.after();
            wanted = wanted.and(record -> !record.createdAt().isBefore(after));
        }
        if (createdAt != null && createdAt.before() != null) {
            Instant before = createdAt.before();
            wanted = wanted.and(record -> !record.createdAt().isAfter(before));
        }
        // Newest first, as the console shows the history; keyed by the negated sequence so the token names a place.
        TreeMap<Long, ServiceDeploymentEntry> newestFirst = new TreeMap<>();
        for (ServiceDeploymentEntry record : service.serviceDeployments()) {
            newestFirst.put(-record.sequence(), record);
        }
        PageTokens.Page<ServiceDeploymentEntry> page = state.pageTokens().page("ListServiceDeployments", newestFirst,
                request.nextToken(), size, wanted, String::valueOf, Long::valueOf);
        return ListServiceDeploymentsResponse.builder()
                .serviceDeployments(page.items().stream().map(ServiceDeploymentEntry::toBrief).toList())
                .nextToken(page.nextToken())
                .build();
    }

    public DescribeServiceDeploymentsResponse describeServiceDeployments(EcsState state, DescribeServiceDeploymentsRequest request) {
        checkArns(request.serviceDeploymentArns(), "serviceDeploymentArns");
        List<ServiceDeployment> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String arn : request.serviceDeploymentArns()) {
            Optional<ServiceDeploymentEntry> record = state.serviceLifecycle().serviceDeployment(arn);
            if (record.isPresent()) {
                found.add(record.get().toServiceDeployment());
            } else {
                failures.add(Failure.builder().arn(arn).reason("MISSING").build());
            }
        }
        return DescribeServiceDeploymentsResponse.builder().serviceDeployments(found).failures(failures).build();
    }

    public DescribeServiceRevisionsResponse describeServiceRevisions(EcsState state, DescribeServiceRevisionsRequest request) {
        checkArns(request.serviceRevisionArns(), "serviceRevisionArns");
        List<ServiceRevision> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String arn : request.serviceRevisionArns()) {
            Optional<ServiceRevision> revision = state.serviceLifecycle().serviceRevision(arn);
            if (revision.isPresent()) {
                found.add(revision.get());
            } else {
                failures.add(Failure.builder().arn(arn).reason("MISSING").build());
            }
        }
        return DescribeServiceRevisionsResponse.builder().serviceRevisions(found).failures(failures).build();
    }

    /**
     * Rolls a PENDING or IN_PROGRESS service deployment back to the revision that ran before it. One that
     * is rolling back already just goes on (the developer guide: "continues the rollback operation"); one
     * that has finished cannot be stopped. ROLLBACK is the only stop type ECS documents as valid.
     */
    public StopServiceDeploymentResponse stopServiceDeployment(EcsState state, StopServiceDeploymentRequest request) {
        ServiceDeploymentEntry record = find(state, request.serviceDeploymentArn());
        if (request.stopType() != null && !"ROLLBACK".equals(request.stopTypeAsString())) {
            // Unverified wording; the API reference: "The valid values are ROLLBACK."
            throw Errors.invalidParameter("The stop type " + request.stopTypeAsString() + " is not supported. "
                    + "The valid values are ROLLBACK.");
        }
        String status = record.status();
        if ("ROLLBACK_REQUESTED".equals(status) || "ROLLBACK_IN_PROGRESS".equals(status) || "STOP_REQUESTED".equals(status)) {
            return StopServiceDeploymentResponse.builder().serviceDeploymentArn(record.arn()).build();
        }
        ServiceEntry service = record.service();
        if (!record.isInProgress() || !service.isActive()) {
            // Unverified wording.
            throw new EcsError("ConflictException", "The service deployment is " + status + " and can't be stopped. "
                    + "You can only stop a service deployment that is PENDING or IN_PROGRESS.");
        }
        DeploymentEntry target = record.rollbackTarget();
        if (target == null) {
            // Unverified wording: the first deployment of a service has no revision to go back to.
            throw Errors.invalidParameter("The service deployment can't be rolled back because the service has no "
                    + "previous service revision.");
        }
        state.serviceLifecycle().rollBack(service, target, "Service deployment rolled back because of a user request.");
        state.settle();
        return StopServiceDeploymentResponse.builder().serviceDeploymentArn(record.arn()).build();
    }

    /**
     * The mock runs rolling deployments without lifecycle hooks, so no service deployment is ever paused
     * at one: an unknown deployment is ServiceDeploymentNotFoundException, a known one has no hook with
     * that id (unverified wording).
     */
    public ContinueServiceDeploymentResponse continueServiceDeployment(EcsState state, ContinueServiceDeploymentRequest request) {
        ServiceDeploymentEntry record = find(state, request.serviceDeploymentArn());
        if (request.hookId() == null || request.hookId().isEmpty()) {
            throw Errors.missingMember("hookId");
        }
        throw Errors.invalidParameter("The service deployment " + record.arn() + " is not paused at a lifecycle hook with the ID "
                + request.hookId() + ".");
    }

    /** The text is unverified; the model says the ARN "doesn't exist". */
    private static ServiceDeploymentEntry find(EcsState state, String arn) {
        if (arn == null || arn.isEmpty()) {
            throw Errors.missingMember("serviceDeploymentArn");
        }
        return state.serviceLifecycle().serviceDeployment(arn).orElseThrow(() -> new EcsError("ServiceDeploymentNotFoundException",
                "The service deployment " + arn + " does not exist."));
    }

    private static void checkArns(List<String> arns, String member) {
        if (arns.isEmpty()) {
            throw Errors.missingMember(member);
        }
        if (arns.size() > MAX_DESCRIBE) {
            throw Errors.invalidParameter(member + " can have at most " + MAX_DESCRIBE + " items.");
        }
    }
}
