package io.github.ecsmock.examples;

import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/**
 * Runs a one-off command as a Fargate task and waits for it to finish, as a batch runner does, then
 * reports how its container ended. The waiter is given to it, so that production code passes
 * {@code ecs.waiter()} and a test one that waits on the mock's clock.
 */
public final class BatchJob {
    /** ECS could not place the task; the reasons are ECS's, e.g. {@code RESOURCE:MEMORY}. */
    public static final class JobNotStartedException extends RuntimeException {
        private final List<String> reasons;

        JobNotStartedException(List<String> reasons) {
            super("ECS did not start the job: " + String.join(", ", reasons));
            this.reasons = List.copyOf(reasons);
        }

        public List<String> reasons() {
            return reasons;
        }
    }

    /** How a job ended: the task's stop code and reason, and the exit code of its container. */
    public record Outcome(String taskArn, String stopCode, String stoppedReason, Integer exitCode) {
    }

    private final EcsClient ecs;
    private final EcsWaiter waiter;
    private final String cluster;
    private final List<String> subnets;

    public BatchJob(EcsClient ecs, EcsWaiter waiter, String cluster, List<String> subnets) {
        this.ecs = ecs;
        this.waiter = waiter;
        this.cluster = cluster;
        this.subnets = List.copyOf(subnets);
    }

    /**
     * Starts {@code command} in {@code container} of the task definition {@code family}; returns the task ARN.
     *
     * @throws JobNotStartedException when ECS could not place the task
     */
    public String start(String family, String container, List<String> command) {
        RunTaskResponse response = ecs.runTask(r -> r.cluster(cluster)
                .taskDefinition(family)
                .launchType(LaunchType.FARGATE)
                .startedBy("batch-job")
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(subnets)))
                .overrides(o -> o.containerOverrides(c -> c.name(container).command(command))));
        if (response.tasks().isEmpty()) {
            throw new JobNotStartedException(response.failures().stream().map(Failure::reason).toList());
        }
        return response.tasks().get(0).taskArn();
    }

    /** Waits until the task is running. */
    public void awaitRunning(String taskArn) {
        waiter.waitUntilTasksRunning(r -> r.cluster(cluster).tasks(taskArn));
    }

    /** Waits until the task has stopped and tells how its job container ended. */
    public Outcome await(String taskArn, String container) {
        waiter.waitUntilTasksStopped(r -> r.cluster(cluster).tasks(taskArn));
        Task task = ecs.describeTasks(r -> r.cluster(cluster).tasks(taskArn)).tasks().get(0);
        Integer exitCode = task.containers().stream().filter(c -> c.name().equals(container)).map(Container::exitCode)
                .filter(Objects::nonNull).findFirst().orElse(null);
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
