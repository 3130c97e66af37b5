package io.github.ecsmock.examples;

import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/**
 * Rolls a new image out to a running service, the way a deployment pipeline does: register a
 * revision with the new image, point the service at it, and wait with the SDK's waiter until ECS
 * reports the service stable. Against real ECS the wait takes minutes; against the mock's immediate
 * lifecycle the waiter's first poll succeeds.
 */
public final class ServiceRollout {
    private final EcsClient ecs;
    private final ImageRelease release;

    public ServiceRollout(EcsClient ecs) {
        this.ecs = ecs;
        this.release = new ImageRelease(ecs);
    }

    /** Deploys {@code image} to {@code container} of the service's task definition; returns the stable service. */
    public Service rollOut(String cluster, String serviceName, String container, String image) {
        Service current = ecs.describeServices(r -> r.cluster(cluster).services(serviceName)).services().stream()
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + serviceName + " in cluster " + cluster));
        String family = current.taskDefinition().substring(current.taskDefinition().lastIndexOf('/') + 1).split(":")[0];
        TaskDefinition next = release.release(family, container, image);
        ecs.updateService(r -> r.cluster(cluster).service(serviceName).taskDefinition(next.taskDefinitionArn()));
        try (EcsWaiter waiter = ecs.waiter()) {
            WaiterResponse<DescribeServicesResponse> stable =
                    waiter.waitUntilServicesStable(r -> r.cluster(cluster).services(serviceName));
            return stable.matched().response().orElseThrow(() -> new IllegalStateException(
                    "Service " + serviceName + " did not become stable", stable.matched().exception().orElse(null)))
                    .services().get(0);
        }
    }
}
