package io.github.ecsmock.examples;

import java.util.List;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/**
 * Runs a one-off command as a Fargate task and waits for it to finish, as a batch runner does, then
 * reports how its container ended.
 */
public final class BatchJob {
    /** How a job ended: the task's stop code and reason, and the exit code of its container. */
    public record Outcome(String taskArn, String stopCode, String stoppedReason, Integer exitCode) {
    }

    private final EcsClient ecs;
    private final String cluster;
    private final List<String> subnets;

    public BatchJob(EcsClient ecs, String cluster, List<String> subnets) {
        this.ecs = ecs;
        this.cluster = cluster;
        this.subnets = List.copyOf(subnets);
    }

    /** Starts {@code command} in {@code container} of the task definition {@code family}; returns the task ARN. */
    public String start(String family, String container, List<String> command) {
        Task task = ecs.runTask(r -> r.cluster(cluster)
                .taskDefinition(family)
                .launchType(LaunchType.FARGATE)
                .startedBy("batch-job")
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(subnets)))
                .overrides(o -> o.containerOverrides(c -> c.name(container).command(command)))).tasks().get(0);
        return task.taskArn();
    }

    /** Waits until the task has stopped and tells how it ended. */
    public Outcome await(String taskArn) {
        try (EcsWaiter waiter = ecs.waiter()) {
            waiter.waitUntilTasksStopped(r -> r.cluster(cluster).tasks(taskArn));
        }
        Task task = ecs.describeTasks(r -> r.cluster(cluster).tasks(taskArn)).tasks().get(0);
        Integer exitCode = task.containers().stream().map(Container::exitCode).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        return new Outcome(task.taskArn(), task.stopCodeAsString(), task.stoppedReason(), exitCode);
    }

    /** Stops a job that is still running, with a reason operators will see. */
    public void cancel(String taskArn, String reason) {
        ecs.stopTask(r -> r.cluster(cluster).task(taskArn).reason(reason));
    }

    /** The jobs this runner started that are still meant to run. */
    public List<String> running() {
        return ecs.listTasksPaginator(r -> r.cluster(cluster).startedBy("batch-job")).taskArns().stream().toList();
    }
}
