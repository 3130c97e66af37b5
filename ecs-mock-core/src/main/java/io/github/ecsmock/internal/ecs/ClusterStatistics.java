package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.state.ClusterEntry;
import io.github.ecsmock.internal.state.EcsState;
import io.github.ecsmock.internal.state.ServiceEntry;
import io.github.ecsmock.internal.state.TaskRegistry;
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
        int running = 0;
        int pending = 0;
        for (Map.Entry<String, TaskRegistry.Counts> entry : state.tasks().countsByLaunchType(cluster.arn()).entrySet()) {
            String kind = kind(entry.getKey());
            running += entry.getValue().running();
            pending += entry.getValue().pending();
            byLaunchType.merge("running" + kind + "TasksCount", entry.getValue().running(), Integer::sum);
            byLaunchType.merge("pending" + kind + "TasksCount", entry.getValue().pending(), Integer::sum);
        }
        int active = 0;
        int draining = 0;
        for (ServiceEntry service : state.services().inOrder(cluster.arn()).values()) {
            String kind = kind(service.launchTypeForStatistics());
            if (service.isActive()) {
                active++;
                byLaunchType.merge("active" + kind + "ServiceCount", 1, Integer::sum);
            } else if ("DRAINING".equals(service.status())) {
                draining++;
                byLaunchType.merge("draining" + kind + "ServiceCount", 1, Integer::sum);
            }
        }
        return new Counts(state.containerInstances().registeredCount(cluster.arn()), running, pending, active, draining,
                byLaunchType);
    }

    /** The launch type as the STATISTICS names spell it. */
    private static String kind(String launchType) {
        return switch (launchType == null ? "EC2" : launchType) {
            case "FARGATE" -> "Fargate";
            case "EXTERNAL" -> "External";
            case "MANAGED_INSTANCES" -> "ManagedInstances";
            default -> "EC2";
        };
    }
}
