package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.arn.Arns;
import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.paging.PageTokens;
import io.github.ecsmock.internal.state.ClusterEntry;
import io.github.ecsmock.internal.state.DaemonDeploymentEntry;
import io.github.ecsmock.internal.state.DaemonEntry;
import io.github.ecsmock.internal.state.DaemonRevisionEntry;
import io.github.ecsmock.internal.state.DaemonSpec;
import io.github.ecsmock.internal.state.EcsState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.CreateDaemonRequest;
import software.amazon.awssdk.services.ecs.model.CreateDaemonResponse;
import software.amazon.awssdk.services.ecs.model.DaemonAlarmConfiguration;
import software.amazon.awssdk.services.ecs.model.DaemonDeployment;
import software.amazon.awssdk.services.ecs.model.DaemonDeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DaemonRevision;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinition;
import software.amazon.awssdk.services.ecs.model.DeleteDaemonRequest;
import software.amazon.awssdk.services.ecs.model.DeleteDaemonResponse;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonRequest;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonResponse;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonRevisionsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonRevisionsResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListDaemonDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.ListDaemonDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.ListDaemonsRequest;
import software.amazon.awssdk.services.ecs.model.ListDaemonsResponse;
import software.amazon.awssdk.services.ecs.model.UpdateDaemonRequest;
import software.amazon.awssdk.services.ecs.model.UpdateDaemonResponse;

/**
 * CreateDaemon, UpdateDaemon, DeleteDaemon, DescribeDaemon, ListDaemons, ListDaemonDeployments,
 * DescribeDaemonDeployments and DescribeDaemonRevisions: the rules and errors; the state runs the
 * daemon tasks and moves the deployments along.
 *
 * <p>No capture of these operations was available: the messages below that are not shared with
 * services or task definitions are unverified, written in ECS's style. Daemons take capacity
 * provider ARNs; the mock has no capacity provider registry, so any capacity provider ARN of this
 * account and region is accepted except Fargate's, which daemons cannot use.
 */
public final class Daemons {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");
    private static final Pattern CLIENT_TOKEN = Pattern.compile("[\\x21-\\x7E]{1,36}");
    private static final int MAX_DESCRIBE = 20;
    /** The API reference's note on every daemon operation. */
    static final String MANAGED_INSTANCES_ONLY =
            "ECS Managed Daemons is only supported for Amazon ECS Managed Instances Capacity Providers.";

    private final TagRules tagRules;

    public Daemons(TagRules tagRules) {
        this.tagRules = tagRules;
    }

    public CreateDaemonResponse createDaemon(EcsState state, CreateDaemonRequest request) {
        ClusterEntry cluster = state.activeCluster(request.clusterArn());
        String name = request.daemonName();
        if (name == null || !NAME.matcher(name).matches()) {
            throw Errors.invalidParameter("Daemon name can only contain up to 255 letters (uppercase and lowercase), numbers, "
                    + "underscores, and hyphens.");
        }
        if (request.clientToken() != null && !CLIENT_TOKEN.matcher(request.clientToken()).matches()) {
            throw Errors.invalidParameter("clientToken must be up to 36 ASCII characters in the range of 33-126.");
        }
        Optional<DaemonEntry> existing = state.daemons().byArn(state.arns().daemon(cluster.name(), name)).filter(DaemonEntry::isActive);
        if (existing.isPresent()) {
            DaemonEntry daemon = existing.get();
            if (request.clientToken() != null && request.clientToken().equals(daemon.clientToken())) {
                List<DaemonDeploymentEntry> deployments = daemon.deployments();
                return createResponse(daemon, deployments.get(deployments.size() - 1));
            }
            throw Errors.invalidParameter("Creation of daemon was not idempotent.");
        }
        DaemonSpec spec = spec(state, request.daemonTaskDefinitionArn(), request.capacityProviderArns(), request.propagateTagsAsString(),
                request.enableECSManagedTags(), request.enableExecuteCommand(), request.critical());
        DaemonDeploymentConfiguration configuration = configuration(request.deploymentConfiguration());
        tagRules.checkNew(request.tags());
        DaemonEntry daemon = state.daemonLifecycle().addDaemon(cluster, name, request.clientToken(), spec, configuration, request.tags());
        state.settle();
        return createResponse(daemon, daemon.latestDeployment());
    }

    private static CreateDaemonResponse createResponse(DaemonEntry daemon, DaemonDeploymentEntry deployment) {
        return CreateDaemonResponse.builder().daemonArn(daemon.arn()).status(daemon.status()).createdAt(daemon.createdAt())
                .deploymentArn(deployment.arn()).build();
    }

