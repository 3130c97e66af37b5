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
import java.util.function.Supplier;
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
import software.amazon.awssdk.services.ecs.model.SettingName;
import software.amazon.awssdk.services.ecs.model.UpdateClusterRequest;
import software.amazon.awssdk.services.ecs.model.UpdateClusterResponse;
import software.amazon.awssdk.services.ecs.model.UpdateClusterSettingsRequest;
import software.amazon.awssdk.services.ecs.model.UpdateClusterSettingsResponse;

/** CreateCluster, DeleteCluster, DescribeClusters, ListClusters, UpdateCluster and UpdateClusterSettings. */
public final class Clusters {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");
    private static final Set<String> CONTAINER_INSIGHTS_VALUES = Set.of("enabled", "disabled", "enhanced");
    private static final int MAX_DESCRIBE = 100;
    /**
     * What CreateCluster and DeleteCluster show: tags, settings and configuration, but {@code statistics: []}
     * as in every captured CreateCluster and DeleteCluster answer (statistics come only with DescribeClusters).
     */
    private static final Set<ClusterField> AS_WRITTEN = EnumSet.complementOf(EnumSet.of(ClusterField.STATISTICS));

    private final ClusterStatistics statistics;
    private final TagRules tagRules;
    private final AccountSettings accountSettings;

    public Clusters(ClusterStatistics statistics, TagRules tagRules, AccountSettings accountSettings) {
        this.statistics = statistics;
        this.tagRules = tagRules;
        this.accountSettings = accountSettings;
    }

    public CreateClusterResponse createCluster(EcsState state, CreateClusterRequest request) {
        String name = request.clusterName() == null ? "default" : request.clusterName();
        if (!NAME.matcher(name).matches()) {
            throw Errors.invalidParameter(
                    "Cluster name can be up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens.");
        }
        tagRules.checkNew(request.tags());
        List<ClusterSetting> settings = withInsightsDefault(checkSettings(request.settings()), () -> accountSettings.effectiveValue(
                state, state.arns().callerPrincipal(), SettingName.CONTAINER_INSIGHTS));
        List<String> providers = request.hasCapacityProviders() ? request.capacityProviders() : List.of();
        CapacityAssociations.check(state, name, providers, request.defaultCapacityProviderStrategy());
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
        CapacityAssociations.apply(state, entry, providers, request.defaultCapacityProviderStrategy());
        if ("UPDATE_IN_PROGRESS".equals(entry.cluster().attachmentsStatus())) {
            // A cluster created with Auto Scaling group providers is PROVISIONING until their attachments
            // exist (ECS-EXAMPLES, CreateCluster); settling the attachments makes it ACTIVE.
            entry.update(entry.cluster().toBuilder().status("PROVISIONING").build());
        }
        return CreateClusterResponse.builder().cluster(render(state, entry, AS_WRITTEN)).build();
    }

    public DeleteClusterResponse deleteCluster(EcsState state, DeleteClusterRequest request) {
        if (request.cluster() == null || request.cluster().isEmpty()) {
            throw Errors.missingMember("cluster");
        }
        ClusterEntry entry = state.activeCluster(request.cluster());
        if ("UPDATE_IN_PROGRESS".equals(entry.cluster().attachmentsStatus())) {
            // Real text, met when a cluster is deleted right after its Auto Scaling group providers were
            // removed, while their attachments were still being deleted (hashicorp/terraform-provider-aws#45794).
            throw Errors.client("The Cluster cannot be deleted while Cluster Scoped Capacity Providers are attached to the cluster");
        }
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
        // Deleting a cluster disassociates its Auto Scaling group providers (the DeleteCapacityProvider docs:
        // "To remove a capacity provider from a cluster, you can either use PutClusterCapacityProviders or
        // delete the cluster").
        state.capacityProviderLifecycle().associateCapacityProviders(entry, List.of());
        state.deleteCluster(entry);
        return DeleteClusterResponse.builder().cluster(render(state, entry, AS_WRITTEN)).build();
    }

