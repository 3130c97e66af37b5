package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.state.ClusterEntry;
import io.github.ecsmock.internal.state.EcsState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counters of a cluster, computed from what the state holds whenever a cluster is shown, so they
 * are always true: running and pending tasks, active and draining services, registered container
 * instances, and the same split by launch type for {@code include: STATISTICS}.
 */
public final class ClusterStatistics {

    /** The counters of one cluster; {@code byLaunchType} holds the STATISTICS entries in ECS's names. */
    public record Counts(int registeredContainerInstances, int runningTasks, int pendingTasks,
                         int activeServices, int drainingServices, Map<String, Integer> byLaunchType) {
    }

    /**
     * The STATISTICS entries in the order ECS lists them. The model documents the first eight kinds;
     * emulators that copy AWS's answers also show the External and ManagedInstances ones, all present
     * even when zero.
     */
    static final List<String> STATISTIC_NAMES = List.of(
            "runningEC2TasksCount",
            "runningFargateTasksCount",
            "pendingEC2TasksCount",
            "pendingFargateTasksCount",
            "runningExternalTasksCount",
            "pendingExternalTasksCount",
            "runningManagedInstancesTasksCount",
            "pendingManagedInstancesTasksCount",
            "activeEC2ServiceCount",
            "activeFargateServiceCount",
            "drainingEC2ServiceCount",
            "drainingFargateServiceCount",
            "activeExternalServiceCount",
            "drainingExternalServiceCount",
            "activeManagedInstancesServiceCount",
            "drainingManagedInstancesServiceCount");

    public Counts of(EcsState state, ClusterEntry cluster) {
        Map<String, Integer> byLaunchType = new LinkedHashMap<>();
        for (String name : STATISTIC_NAMES) {
            byLaunchType.put(name, 0);
        }
        // The state holds no services, tasks or container instances yet: every count is truly zero.
        return new Counts(0, 0, 0, 0, 0, byLaunchType);
    }
}
