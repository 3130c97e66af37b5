package io.github.ecsmock.internal.state;

import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/**
 * What a task is launched with, decided by RunTask or by a service's deployment before the state
 * makes the task: the definition, where it runs, its network, overrides and who started it.
 *
 * @param capacityProviderName set only when a capacity provider strategy placed the task
 * @param platformVersion      as asked ({@code LATEST} or a version), for FARGATE only
 * @param network              the awsvpc configuration, for {@code awsvpc} definitions; may be null
 *                             when the lenient profile let a request without one through
 * @param serviceName          the owning service, or null for RunTask
 * @param deploymentId         the owning deployment, or null for RunTask
 */
public record LaunchSpec(TaskDefinition definition, String launchType, String capacityProviderName,
                         String platformVersion, AwsVpcConfiguration network, TaskOverride overrides, String group,
                         String startedBy, boolean enableExecuteCommand, String serviceName, String deploymentId) {
}
