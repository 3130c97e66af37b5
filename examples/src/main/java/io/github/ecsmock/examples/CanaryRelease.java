package io.github.ecsmock.examples;

import java.util.List;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ScaleUnit;
import software.amazon.awssdk.services.ecs.model.StabilityStatus;
import software.amazon.awssdk.services.ecs.model.TaskSet;

/**
 * A canary release on a service whose deployments the caller controls (deployment controller
 * EXTERNAL), as an in-house deployer does it with task sets: start the new revision beside the old
 * one at a small share of the service's tasks, wait for the canary to be steady, then promote it to
 * PRIMARY at full scale and remove the old task sets, or remove the canary if it never settles.
 *
 * <p>There is no SDK waiter for task sets, so the deployer polls; {@code pause} is what it does
 * between polls (a sleep in production, an advance of the mock's clock in a test).
 */
public final class CanaryRelease {
    /** The canary did not reach a steady state in time; it has been removed again. */
    public static final class CanaryFailedException extends RuntimeException {
        CanaryFailedException(String message) {
            super(message);
        }
    }

    private final EcsClient ecs;
    private final Runnable pause;
    private final int polls;

    public CanaryRelease(EcsClient ecs, Runnable pause, int polls) {
        this.ecs = ecs;
        this.pause = pause;
        this.polls = polls;
    }

    /**
     * Starts {@code taskDefinition} at {@code percent} of the service's desired count and waits for it.
     *
     * @return the canary task set, steady
     * @throws CanaryFailedException when it is not steady after the allowed polls (it is deleted)
     */
    public TaskSet start(String cluster, String service, String taskDefinition, double percent, List<String> subnets) {
        TaskSet canary = ecs.createTaskSet(r -> r.cluster(cluster).service(service).taskDefinition(taskDefinition)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(AwsVpcConfiguration.builder().subnets(subnets).build()))
                .scale(s -> s.value(percent).unit(ScaleUnit.PERCENT))).taskSet();
        for (int poll = 0; poll < polls; poll++) {
            TaskSet now = describe(cluster, service, canary.taskSetArn());
            if (now.stabilityStatus() == StabilityStatus.STEADY_STATE && now.runningCount() == now.computedDesiredCount()) {
                return now;
            }
            pause.run();
        }
        ecs.deleteTaskSet(r -> r.cluster(cluster).service(service).taskSet(canary.taskSetArn()).force(true));
        throw new CanaryFailedException("Canary " + canary.id() + " of " + taskDefinition + " did not become steady after "
                + polls + " polls; it was removed");
    }

    /** Scales the canary to the whole service, makes it PRIMARY and deletes every other task set. */
    public TaskSet promote(String cluster, String service, String canaryArn) {
        ecs.updateTaskSet(r -> r.cluster(cluster).service(service).taskSet(canaryArn)
                .scale(s -> s.value(100.0).unit(ScaleUnit.PERCENT)));
        ecs.updateServicePrimaryTaskSet(r -> r.cluster(cluster).service(service).primaryTaskSet(canaryArn));
        for (TaskSet other : ecs.describeServices(r -> r.cluster(cluster).services(service)).services().get(0).taskSets()) {
            if (!other.taskSetArn().equals(canaryArn)) {
                ecs.deleteTaskSet(r -> r.cluster(cluster).service(service).taskSet(other.taskSetArn()).force(true));
            }
        }
        return describe(cluster, service, canaryArn);
    }

    private TaskSet describe(String cluster, String service, String taskSetArn) {
        return ecs.describeTaskSets(r -> r.cluster(cluster).service(service).taskSets(taskSetArn)).taskSets().get(0);
    }
}
