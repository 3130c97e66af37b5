package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.errors.EcsError;
import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.state.ClusterEntry;
import io.github.ecsmock.internal.state.Fargate;
import io.github.ecsmock.internal.state.Placement;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The rules RunTask, CreateService and UpdateService share about where tasks run: launch type or
 * capacity provider strategy (the request's, else the cluster's default, else EC2), whether the
 * definition supports it, the {@code awsvpc} network configuration and the Fargate platform version.
 */
final class LaunchRules {
    private static final Set<String> LAUNCH_TYPES = Set.of("EC2", "FARGATE", "EXTERNAL");

    private LaunchRules() {
    }

    /** Where tasks run: a launch type, or a strategy (with the launch type its providers give). */
    record Launch(String launchType, List<CapacityProviderStrategyItem> strategy) {
        boolean byStrategy() {
            return !strategy.isEmpty();
        }
    }

    static Launch resolve(ClusterEntry cluster, String launchType, List<CapacityProviderStrategyItem> strategy) {
        if (launchType != null && !strategy.isEmpty()) {
            throw Errors.invalidParameter("Specifying both a launch type and capacity provider strategy is not supported. "
                    + "Remove one and try again.");
        }
        if (launchType != null) {
            if (!LAUNCH_TYPES.contains(launchType)) {
                // The model's other value, MANAGED_INSTANCES, is reached through capacity providers only.
                throw Errors.invalidParameter("The launch type " + launchType + " is used through a capacity provider "
                        + "strategy. Specify capacityProviderStrategy instead of launchType and try again.");
            }
            return new Launch(launchType, List.of());
        }
        boolean own = !strategy.isEmpty();
        List<CapacityProviderStrategyItem> effective = own ? strategy : cluster.cluster().defaultCapacityProviderStrategy();
        if (effective.isEmpty()) {
            return new Launch("EC2", List.of());
        }
        for (CapacityProviderStrategyItem item : effective) {
            if (!cluster.cluster().capacityProviders().contains(item.capacityProvider())) {
                throw CapacityAssociations.notAssociated();
            }
        }
        CapacityAssociations.checkStrategy(effective);
        if (effective.stream().noneMatch(item -> item.weight() != null && item.weight() > 0)) {
            throw Errors.invalidParameter(own
                    ? "At least one capacity provider in the capacity provider strategy must have a weight value greater than zero."
                    : "There are no capacity providers with a weight value greater than zero defined in the default capacity "
                    + "provider strategy. At least one capacity provider must have a weight value greater than zero "
                    + "specified. Update the cluster's default capacity provider strategy or specify a valid capacity "
                    + "provider strategy and try again.");
        }
        // An Auto Scaling group provider places tasks on the EC2 launch type (the strategy is never mixed).
        return new Launch(Placement.launchTypeOf(effective.get(0).capacityProvider()), Clusters.strategyWithDefaults(effective));
    }

    /** The definition must list the launch type among its computed {@code compatibilities}. */
    static void checkCompatible(TaskDefinition definition, String launchType) {
        if (!definition.compatibilitiesAsStrings().contains(launchType)) {
            throw Errors.invalidParameter("Task definition does not support launch_type " + launchType + ".");
        }
    }

    /**
     * Fargate places tasks itself: constraints given to RunTask or a service are refused, in ECS's
     * words for CreateService (GetSimpl/cloudlift#138, hashicorp/terraform-provider-aws#26337).
     */
    static void checkFargatePlacement(String launchType, List<PlacementConstraint> constraints) {
        if ("FARGATE".equals(launchType) && !constraints.isEmpty()) {
            throw Errors.invalidParameter("Placement constraints are not supported with FARGATE launch type.");
        }
    }

    static void checkPlatformVersion(String launchType, String platformVersion) {
        if (platformVersion != null && !"FARGATE".equals(launchType)) {
            throw Errors.invalidParameter("The platform version must be null when specifying an EC2 launch type.");
        }
        if (platformVersion != null && !Fargate.isPlatformVersion(platformVersion)) {
            // ECS's answer to "1.4" for "1.4.0" (jenkinsci/amazon-ecs-plugin#218).
            throw new EcsError("PlatformUnknownException", "The specified platform does not exist.");
        }
    }

    /**
     * The network configuration the tasks get: required for {@code awsvpc} definitions (the lenient
     * profile lets it be missing), refused for others; {@code assignPublicIp} defaults to DISABLED.
     */
    static NetworkConfiguration network(String operation, TaskDefinition definition, NetworkConfiguration given,
                                        String launchType, Leniency leniency) {
        boolean awsvpc = "awsvpc".equals(definition.networkModeAsString());
        AwsVpcConfiguration vpc = given == null ? null : given.awsvpcConfiguration();
        if (!awsvpc) {
            if (vpc != null) {
                throw Errors.invalidParameter("Network Configuration is not valid for the given `networkMode` of this task definition.");
            }
            return null;
        }
        if (vpc == null) {
            EcsError missing = Errors.invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
            leniency.awsWouldReject(operation, missing);
            return null;
        }
        if (vpc.subnets().isEmpty()) {
            throw Errors.invalidParameter("subnets can not be empty.");
        }
        if (vpc.subnets().size() > 16) {
            throw Errors.invalidParameter("subnets can have at most 16 items.");
        }
        if (vpc.securityGroups().size() > 5) {
            throw Errors.invalidParameter("securityGroups can have at most 5 items.");
        }
        if ("ENABLED".equals(vpc.assignPublicIpAsString()) && !"FARGATE".equals(launchType)) {
            throw Errors.invalidParameter("Assign public IP is not supported for this launch type.");
        }
        return NetworkConfiguration.builder().awsvpcConfiguration(vpc.toBuilder()
                .assignPublicIp(vpc.assignPublicIp() == null ? "DISABLED" : vpc.assignPublicIpAsString())
                .securityGroups(vpc.hasSecurityGroups() ? vpc.securityGroups() : List.of())
                .build()).build();
    }
}
