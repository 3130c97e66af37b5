package io.github.ecsmock;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * A read-only look at what the mock holds for one (account, region), for assertions that should not
 * go through the API under test. Every method returns the SDK's own immutable model objects, shown
 * as the matching Describe operation would show them with every {@code include}, and reads the state
 * as it is at that moment, after any work due on the clock.
 */
public interface EcsView {
    String account();

    String region();

    /** Every cluster, ACTIVE and INACTIVE, in creation order. */
    List<Cluster> clusters();

    /** The cluster a name or ARN means, whatever its status. */
    Optional<Cluster> cluster(String nameOrArn);

    /** Every task definition revision, by family and revision. */
    List<TaskDefinition> taskDefinitions();

    /** The revision {@code family}, {@code family:revision} or an ARN means, as DescribeTaskDefinition resolves it. */
    Optional<TaskDefinition> taskDefinition(String reference);

    /** Every service of a cluster, whatever its status, in creation order, as DescribeServices shows it with tags. */
    List<Service> services(String cluster);

    /** The service a name or ARN means in a cluster, whatever its status. */
    Optional<Service> service(String cluster, String service);

    /**
     * Every task of a cluster still known to the mock (running, stopping, and stopped within the
     * last hour of mock time), in launch order, as DescribeTasks shows it with tags.
     */
    List<Task> tasks(String cluster);

    /**
     * Every container instance of a cluster still known to the mock (ACTIVE, DRAINING, and INACTIVE
     * within an hour of deregistration), in registration order, as DescribeContainerInstances shows
     * it with tags.
     */
    List<ContainerInstance> containerInstances(String cluster);

    /** The tags of the resource with this ARN; empty when it has none or does not exist. */
    List<Tag> tags(String arn);
}