    public UpdateDaemonResponse updateDaemon(EcsState state, UpdateDaemonRequest request) {
        DaemonEntry daemon = find(state, request.daemonArn());
        if (!daemon.isActive()) {
            throw Errors.daemonNotActive();
        }
        DaemonRevisionEntry current = daemon.current();
        DaemonSpec spec = spec(state, request.daemonTaskDefinitionArn(), request.capacityProviderArns(),
                request.propagateTags() != null ? request.propagateTagsAsString() : null,
                request.enableECSManagedTags(), request.enableExecuteCommand(),
                request.critical() != null ? request.critical() : current.critical());
        DaemonDeploymentConfiguration configuration = configuration(request.deploymentConfiguration());
        DaemonDeploymentEntry deployment = state.daemonLifecycle().updateDaemon(daemon, spec, configuration);
        state.settle();
        return UpdateDaemonResponse.builder().daemonArn(daemon.arn()).status(daemon.status()).createdAt(daemon.createdAt())
                .updatedAt(daemon.updatedAt()).deploymentArn(deployment.arn()).build();
    }

    public DeleteDaemonResponse deleteDaemon(EcsState state, DeleteDaemonRequest request) {
        DaemonEntry daemon = find(state, request.daemonArn());
        if (!daemon.isActive()) {
            throw Errors.daemonNotActive();
        }
        DaemonDeploymentEntry deployment = state.daemonLifecycle().deleteDaemon(daemon);
        state.settle();
        return DeleteDaemonResponse.builder().daemonArn(daemon.arn()).status(daemon.status()).createdAt(daemon.createdAt())
                .updatedAt(daemon.updatedAt()).deploymentArn(deployment.arn()).build();
    }

    public DescribeDaemonResponse describeDaemon(EcsState state, DescribeDaemonRequest request) {
        return DescribeDaemonResponse.builder().daemon(find(state, request.daemonArn()).toDaemonDetail()).build();
    }

    public ListDaemonsResponse listDaemons(EcsState state, ListDaemonsRequest request) {
        ClusterEntry cluster = state.activeCluster(request.clusterArn());
        int size = PageTokens.pageSize(request.maxResults(), 100, 100);
        Predicate<DaemonEntry> wanted = daemon -> daemon.cluster().arn().equals(cluster.arn());
        if (request.hasCapacityProviderArns() && !request.capacityProviderArns().isEmpty()) {
            wanted = wanted.and(daemon -> daemon.capacityProviderArns().stream().anyMatch(request.capacityProviderArns()::contains));
        }
        PageTokens.Page<DaemonEntry> page = state.pageTokens().page("ListDaemons", state.daemons().all(), request.nextToken(), size,
                wanted, Function.identity(), Function.identity());
        return ListDaemonsResponse.builder()
                .daemonSummariesList(page.items().stream().map(DaemonEntry::toSummary).toList())
                .nextToken(page.nextToken())
                .build();
    }

    /**
     * Newest first. The model lists no DaemonNotFoundException for this operation: a daemon that
     * does not exist in an existing cluster has no deployments to list (unverified).
     */
    public ListDaemonDeploymentsResponse listDaemonDeployments(EcsState state, ListDaemonDeploymentsRequest request) {
        int size = PageTokens.pageSize(request.maxResults(), 20, 100);
        Optional<DaemonEntry> daemon = lookup(state, request.daemonArn());
        TreeMap<Integer, DaemonDeploymentEntry> byAge = new TreeMap<>();
        if (daemon.isPresent()) {
            List<DaemonDeploymentEntry> deployments = daemon.get().deployments();
            for (int i = 0; i < deployments.size(); i++) {
                byAge.put(deployments.size() - 1 - i, deployments.get(i));
            }
        }
        Predicate<DaemonDeploymentEntry> wanted = deployment -> true;
        if (request.hasStatus() && !request.status().isEmpty()) {
            Set<String> statuses = new HashSet<>(request.statusAsStrings());
            wanted = wanted.and(deployment -> statuses.contains(deployment.status()));
        }
        if (request.createdAt() != null) {
            Instant before = request.createdAt().before();
            Instant after = request.createdAt().after();
            wanted = wanted.and(deployment -> (before == null || deployment.createdAt().isBefore(before))
                    && (after == null || deployment.createdAt().isAfter(after)));
        }
        PageTokens.Page<DaemonDeploymentEntry> page = state.pageTokens().page("ListDaemonDeployments", byAge.descendingMap(),
                request.nextToken(), size, wanted, String::valueOf, Integer::valueOf);
        return ListDaemonDeploymentsResponse.builder()
                .daemonDeployments(page.items().stream().map(DaemonDeploymentEntry::toSummary).toList())
                .nextToken(page.nextToken())
                .build();
    }

