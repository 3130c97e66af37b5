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
 * reports the service stable, then check that it runs the new revision (the deployment circuit
 * breaker may have rolled it back). Against real ECS the wait takes minutes; against the mock the
 * waiter's first poll succeeds, or with its clock waiter, polls move the mock's time.
 */
public final class ServiceRollout {
    /** The service became stable on another revision than the one rolled out: ECS rolled it back. */
    public static final class RolledBackException extends RuntimeException {
        private final Service service;

        RolledBackException(Service service, String wanted) {
            super("Rolled back: " + service.serviceName() + " runs " + service.taskDefinition() + ", not " + wanted);
            this.service = service;
        }

        public Service service() {
            return service;
        }
    }

    private final EcsClient ecs;
    private final EcsWaiter waiter;
    private final ImageRelease release;

    public ServiceRollout(EcsClient ecs, EcsWaiter waiter) {
        this.ecs = ecs;
        this.waiter = waiter;
        this.release = new ImageRelease(ecs);
    }

    /**
     * Deploys {@code image} to {@code container} of the service's task definition; returns the stable service.
     *
     * @throws RolledBackException when the service settled on another revision
     */
    public Service rollOut(String cluster, String serviceName, String container, String image) {
        Service current = ecs.describeServices(r -> r.cluster(cluster).services(serviceName)).services().stream()
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + serviceName + " in cluster " + cluster));
        String family = current.taskDefinition().substring(current.taskDefinition().lastIndexOf('/') + 1).split(":")[0];
        TaskDefinition next = release.release(family, container, image);
        ecs.updateService(r -> r.cluster(cluster).service(serviceName).taskDefinition(next.taskDefinitionArn()));
        WaiterResponse<DescribeServicesResponse> stable =
                waiter.waitUntilServicesStable(r -> r.cluster(cluster).services(serviceName));
        Service service = stable.matched().response().orElseThrow(() -> new IllegalStateException(
                "Service " + serviceName + " did not become stable", stable.matched().exception().orElse(null)))
                .services().get(0);
        if (!service.taskDefinition().equals(next.taskDefinitionArn())) {
            throw new RolledBackException(service, next.taskDefinitionArn());
        }
        return service;
    }
}
