package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.errors.EcsError;
import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.paging.PageTokens;
import io.github.ecsmock.internal.state.ClusterEntry;
import io.github.ecsmock.internal.state.EcsState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterConfiguration;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterServiceConnectDefaults;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateClusterResponse;
import software.amazon.awssdk.services.ecs.model.DeleteClusterRequest;
import software.amazon.awssdk.services.ecs.model.DeleteClusterResponse;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;

/** CreateCluster, DeleteCluster, DescribeClusters and ListClusters. */
public final class Clusters {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");
    private static final Set<String> CONTAINER_INSIGHTS_VALUES = Set.of("enabled", "disabled", "enhanced");
    private static final Set<String> BUILT_IN_CAPACITY_PROVIDERS = Set.of("FARGATE", "FARGATE_SPOT");
    private static final int MAX_DESCRIBE = 100;
    /**
     * What CreateCluster and DeleteCluster show: tags, settings and configuration, but {@code statistics: []}
     * as in every captured CreateCluster and DeleteCluster answer (statistics come only with DescribeClusters).
     */
    private static final Set<ClusterField> AS_WRITTEN = EnumSet.complementOf(EnumSet.of(ClusterField.STATISTICS));

    private final ClusterStatistics statistics;
    private final TagRules tagRules;

    public Clusters(ClusterStatistics statistics, TagRules tagRules) {
        this.statistics = statistics;
        this.tagRules = tagRules;
    }

    public CreateClusterResponse createCluster(EcsState state, CreateClusterRequest request) {
        String name = request.clusterName() == null ? "default" : request.clusterName();
        if (!NAME.matcher(name).matches()) {
            throw Errors.invalidParameter(
                    "Cluster name can be up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens.");
        }
        tagRules.checkNew(request.tags());
        List<ClusterSetting> settings = settings(request.settings());
        List<String> providers = request.hasCapacityProviders() ? request.capacityProviders() : List.of();
        checkCapacityProviders(providers, request.defaultCapacityProviderStrategy());
        Optional<ClusterEntry> existing = state.clusters().byName(name).filter(ClusterEntry::isActive);
        if (existing.isPresent()) {
            // ECS answers a valid second create of an ACTIVE name with the cluster as it is, changing nothing.
            return CreateClusterResponse.builder().cluster(render(state, existing.get(), AS_WRITTEN)).build();
        }

        Cluster.Builder cluster = Cluster.builder()
                .clusterArn(state.arns().cluster(name))
                .clusterName(name)
                .status("ACTIVE")
                .settings(settings)
                .capacityProviders(providers)
                .defaultCapacityProviderStrategy(request.hasDefaultCapacityProviderStrategy()
                        ? strategyWithDefaults(request.defaultCapacityProviderStrategy()) : List.of())
                .configuration(request.configuration());
        if (request.serviceConnectDefaults() != null && request.serviceConnectDefaults().namespace() != null) {
            cluster.serviceConnectDefaults(ClusterServiceConnectDefaults.builder()
                    .namespace(state.namespaceArn(request.serviceConnectDefaults().namespace())).build());
        }
        ClusterEntry entry = state.addCluster(cluster.build());
        state.tags().forget(entry.arn());
        state.tags().add(entry.arn(), request.tags());
        return CreateClusterResponse.builder().cluster(render(state, entry, AS_WRITTEN)).build();
    }

    public DeleteClusterResponse deleteCluster(EcsState state, DeleteClusterRequest request) {
        if (request.cluster() == null || request.cluster().isEmpty()) {
            throw Errors.missingMember("cluster");
        }
        ClusterEntry entry = state.activeCluster(request.cluster());
        ClusterStatistics.Counts counts = statistics.of(state, entry);
        if (counts.activeServices() + counts.drainingServices() > 0) {
            throw new EcsError("ClusterContainsServicesException",
                    "The Cluster cannot be deleted while Services are active.");
        }
        if (state.tasks().notStopped(entry.arn()) > 0) {
            throw new EcsError("ClusterContainsTasksException",
                    "The Cluster cannot be deleted while Tasks are active.");
        }
        if (counts.registeredContainerInstances() > 0) {
            throw new EcsError("ClusterContainsContainerInstancesException",
                    "The Cluster cannot be deleted while Container Instances are active or draining.");
        }
        state.deleteCluster(entry);
        return DeleteClusterResponse.builder().cluster(render(state, entry, AS_WRITTEN)).build();
    }