    /**
     * Changes settings, configuration and the Service Connect default namespace; what the request leaves
     * out stays as it was. A configuration part given replaces that part (executeCommandConfiguration,
     * managedStorageConfiguration); an empty namespace removes the Service Connect defaults, as the model
     * documents.
     */
    public UpdateClusterResponse updateCluster(EcsState state, UpdateClusterRequest request) {
        ClusterEntry entry = state.activeCluster(request.cluster());
        Cluster current = entry.cluster();
        Cluster.Builder updated = current.toBuilder();
        if (request.hasSettings() && !request.settings().isEmpty()) {
            updated.settings(merged(current.settings(), checkSettings(request.settings())));
        }
        ClusterConfiguration configuration = request.configuration();
        if (configuration != null) {
            ClusterConfiguration.Builder merged = current.configuration() == null
                    ? ClusterConfiguration.builder() : current.configuration().toBuilder();
            if (configuration.executeCommandConfiguration() != null) {
                merged.executeCommandConfiguration(configuration.executeCommandConfiguration());
            }
            if (configuration.managedStorageConfiguration() != null) {
                merged.managedStorageConfiguration(configuration.managedStorageConfiguration());
            }
            updated.configuration(merged.build());
        }
        if (request.serviceConnectDefaults() != null) {
            String namespace = request.serviceConnectDefaults().namespace();
            updated.serviceConnectDefaults(namespace == null || namespace.isEmpty() ? null
                    : ClusterServiceConnectDefaults.builder().namespace(state.namespaceArn(namespace)).build());
        }
        entry.update(updated.build());
        return UpdateClusterResponse.builder().cluster(renderAsWritten(state, entry)).build();
    }

    /** Changes the cluster's settings (containerInsights), with CreateCluster's checks. */
    public UpdateClusterSettingsResponse updateClusterSettings(EcsState state, UpdateClusterSettingsRequest request) {
        ClusterEntry entry = state.activeCluster(request.cluster());
        List<ClusterSetting> given = checkSettings(request.settings());
        if (!given.isEmpty()) {
            entry.update(entry.cluster().toBuilder().settings(merged(entry.cluster().settings(), given)).build());
        }
        return UpdateClusterSettingsResponse.builder().cluster(renderAsWritten(state, entry)).build();
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

    /**
     * The cluster as the operations that change it answer: everything but {@code statistics}, as in
     * every captured CreateCluster, PutClusterCapacityProviders and UpdateCluster answer.
     */
    public Cluster renderAsWritten(EcsState state, ClusterEntry entry) {
        return render(state, entry, AS_WRITTEN);
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

    /**
     * The settings a request gives, checked: only containerInsights, with enabled, disabled or enhanced
     * ("Invalid setting 'value'" is real, terraform-aws-modules/terraform-aws-ecs#264, for UpdateCluster).
     */
    private static List<ClusterSetting> checkSettings(List<ClusterSetting> requested) {
        for (ClusterSetting setting : requested) {
            if (!"containerInsights".equals(setting.nameAsString())) {
                throw Errors.invalidParameter("Invalid setting 'name'");
            }
            if (setting.value() == null || !CONTAINER_INSIGHTS_VALUES.contains(setting.value())) {
                throw Errors.invalidParameter("Invalid setting 'value'");
            }
        }
        return requested;
    }

    /**
     * A new cluster's settings: those asked for, and Container Insights as the caller's
     * {@code containerInsights} account setting says when none is asked for ("When you opt in to the
     * containerInsights account setting, all new clusters have Container Insights enabled by default").
     */
    private static List<ClusterSetting> withInsightsDefault(List<ClusterSetting> given, Supplier<String> insightsDefault) {
        List<ClusterSetting> settings = new ArrayList<>(given);
        if (settings.isEmpty()) {
            settings.add(ClusterSetting.builder().name("containerInsights").value(insightsDefault.get()).build());
        }
        return settings;
    }

    /** The cluster's settings with each setting the request names replaced by the request's value. */
    private static List<ClusterSetting> merged(List<ClusterSetting> current, List<ClusterSetting> given) {
        List<ClusterSetting> settings = new ArrayList<>();
        for (ClusterSetting setting : current) {
            if (given.stream().noneMatch(g -> g.nameAsString().equals(setting.nameAsString()))) {
                settings.add(setting);
            }
        }
        for (ClusterSetting setting : given) {
            settings.removeIf(s -> s.nameAsString().equals(setting.nameAsString()));
            settings.add(setting);
        }
        return settings;
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
