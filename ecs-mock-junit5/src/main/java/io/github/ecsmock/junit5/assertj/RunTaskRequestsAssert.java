package io.github.ecsmock.junit5.assertj;

import java.util.List;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;

/** The RunTask requests received: {@code receivedRunTask().withTaskDefinition("worker:3").withLaunchType(FARGATE)}. */
public final class RunTaskRequestsAssert extends RequestsAssert<RunTaskRequestsAssert, RunTaskRequest> {

    RunTaskRequestsAssert(List<RunTaskRequest> requests, String journal) {
        super(requests, "RunTask", journal, RunTaskRequestsAssert.class);
    }

    /** Task definition as {@code family}, {@code family:revision} or ARN, compared as given. */
    public RunTaskRequestsAssert withTaskDefinition(String taskDefinition) {
        return matching("with taskDefinition " + taskDefinition, r -> sameTaskDefinition(r.taskDefinition(), taskDefinition));
    }

    public RunTaskRequestsAssert withLaunchType(LaunchType launchType) {
        return matching("with launchType " + launchType, r -> launchType.toString().equals(r.launchTypeAsString()));
    }

    /** The number of tasks asked for ({@code count}, 1 when absent). */
    public RunTaskRequestsAssert withCount(int count) {
        return matching("with count " + count, r -> (r.count() == null ? 1 : r.count()) == count);
    }

    public RunTaskRequestsAssert withStartedBy(String startedBy) {
        return matching("with startedBy " + startedBy, r -> startedBy.equals(r.startedBy()));
    }

    public RunTaskRequestsAssert withGroup(String group) {
        return matching("with group " + group, r -> group.equals(r.group()));
    }

    /** The cluster as name or ARN ({@code default} when the request named none). */
    public RunTaskRequestsAssert inCluster(String cluster) {
        return matching("in cluster " + cluster, r -> sameName(r.cluster() == null ? "default" : r.cluster(), cluster));
    }

    /** A container override of {@code container} with exactly this command. */
    public RunTaskRequestsAssert withCommand(String container, List<String> command) {
        return matching("with command " + command + " for " + container, r -> r.overrides() != null
                && r.overrides().containerOverrides().stream()
                .anyMatch(o -> container.equals(o.name()) && command.equals(o.command())));
    }
}
