package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.errors.EcsError;
import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.paging.PageTokens;
import io.github.ecsmock.internal.state.CapacityProviderEntry;
import io.github.ecsmock.internal.state.ClusterEntry;
import io.github.ecsmock.internal.state.EcsState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.AutoScalingGroupProvider;
import software.amazon.awssdk.services.ecs.model.AutoScalingGroupProviderUpdate;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.CreateCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.CreateCapacityProviderResponse;
import software.amazon.awssdk.services.ecs.model.DeleteCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.DeleteCapacityProviderResponse;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ManagedScaling;
import software.amazon.awssdk.services.ecs.model.PutClusterCapacityProvidersRequest;
import software.amazon.awssdk.services.ecs.model.PutClusterCapacityProvidersResponse;
import software.amazon.awssdk.services.ecs.model.UpdateCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.UpdateCapacityProviderResponse;

/**
 * CreateCapacityProvider, UpdateCapacityProvider, DeleteCapacityProvider, DescribeCapacityProviders
 * and PutClusterCapacityProviders, for Auto Scaling group providers and the built-in
 * {@code FARGATE} and {@code FARGATE_SPOT}.
 *
 * <p>Amazon ECS Managed Instances providers (cluster-scoped, {@code managedInstancesProvider}) are not
 * emulated: asking for one is an {@code UnsupportedFeatureException} that says so.
 */
public final class CapacityProviders {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");
    private static final List<String> RESERVED_PREFIXES = List.of("aws", "ecs", "fargate");
    private static final int MAX_DESCRIBE = 100;
    /** DescribeCapacityProviders pages by 10 at most and by default (the model's {@code maxResults} text). */
    private static final int PAGE_SIZE = 10;

    /** The documented defaults of {@code managedScaling} (AWS CLI create-capacity-provider example, model docs). */
    private static final int DEFAULT_TARGET_CAPACITY = 100;
    private static final int DEFAULT_MINIMUM_STEP = 1;
    private static final int DEFAULT_MAXIMUM_STEP = 10_000;
    private static final int DEFAULT_WARMUP = 300;

    private final Clusters clusters;
    private final TagRules tagRules;

    public CapacityProviders(Clusters clusters, TagRules tagRules) {
        this.clusters = clusters;
        this.tagRules = tagRules;
    }

    public CreateCapacityProviderResponse createCapacityProvider(EcsState state, CreateCapacityProviderRequest request) {
        String name = request.name();
        checkName(name);
        tagRules.checkNew(request.tags());
        if (request.managedInstancesProvider() != null) {
            throw managedInstancesUnsupported();
        }
        AutoScalingGroupProvider group = request.autoScalingGroupProvider();
        if (group == null) {
            throw Errors.missingMember("autoScalingGroupProvider");
        }
        if (request.cluster() != null) {
            // Not verified: only Managed Instances providers are cluster-scoped (the model's text), and
            // clients refuse the combination before calling (terraform's aws_ecs_capacity_provider).
            throw Errors.invalidParameter("The cluster parameter is only supported for Amazon ECS Managed Instances "
                    + "capacity providers. Remove it and try again.");
        }
        Optional<CapacityProviderEntry> existing = state.capacityProviders().byName(name).filter(entry -> !entry.isInactive());
        if (existing.isPresent()) {
            // Real text (aws/containers-roadmap#688, cloudposse/terraform-aws-ecs-cluster#68).
            throw Errors.client("The specified capacity provider already exists. To change the configuration of an "
                    + "existing capacity provider, update the capacity provider.");
        }
        String groupArn = autoScalingGroupArn(state, group.autoScalingGroupArn());
        String groupName = autoScalingGroupName(groupArn);
        if (state.capacityProviders().owning(groupName).isPresent()) {
            // Real text (aws/containers-roadmap#632).
            throw Errors.client("The specified Auto Scaling group ARN is already being used by another capacity provider. "
                    + "Specify a unique Auto Scaling group ARN and try again.");
        }
        CapacityProvider provider = CapacityProvider.builder()
                .capacityProviderArn(state.arns().capacityProvider(name))
                .name(name)
                .status("ACTIVE")
                .type("EC2_AUTOSCALING")
                .autoScalingGroupProvider(AutoScalingGroupProvider.builder()
                        .autoScalingGroupArn(groupArn)
                        .managedScaling(managedScaling(null, group.managedScaling()))
                        .managedTerminationProtection(group.managedTerminationProtection() == null
                                ? "DISABLED" : group.managedTerminationProtectionAsString())
                        .managedDraining(group.managedDraining() == null ? "ENABLED" : group.managedDrainingAsString())
                        .build())
                .build();
        CapacityProviderEntry entry = state.capacityProviderLifecycle().addCapacityProvider(provider, groupName);
        state.tags().add(entry.arn(), request.tags());
        return CreateCapacityProviderResponse.builder().capacityProvider(render(state, entry, true)).build();
    }

