package io.github.ecsmock.internal.state;

import java.util.List;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.ServiceConnectConfiguration;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * What a new deployment runs, as CreateService or UpdateService decided it.
 *
 * @param capacityProviderStrategy empty when {@code launchType} places the tasks
 * @param platformVersion          the resolved Fargate platform ({@code 1.4.0}), null otherwise
 * @param serviceConnectConfiguration the service's Service Connect configuration, its namespace
 *                                 resolved to an ARN; null when the service does not use it
 */
public record DeploymentSpec(TaskDefinition definition, String launchType,
                             List<CapacityProviderStrategyItem> capacityProviderStrategy, String platformVersion,
                             String platformFamily, NetworkConfiguration networkConfiguration,
                             ServiceConnectConfiguration serviceConnectConfiguration) {
}
