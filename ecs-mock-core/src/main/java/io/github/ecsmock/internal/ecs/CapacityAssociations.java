package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.errors.EcsError;
import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.state.CapacityProviderEntry;
import io.github.ecsmock.internal.state.ClusterEntry;
import io.github.ecsmock.internal.state.EcsState;
import io.github.ecsmock.internal.state.ServiceEntry;
import io.github.ecsmock.internal.state.TaskEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.AutoScalingGroupProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * The rules CreateCluster and PutClusterCapacityProviders share about which capacity providers a
 * cluster may have, and what associating them does: the providers must exist and be ACTIVE, an Auto
 * Scaling group provider serves one cluster at a time, a default strategy names only the cluster's
 * providers and never mixes Auto Scaling group and Fargate providers, and a provider still used by a
 * service or a task cannot be removed. Associating an Auto Scaling group provider gives the cluster
 * its attachments (the managed scaling policy, the managed draining hook), built one lifecycle step
 * later.
 */
final class CapacityAssociations {
    static final Set<String> FARGATE_PROVIDERS = Set.of("FARGATE", "FARGATE_SPOT");

    /** The quota "Capacity providers per cluster" (not adjustable), from the ECS service quotas page. */
    static final int MAX_PER_CLUSTER = 20;

    private CapacityAssociations() {
    }

    static boolean isFargate(String provider) {
        return provider != null && FARGATE_PROVIDERS.contains(provider);
    }

    /**
     * Checks the providers and the default strategy that the cluster named {@code clusterName} would
     * have. Texts: "was not found" from a real CreateCluster error (terraform-aws-modules/terraform-aws-ecs#53);
     * "is not in an ACTIVE state" (hashicorp/terraform-provider-aws#45693); the per-cluster maximum
     * (aws-cloudformation/cloudformation-coverage-roadmap#1086); the mix of Auto Scaling group and
     * Fargate providers (terraform-aws-modules/terraform-aws-ecs#68). A provider associated with
     * another cluster: not verified, written in the style of the ACTIVE-state error.
     */
    static void check(EcsState state, String clusterName, List<String> providers, List<CapacityProviderStrategyItem> strategy) {
        if (providers.size() > MAX_PER_CLUSTER) {
            throw Errors.invalidParameter("The maximum number of capacity providers per cluster has been exceeded.");
        }
        if (new HashSet<>(providers).size() < providers.size()) {
            // Unverified text: ECS's answer to a provider named twice is not captured.
            throw Errors.invalidParameter("The capacityProviders list cannot contain duplicate capacity providers.");
        }
        String clusterArn = state.arns().cluster(clusterName);
        for (String provider : providers) {
            if (isFargate(provider)) {
                continue;
            }
            CapacityProviderEntry entry = Optional.ofNullable(provider).flatMap(state.capacityProviders()::byName)
                    .orElseThrow(() -> Errors.invalidParameter(
                            "The specified capacity provider was not found. Specify a valid capacity provider and try again."));
            if (!entry.isUsable()) {
                throw Errors.invalidParameter("The specified capacity provider '" + provider
                        + "' is not in an ACTIVE state. Specify a valid capacity provider and try again.");
            }
            if (entry.clusterArn() != null && !entry.clusterArn().equals(clusterArn)) {
                throw Errors.invalidParameter("The specified capacity provider '" + provider
                        + "' is already associated with another cluster. Specify a valid capacity provider and try again.");
            }
        }
        for (CapacityProviderStrategyItem item : strategy) {
            if (!providers.contains(item.capacityProvider())) {
                throw notAssociated();
            }
        }
        checkStrategy(strategy);
    }

    static EcsError notAssociated() {
        return Errors.invalidParameter("The specified capacity provider strategy cannot contain a capacity provider that is "
                + "not associated with the cluster. Associate the capacity provider with the cluster or specify a valid "
                + "capacity provider and try again.");
    }

    /** The rules every strategy keeps, a cluster's default one or a service's or task's own. */
    static void checkStrategy(List<CapacityProviderStrategyItem> strategy) {
        checkNotMixed(strategy);
        checkEachOnce(strategy);
        checkOneBase(strategy);
    }

    /** A provider twice in one strategy would have two weights. ECS's text for it is not captured. */
    private static void checkEachOnce(List<CapacityProviderStrategyItem> strategy) {
        if (strategy.stream().map(CapacityProviderStrategyItem::capacityProvider).distinct().count() < strategy.size()) {
            throw Errors.invalidParameter("A capacity provider strategy cannot contain the same capacity provider more than once.");
        }
    }

    /**
     * "Only one capacity provider in a capacity provider strategy can have a base defined" (the API
     * reference); a base of 0, which many configurations write out, is no base. ECS's own text for the
     * error is not captured; the rule's wording is used.
     */
    private static void checkOneBase(List<CapacityProviderStrategyItem> strategy) {
        if (strategy.stream().filter(item -> item.base() != null && item.base() > 0).count() > 1) {
            throw Errors.invalidParameter("Only one capacity provider in a capacity provider strategy can have a base defined.");
        }
    }