    public UpdateCapacityProviderResponse updateCapacityProvider(EcsState state, UpdateCapacityProviderRequest request) {
        checkCluster(state, request.cluster());
        if (request.managedInstancesProvider() != null) {
            throw managedInstancesUnsupported();
        }
        String name = nameOf(state, request.name());
        if (CapacityAssociations.isFargate(name)) {
            // Not verified: the model documents that the Fargate providers are reserved.
            throw Errors.client("The FARGATE and FARGATE_SPOT capacity providers are reserved and can't be updated.");
        }
        CapacityProviderEntry entry = existing(state, name);
        if (entry.isDeleting()) {
            // Not verified.
            throw Errors.client("The specified capacity provider is being deleted and can't be updated.");
        }
        AutoScalingGroupProviderUpdate update = request.autoScalingGroupProvider();
        if (update == null) {
            throw Errors.missingMember("autoScalingGroupProvider");
        }
        AutoScalingGroupProvider current = entry.provider().autoScalingGroupProvider();
        AutoScalingGroupProvider.Builder updated = current.toBuilder()
                .managedScaling(managedScaling(current.managedScaling(), update.managedScaling()));
        if (update.managedTerminationProtection() != null) {
            updated.managedTerminationProtection(update.managedTerminationProtectionAsString());
        }
        if (update.managedDraining() != null) {
            updated.managedDraining(update.managedDrainingAsString());
        }
        state.capacityProviderLifecycle().updateCapacityProvider(entry,
                entry.provider().toBuilder().autoScalingGroupProvider(updated.build()).build());
        return UpdateCapacityProviderResponse.builder().capacityProvider(render(state, entry, true)).build();
    }

    /**
     * Deletes a provider. One still associated with a cluster is not refused with an error: ECS answers
     * 200 with {@code updateStatus: DELETE_FAILED} and the reason (hashicorp/terraform-provider-aws#48156,
     * ekristen/aws-nuke#542). A provider used by a service's strategy is always associated with the
     * service's cluster (PutClusterCapacityProviders will not remove it), so that reason covers it.
     */
    public DeleteCapacityProviderResponse deleteCapacityProvider(EcsState state, DeleteCapacityProviderRequest request) {
        checkCluster(state, request.cluster());
        String name = nameOf(state, request.capacityProvider());
        if (CapacityAssociations.isFargate(name)) {
            // Not verified: the model's words, "reserved and can't be deleted".
            throw Errors.client("The FARGATE and FARGATE_SPOT capacity providers are reserved and can't be deleted.");
        }
        CapacityProviderEntry entry = existing(state, name);
        if (entry.clusterArn() != null) {
            String cluster = state.arns().nameOf(entry.clusterArn(), "cluster").orElse(entry.clusterArn());
            state.capacityProviderLifecycle().failCapacityProviderDeletion(entry, "The capacity provider cannot be deleted because it is associated "
                    + "with cluster: " + cluster + ". Remove the capacity provider from the cluster and try again.");
        } else if (!entry.isDeleting()) {
            state.capacityProviderLifecycle().deleteCapacityProvider(entry);
        }
        return DeleteCapacityProviderResponse.builder().capacityProvider(render(state, entry, true)).build();
    }