    public DescribeClustersResponse describeClusters(EcsState state, DescribeClustersRequest request) {
        List<String> names = request.hasClusters() && !request.clusters().isEmpty() ? request.clusters() : List.of("default");
        if (names.size() > MAX_DESCRIBE) {
            throw Errors.invalidParameter("clusters can have at most " + MAX_DESCRIBE + " items.");
        }
        if (names.stream().anyMatch(name -> name == null || name.isBlank())) {
            throw Errors.invalidParameter("Clusters can not be blank.");
        }
        Set<ClusterField> include = include(request.includeAsStrings());
        List<Cluster> clusters = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String name : names) {
            Optional<ClusterEntry> entry = state.findCluster(name);
            if (entry.isPresent()) {
                clusters.add(render(state, entry.get(), include));
            } else {
                String arn = name.startsWith("arn:") ? name : state.arns().cluster(name);
                failures.add(Failure.builder().arn(arn).reason("MISSING").build());
            }
        }
        return DescribeClustersResponse.builder().clusters(clusters).failures(failures).build();
    }

    public ListClustersResponse listClusters(EcsState state, ListClustersRequest request) {
        int size = PageTokens.pageSize(request.maxResults(), 100, 100);
        PageTokens.Page<ClusterEntry> page = state.pageTokens().page("ListClusters", state.clusters().inOrder(),
                request.nextToken(), size, ClusterEntry::isActive, String::valueOf, Long::valueOf);
        return ListClustersResponse.builder()
                .clusterArns(page.items().stream().map(ClusterEntry::arn).toList())
                .nextToken(page.nextToken())
                .build();
    }

    /** The cluster as DescribeClusters shows it: live counters, and what {@code include} asks for. */
    public Cluster render(EcsState state, ClusterEntry entry, Set<ClusterField> include) {
        Cluster stored = entry.cluster();
        ClusterStatistics.Counts counts = statistics.of(state, entry);
        Cluster.Builder cluster = stored.toBuilder()
                .registeredContainerInstancesCount(counts.registeredContainerInstances())
                .runningTasksCount(counts.runningTasks())
                .pendingTasksCount(counts.pendingTasks())
                .activeServicesCount(counts.activeServices())
                .statistics(include.contains(ClusterField.STATISTICS) ? statistics(counts) : List.of())
                .tags(include.contains(ClusterField.TAGS) ? state.tags().tagsOf(entry.arn()) : List.of())
                .settings(include.contains(ClusterField.SETTINGS) ? stored.settings() : List.of());
        if (!include.contains(ClusterField.CONFIGURATIONS)) {
            cluster.configuration((ClusterConfiguration) null);
        }
        if (!include.contains(ClusterField.ATTACHMENTS)) {
            cluster.attachments((List<Attachment>) null);
        }
        return cluster.build();
    }

    private static Set<ClusterField> include(List<String> include) {
        Set<ClusterField> fields = EnumSet.noneOf(ClusterField.class);
        for (String value : include) {
            ClusterField field = ClusterField.fromValue(value);
            if (field == null || field == ClusterField.UNKNOWN_TO_SDK_VERSION) {
                throw Errors.invalidParameter("include should be one of [ATTACHMENTS,CONFIGURATIONS,SETTINGS,STATISTICS,TAGS]");
            }
            fields.add(field);
        }
        return fields;
    }

    private static List<KeyValuePair> statistics(ClusterStatistics.Counts counts) {
        List<KeyValuePair> list = new ArrayList<>();
        counts.byLaunchType().forEach((name, value) ->
                list.add(KeyValuePair.builder().name(name).value(String.valueOf(value)).build()));
        return list;
    }

    private static List<ClusterSetting> settings(List<ClusterSetting> requested) {
        List<ClusterSetting> settings = new ArrayList<>();
        boolean insights = false;
        for (ClusterSetting setting : requested) {
            if (!"containerInsights".equals(setting.nameAsString())) {
                throw Errors.invalidParameter("Invalid setting 'name'");
            }
            if (setting.value() == null || !CONTAINER_INSIGHTS_VALUES.contains(setting.value())) {
                throw Errors.invalidParameter("Invalid setting 'value'");
            }
            insights = true;
            settings.add(setting);
        }
        if (!insights) {
            settings.add(ClusterSetting.builder().name("containerInsights").value("disabled").build());
        }
        return settings;
    }

    private static void checkCapacityProviders(List<String> providers, List<CapacityProviderStrategyItem> strategy) {
        for (String provider : providers) {
            if (!BUILT_IN_CAPACITY_PROVIDERS.contains(provider)) {
                throw Errors.invalidParameter("The specified capacity provider '" + provider
                        + "' does not exist. Specify a valid capacity provider and try again.");
            }
        }
        for (CapacityProviderStrategyItem item : strategy) {
            if (!providers.contains(item.capacityProvider())) {
                throw Errors.invalidParameter("The specified capacity provider strategy cannot contain a capacity "
                        + "provider that is not associated with the cluster. Associate the capacity provider with the "
                        + "cluster or specify a valid capacity provider and try again.");
            }
        }
    }

    static List<CapacityProviderStrategyItem> strategyWithDefaults(List<CapacityProviderStrategyItem> strategy) {
        return strategy.stream()
                .map(item -> item.toBuilder()
                        .weight(item.weight() == null ? 0 : item.weight())
                        .base(item.base() == null ? 0 : item.base())
                        .build())
                .toList();
    }
}