    /** A strategy holds Auto Scaling group providers or Fargate providers, never both. */
    private static void checkNotMixed(List<CapacityProviderStrategyItem> strategy) {
        boolean fargate = strategy.stream().anyMatch(item -> isFargate(item.capacityProvider()));
        boolean autoScaling = strategy.stream().anyMatch(item -> !isFargate(item.capacityProvider()));
        if (fargate && autoScaling) {
            throw Errors.invalidParameter("A capacity provider strategy cannot contain a mix of capacity providers using "
                    + "Auto Scaling groups and Fargate providers. Specify one or the other and try again.");
        }
    }

    /**
     * Refuses to remove a provider that a service of the cluster (its strategy, or a deployment's) or
     * a task not yet stopped still uses: {@code ResourceInUseException}, as CloudFormation relayed it
     * (pahud/cdk-fargate-patterns#71, aws/containers-roadmap#631).
     */
    static void checkRemovals(EcsState state, ClusterEntry cluster, List<String> kept) {
        Set<String> removed = new HashSet<>(cluster.cluster().capacityProviders());
        removed.removeAll(kept);
        if (removed.isEmpty()) {
            return;
        }
        for (ServiceEntry service : state.services().inOrder(cluster.arn()).values()) {
            if ("INACTIVE".equals(service.status())) {
                continue;
            }
            Service shown = service.toService(List.of());
            Stream<CapacityProviderStrategyItem> strategies = Stream.concat(shown.capacityProviderStrategy().stream(),
                    shown.deployments().stream().map(Deployment::capacityProviderStrategy).flatMap(List::stream));
            if (strategies.anyMatch(item -> removed.contains(item.capacityProvider()))) {
                throw inUse();
            }
        }
        List<TaskEntry> tasks = new ArrayList<>(state.tasks().live(cluster.arn()).values());
        tasks.addAll(state.tasks().stopped(cluster.arn()).values());
        for (TaskEntry task : tasks) {
            if (!task.isStopped() && removed.contains(task.toTask(List.of()).capacityProviderName())) {
                throw inUse();
            }
        }
    }

    private static EcsError inUse() {
        return new EcsError("ResourceInUseException", "The specified capacity provider is in use and cannot be removed.");
    }

    /**
     * Gives the cluster these providers and this default strategy, takes the Auto Scaling group
     * providers for it (and frees the ones it drops), and starts building or removing their
     * attachments.
     */
    static void apply(EcsState state, ClusterEntry cluster, List<String> providers, List<CapacityProviderStrategyItem> strategy) {
        Cluster current = cluster.cluster();
        List<Attachment> before = current.hasAttachments() ? current.attachments() : List.of();
        List<Attachment> after = attachments(state, before, providers);
        boolean changing = after.stream().anyMatch(a -> "PRECREATED".equals(a.status()) || "DELETING".equals(a.status()));
        Cluster.Builder updated = current.toBuilder()
                .capacityProviders(new ArrayList<>(providers))
                .defaultCapacityProviderStrategy(Clusters.strategyWithDefaults(strategy));
        if (changing) {
            updated.attachments(after).attachmentsStatus("UPDATE_IN_PROGRESS");
        }
        cluster.update(updated.build());
        state.capacityProviderLifecycle().associateCapacityProviders(cluster, providers);
        if (changing) {
            state.capacityProviderLifecycle().settleClusterAttachments(cluster);
        }
    }

    /**
     * The attachments after the change: those of kept providers stay, those of removed providers are
     * DELETING, and a newly associated Auto Scaling group provider gets an {@code as_policy}
     * attachment when it has managed scaling and a {@code managed_draining} one when it has managed
     * draining, both PRECREATED (shapes from the AWS CLI examples of update-cluster and
     * put-cluster-capacity-providers).
     */
    private static List<Attachment> attachments(EcsState state, List<Attachment> before, List<String> providers) {
        List<Attachment> after = new ArrayList<>();
        Set<String> attached = new HashSet<>();
        for (Attachment attachment : before) {
            String provider = providerOf(attachment).orElse(null);
            attached.add(provider);
            after.add(provider != null && providers.contains(provider) ? attachment : attachment.toBuilder().status("DELETING").build());
        }
        for (String provider : providers) {
            if (isFargate(provider) || attached.contains(provider)) {
                continue;
            }
            CapacityProviderEntry entry = state.capacityProviders().byName(provider).orElseThrow();
            AutoScalingGroupProvider group = entry.provider().autoScalingGroupProvider();
            if (group.managedScaling() != null && "ENABLED".equals(group.managedScaling().statusAsString())) {
                after.add(attachment(state, "as_policy", provider, "scalingPolicyName",
                        "ECSManagedAutoScalingPolicy-" + state.ids().uuid()));
            }
            if ("ENABLED".equals(group.managedDrainingAsString())) {
                after.add(attachment(state, "managed_draining", provider, "autoScalingLifecycleHookName",
                        "ecs-managed-draining-termination-hook"));
            }
        }
        return after;
    }

    private static Attachment attachment(EcsState state, String type, String provider, String detail, String value) {
        return Attachment.builder()
                .id(state.ids().uuid())
                .type(type)
                .status("PRECREATED")
                .details(KeyValuePair.builder().name("capacityProviderName").value(provider).build(),
                        KeyValuePair.builder().name(detail).value(value).build())
                .build();
    }

    private static Optional<String> providerOf(Attachment attachment) {
        return attachment.details().stream()
                .filter(detail -> "capacityProviderName".equals(detail.name()))
                .map(KeyValuePair::value)
                .findFirst();
    }
}