    public DescribeCapacityProvidersResponse describeCapacityProviders(EcsState state, DescribeCapacityProvidersRequest request) {
        int size = PageTokens.pageSize(request.maxResults(), PAGE_SIZE, PAGE_SIZE);
        boolean tags = request.includeAsStrings().contains("TAGS");
        ClusterEntry cluster = request.cluster() == null ? null : state.activeCluster(request.cluster());
        NavigableMap<Long, CapacityProvider> listed = new TreeMap<>();
        List<Failure> failures = new ArrayList<>();
        if (request.hasCapacityProviders() && !request.capacityProviders().isEmpty()) {
            if (request.capacityProviders().size() > MAX_DESCRIBE) {
                throw Errors.invalidParameter("capacityProviders can have at most " + MAX_DESCRIBE + " items.");
            }
            long position = 0;
            for (String requested : request.capacityProviders()) {
                Optional<CapacityProvider> found = find(state, requested, tags);
                if (found.isPresent()) {
                    listed.put(position++, found.get());
                } else {
                    String arn = requested != null && requested.startsWith("arn:")
                            ? requested : state.arns().capacityProvider(requested == null ? "" : requested);
                    failures.add(Failure.builder().arn(arn).reason("MISSING").build());
                }
            }
        } else {
            // The account's providers in creation order, then the built-ins (AWS CLI describe-capacity-providers example).
            for (CapacityProviderEntry entry : state.capacityProviders().inOrder().values()) {
                listed.put(entry.sequence(), render(state, entry, tags));
            }
            listed.put(Long.MAX_VALUE - 1, builtIn(state, "FARGATE"));
            listed.put(Long.MAX_VALUE, builtIn(state, "FARGATE_SPOT"));
        }
        List<String> ofCluster = cluster == null ? null : cluster.cluster().capacityProviders();
        PageTokens.Page<CapacityProvider> page = state.pageTokens().page("DescribeCapacityProviders", listed,
                request.nextToken(), size, provider -> ofCluster == null || ofCluster.contains(provider.name()),
                String::valueOf, Long::valueOf);
        return DescribeCapacityProvidersResponse.builder()
                .capacityProviders(page.items())
                // Failures belong to the request, not to a page: they come with the first page only.
                .failures(request.nextToken() == null ? failures : List.of())
                .nextToken(page.nextToken())
                .build();
    }

    /**
     * Replaces the cluster's providers and default strategy. A cluster that is not ACTIVE is a
     * {@code ClientException} "Cluster was not ACTIVE." (hashicorp/terraform-provider-aws#11285); one
     * whose attachments are still being changed by the previous call is an
     * {@code UpdateInProgressException}, which clients retry (terraform's retryClusterCapacityProvidersPut;
     * the text is not verified).
     */
    public PutClusterCapacityProvidersResponse putClusterCapacityProviders(EcsState state,
                                                                           PutClusterCapacityProvidersRequest request) {
        ClusterEntry cluster = state.findCluster(request.cluster()).orElseThrow(Errors::clusterNotFound);
        if (!cluster.isActive()) {
            throw Errors.client("Cluster was not ACTIVE.");
        }
        if ("UPDATE_IN_PROGRESS".equals(cluster.cluster().attachmentsStatus())) {
            throw new EcsError("UpdateInProgressException", "The cluster's capacity providers are being updated. "
                    + "Wait for the update to complete and try again.");
        }
        List<String> providers = request.capacityProviders();
        CapacityAssociations.check(state, cluster.name(), providers, request.defaultCapacityProviderStrategy());
        CapacityAssociations.checkRemovals(state, cluster, providers);
        CapacityAssociations.apply(state, cluster, providers, request.defaultCapacityProviderStrategy());
        return PutClusterCapacityProvidersResponse.builder().cluster(clusters.renderAsWritten(state, cluster)).build();
    }