    public DescribeDaemonDeploymentsResponse describeDaemonDeployments(EcsState state, DescribeDaemonDeploymentsRequest request) {
        List<String> arns = checkedArns(request.daemonDeploymentArns(), "daemonDeploymentArns");
        List<DaemonDeployment> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String arn : arns) {
            state.daemons().deployment(arn).ifPresentOrElse(deployment -> found.add(deployment.toDaemonDeployment()),
                    () -> failures.add(Failure.builder().arn(arn).reason("MISSING").build()));
        }
        return DescribeDaemonDeploymentsResponse.builder().daemonDeployments(found).failures(failures).build();
    }

    public DescribeDaemonRevisionsResponse describeDaemonRevisions(EcsState state, DescribeDaemonRevisionsRequest request) {
        List<String> arns = checkedArns(request.daemonRevisionArns(), "daemonRevisionArns");
        List<DaemonRevision> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String arn : arns) {
            state.daemons().revision(arn).ifPresentOrElse(revision -> found.add(revision.toDaemonRevision()),
                    () -> failures.add(Failure.builder().arn(arn).reason("MISSING").build()));
        }
        return DescribeDaemonRevisionsResponse.builder().daemonRevisions(found).failures(failures).build();
    }

    private static List<String> checkedArns(List<String> arns, String member) {
        if (arns.isEmpty()) {
            throw Errors.invalidParameter(member + " must contain at least 1 item.");
        }
        if (arns.size() > MAX_DESCRIBE) {
            throw Errors.invalidParameter(member + " can have at most " + MAX_DESCRIBE + " items.");
        }
        return arns.stream().distinct().toList();
    }

    /** The daemon a daemon ARN names, or the error ECS gives. */
    private static DaemonEntry find(EcsState state, String daemonArn) {
        return lookup(state, daemonArn).orElseThrow(Errors::daemonNotFound);
    }

    /**
     * The daemon an ARN names, if any: InvalidParameterException for text that is no ARN at all,
     * ClusterNotFoundException when the ARN's cluster is not ACTIVE here.
     */
    private static Optional<DaemonEntry> lookup(EcsState state, String daemonArn) {
        if (daemonArn == null || daemonArn.isEmpty()) {
            throw Errors.missingMember("daemonArn");
        }
        if (!Arns.looksLikeArn(daemonArn)) {
            throw Errors.invalidParameter("The daemon ARN provided is invalid: " + daemonArn);
        }
        Optional<String> resource = state.arns().resourceOf(daemonArn).filter(text -> text.startsWith("daemon/"));
        if (resource.isEmpty()) {
            return Optional.empty();
        }
        String rest = resource.get().substring("daemon/".length());
        int slash = rest.indexOf('/');
        if (slash < 1 || slash == rest.length() - 1) {
            return Optional.empty();
        }
        state.activeCluster(rest.substring(0, slash));
        return state.daemons().byArn(daemonArn);
    }

    /** The revision a CreateDaemon or UpdateDaemon asks for, checked. */
    private static DaemonSpec spec(EcsState state, String definitionArn, List<String> capacityProviderArns, String propagateTags,
                                   Boolean managedTags, Boolean executeCommand, Boolean critical) {
        DaemonTaskDefinition definition = state.daemonLifecycle().findDaemonTaskDefinition(definitionArn)
                .orElseThrow(() -> Errors.client("DaemonTaskDefinition not found."));
        if (!"ACTIVE".equals(definition.statusAsString())) {
            throw Errors.client("DaemonTaskDefinition is inactive");
        }
        if (capacityProviderArns.isEmpty()) {
            throw Errors.invalidParameter("capacityProviderArns must contain at least 1 item.");
        }
        Set<String> seen = new HashSet<>();
        for (String arn : capacityProviderArns) {
            Optional<String> provider = arn != null && arn.startsWith("arn:")
                    ? state.arns().nameOf(arn, "capacity-provider") : Optional.empty();
            if (provider.isEmpty()) {
                throw Errors.invalidParameter("The capacity provider ARN provided is invalid: " + arn);
            }
            if (provider.get().equals("FARGATE") || provider.get().equals("FARGATE_SPOT")) {
                throw Errors.invalidParameter(MANAGED_INSTANCES_ONLY);
            }
            if (!seen.add(arn)) {
                throw Errors.invalidParameter("capacityProviderArns must not contain duplicates: " + arn);
            }
        }
        return new DaemonSpec(definition, capacityProviderArns, propagateTags == null ? "NONE" : propagateTags,
                Boolean.TRUE.equals(managedTags), Boolean.TRUE.equals(executeCommand), Boolean.TRUE.equals(critical));
    }

    /** The deployment configuration with ECS's documented defaults (bake time 0, alarms off). */
    private static DaemonDeploymentConfiguration configuration(DaemonDeploymentConfiguration given) {
        DaemonDeploymentConfiguration.Builder configuration = given == null
                ? DaemonDeploymentConfiguration.builder() : given.toBuilder();
        if (given == null || given.bakeTimeInMinutes() == null) {
            configuration.bakeTimeInMinutes(0);
        } else if (given.bakeTimeInMinutes() < 0) {
            throw Errors.invalidParameter("bakeTimeInMinutes must be greater than or equal to 0.");
        }
        if (given == null || given.alarms() == null) {
            configuration.alarms(DaemonAlarmConfiguration.builder().enable(false).alarmNames(List.of()).build());
        } else if (Boolean.TRUE.equals(given.alarms().enable()) && given.alarms().alarmNames().isEmpty()) {
            throw Errors.invalidParameter("alarmNames must contain at least 1 item when alarms are enabled.");
        }
        return configuration.build();
    }
}