    /**
     * Names: letters, digits, underscores and hyphens, up to 255, not starting with aws, ecs or fargate
     * in any case (CloudFormation relayed the text with stack names "EcsCp" and "aws-..." alike,
     * aws/aws-cdk#36584). The code is not shown in any capture; ECS answers the other
     * CreateCapacityProvider mistakes with {@code ClientException}, so this one too.
     */
    private static void checkName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches() || RESERVED_PREFIXES.stream().anyMatch(lower::startsWith)) {
            throw Errors.client("The specified capacity provider name is invalid. Up to 255 characters are allowed, "
                    + "including letters (upper and lowercase), numbers, underscores, and hyphens. The name cannot be "
                    + "prefixed with \"aws\", \"ecs\", or \"fargate\". Specify a valid name and try again.");
        }
    }

    /** The {@code cluster} member is for Managed Instances providers; when given it must name a cluster. */
    private static void checkCluster(EcsState state, String cluster) {
        if (cluster != null) {
            state.activeCluster(cluster);
        }
    }

    private static EcsError managedInstancesUnsupported() {
        return new EcsError("UnsupportedFeatureException",
                "ecs-mock does not emulate Amazon ECS Managed Instances capacity providers yet.");
    }

    /** The provider a name or ARN means; an ARN of another account or region means none. */
    private static String nameOf(EcsState state, String nameOrArn) {
        return state.arns().nameOf(nameOrArn, "capacity-provider").orElse("");
    }

    /**
     * An Auto Scaling group provider that is not INACTIVE, or ECS's error (the text terraform matches
     * on for DeleteCapacityProvider, internal/service/ecs/capacity_provider.go).
     */
    private static CapacityProviderEntry existing(EcsState state, String name) {
        return state.capacityProviders().byName(name).filter(entry -> !entry.isInactive())
                .orElseThrow(() -> Errors.client(
                        "The specified capacity provider does not exist. Specify a valid name or ARN and try again."));
    }

    private static Optional<CapacityProvider> find(EcsState state, String nameOrArn, boolean tags) {
        String name = nameOrArn == null ? "" : nameOf(state, nameOrArn);
        if (CapacityAssociations.isFargate(name)) {
            return Optional.of(builtIn(state, name));
        }
        return state.capacityProviders().byName(name).map(entry -> render(state, entry, tags));
    }

    private static CapacityProvider render(EcsState state, CapacityProviderEntry entry, boolean tags) {
        return entry.provider().toBuilder().tags(tags ? state.tags().tagsOf(entry.arn()) : List.of()).build();
    }

    /**
     * The built-ins describe as ARN, name, ACTIVE and no tags (AWS CLI describe-capacity-providers
     * example), with the {@code type} of the same name that the model's CapacityProviderType gives them
     * (the example predates {@code type}; not verified against a capture).
     */
    private static CapacityProvider builtIn(EcsState state, String name) {
        return CapacityProvider.builder()
                .capacityProviderArn(state.arns().capacityProvider(name))
                .name(name)
                .status("ACTIVE")
                .type(name)
                .tags(List.of())
                .build();
    }

    /**
     * The managed scaling a provider gets: what the request gives over what it had, the documented
     * defaults for the rest. Without a status, managed scaling is off (not verified: ECS documents
     * defaults for the numbers only).
     */
    private static ManagedScaling managedScaling(ManagedScaling current, ManagedScaling given) {
        ManagedScaling base = current != null ? current : ManagedScaling.builder()
                .status("DISABLED")
                .targetCapacity(DEFAULT_TARGET_CAPACITY)
                .minimumScalingStepSize(DEFAULT_MINIMUM_STEP)
                .maximumScalingStepSize(DEFAULT_MAXIMUM_STEP)
                .instanceWarmupPeriod(DEFAULT_WARMUP)
                .build();
        if (given == null) {
            return base;
        }
        ManagedScaling.Builder merged = base.toBuilder();
        if (given.status() != null) {
            merged.status(given.statusAsString());
        }
        if (given.targetCapacity() != null) {
            merged.targetCapacity(given.targetCapacity());
        }
        if (given.minimumScalingStepSize() != null) {
            merged.minimumScalingStepSize(given.minimumScalingStepSize());
        }
        if (given.maximumScalingStepSize() != null) {
            merged.maximumScalingStepSize(given.maximumScalingStepSize());
        }
        if (given.instanceWarmupPeriod() != null) {
            merged.instanceWarmupPeriod(given.instanceWarmupPeriod());
        }
        return merged.build();
    }

    /**
     * ECS takes the group's ARN or its name; a name is shown as an ARN of the account and region, as
     * ECS resolves it (the ARN's UUID part is made up here).
     */
    private static String autoScalingGroupArn(EcsState state, String given) {
        if (given.startsWith("arn:")) {
            return given;
        }
        return "arn:" + state.arns().partition() + ":autoscaling:" + state.arns().region() + ":" + state.arns().account()
                + ":autoScalingGroup:" + state.ids().uuid() + ":autoScalingGroupName/" + given;
    }

    private static String autoScalingGroupName(String arn) {
        int at = arn.indexOf(":autoScalingGroupName/");
        return at < 0 ? arn : arn.substring(at + ":autoScalingGroupName/".length());
    }
}
