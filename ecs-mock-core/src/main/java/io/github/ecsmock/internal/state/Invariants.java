package io.github.ecsmock.internal.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The rules the state must keep whatever requests it has answered, checked over the whole state:
 * every task and service belongs to a cluster the state holds; the counters kept as tasks move equal
 * a recount; an ACTIVE or DRAINING service has exactly one PRIMARY deployment, PRIMARY first; every
 * task of a deployment is a task of the state, of the service's cluster, and not stopped; a capacity
 * provider and the cluster it is associated with agree; a task's kept answer is current; a family's
 * latest ACTIVE revision is the one a search finds. Used by the
 * fuzz and stress tests; a violation is a bug in the mock.
 */
public final class Invariants {
    private Invariants() {
    }

    public static List<String> violations(EcsState state) {
        return state.atomically(() -> check(state));
    }

    private static List<String> check(EcsState state) {
        List<String> problems = new ArrayList<>();
        Map<String, ClusterEntry> clusters = new HashMap<>();
        state.clusters().inOrder().values().forEach(cluster -> clusters.put(cluster.arn(), cluster));

        for (TaskDefinitionRegistry.Family family : state.taskDefinitions().families().values()) {
            TaskDefinition kept = state.taskDefinitions().latestActive(family.name()).orElse(null);
            if (kept != state.taskDefinitions().searchLatestActive(family.name())) {
                problems.add("family " + family.name() + " names " + (kept == null ? "no revision" : "revision " + kept.revision())
                        + " its latest ACTIVE one, a search finds another");
            }
        }

        for (ClusterEntry cluster : clusters.values()) {
            Map<String, int[]> recount = new HashMap<>();
            int notStopped = 0;
            List<TaskEntry> all = new ArrayList<>(state.tasks().live(cluster.arn()).values());
            all.addAll(state.tasks().stopped(cluster.arn()).values());
            for (TaskEntry task : all) {
                if (!task.clusterArn().equals(cluster.arn())) {
                    problems.add("task " + task.arn() + " is listed under cluster " + cluster.arn());
                }
                if (state.tasks().byId(task.id()).orElse(null) != task) {
                    problems.add("task " + task.arn() + " is listed but not found by id");
                }
                if (!task.shownIsCurrent()) {
                    problems.add("task " + task.arn() + " answers as it was before it last changed");
                }
                if (task.isLive() == state.tasks().stopped(cluster.arn()).containsKey(task.sequence())) {
                    problems.add("task " + task.arn() + " is listed under the wrong desired status");
                }
                int[] counts = recount.computeIfAbsent(task.launchType(), type -> new int[2]);
                if (task.isRunning()) {
                    counts[0]++;
                } else if (TaskStatus.isPending(task.lastStatus())) {
                    counts[1]++;
                }
                if (!task.isStopped()) {
                    notStopped++;
                }
            }
            if (notStopped != state.tasks().notStopped(cluster.arn())) {
                problems.add("cluster " + cluster.name() + " counts " + state.tasks().notStopped(cluster.arn())
                        + " tasks not stopped, a recount finds " + notStopped);
            }
            state.tasks().countsByLaunchType(cluster.arn()).forEach((type, kept) -> {
                int[] counted = recount.getOrDefault(type, new int[2]);
                if (kept.running() != counted[0] || kept.pending() != counted[1]) {
                    problems.add("cluster " + cluster.name() + " counts " + kept.running() + " running and " + kept.pending()
                            + " pending " + type + " tasks, a recount finds " + counted[0] + " and " + counted[1]);
                }
            });
            if (!cluster.isActive() && notStopped > 0) {
                problems.add("INACTIVE cluster " + cluster.name() + " has " + notStopped + " tasks that have not stopped");
            }
            for (ServiceEntry service : state.services().inOrder(cluster.arn()).values()) {
                checkService(state, cluster, service, problems);
            }
            for (ContainerInstanceEntry instance : state.containerInstances().inCluster(cluster.arn()).values()) {
                checkInstance(state, cluster, instance, all, problems);
            }
        }
        checkCapacityProviders(state, clusters, problems);
        return problems;
    }

    /**
     * A container instance holds exactly the tasks placed on it that have not stopped, and never gives
     * out more CPU, memory or ports than it registered.
     */
    private static void checkInstance(EcsState state, ClusterEntry cluster, ContainerInstanceEntry instance, List<TaskEntry> tasks,
                                      List<String> problems) {
        if (state.containerInstances().byArn(instance.arn).orElse(null) != instance) {
            problems.add("container instance " + instance.arn + " is listed but not found by ARN");
        }
        for (TaskEntry task : tasks) {
            boolean placedHere = task.placement != null && task.placement.instance() == instance;
            if (placedHere && !task.isStopped() != instance.tasks.contains(task)) {
                problems.add("container instance " + instance.arn + (task.isStopped() ? " still holds stopped task " : " lacks task ")
                        + task.arn());
            }
        }
        for (TaskEntry task : instance.tasks) {
            if (task.placement == null || task.placement.instance() != instance) {
                problems.add("container instance " + instance.arn + " holds task " + task.arn() + " placed elsewhere");
            }
        }
        if (instance.remainingCpu() < 0 || instance.remainingMemory() < 0) {
            problems.add("container instance " + instance.arn + " gave out more than it has: " + instance.remainingCpu()
                    + " CPU units and " + instance.remainingMemory() + " MiB left");
        }
        java.util.Set<Integer> ports = new java.util.HashSet<>(instance.reservedTcpPorts);
        for (TaskEntry task : instance.tasks) {
            for (Integer port : task.placement.tcpPorts()) {
                if (!ports.add(port)) {
                    problems.add("container instance " + instance.arn + " gave host port " + port + " twice");
                }
            }
        }
        if (!instance.clusterArn.equals(cluster.arn())) {
            problems.add("container instance " + instance.arn + " is listed under cluster " + cluster.arn());
        }
    }

    /**
     * An Auto Scaling group provider is associated with at most one cluster, an ACTIVE one that lists
     * it, and every such provider an ACTIVE cluster lists is associated with it.
     */
    private static void checkCapacityProviders(EcsState state, Map<String, ClusterEntry> clusters, List<String> problems) {
        for (CapacityProviderEntry provider : state.capacityProviders().inOrder().values()) {
            if (provider.clusterArn() == null) {
                continue;
            }
            ClusterEntry cluster = clusters.get(provider.clusterArn());
            if (cluster == null || !cluster.isActive() || !cluster.cluster().capacityProviders().contains(provider.name())) {
                problems.add("capacity provider " + provider.name() + " is associated with " + provider.clusterArn()
                        + ", which does not list it or is not ACTIVE");
            }
            if (provider.isInactive()) {
                problems.add("INACTIVE capacity provider " + provider.name() + " is associated with " + provider.clusterArn());
            }
        }
        for (ClusterEntry cluster : clusters.values()) {
            if (!cluster.isActive()) {
                continue;
            }
            for (String name : cluster.cluster().capacityProviders()) {
                if (name.equals("FARGATE") || name.equals("FARGATE_SPOT")) {
                    continue;
                }
                CapacityProviderEntry provider = state.capacityProviders().byName(name).orElse(null);
                if (provider == null || !cluster.arn().equals(provider.clusterArn())) {
                    problems.add("cluster " + cluster.name() + " lists capacity provider " + name + ", which is not associated with it");
                }
            }
        }
    }

    private static void checkService(EcsState state, ClusterEntry cluster, ServiceEntry service, List<String> problems) {
        if (!service.clusterArn().equals(cluster.arn())) {
            problems.add("service " + service.arn() + " is listed under cluster " + cluster.arn());
        }
        if (!cluster.isActive() && !"INACTIVE".equals(service.status())) {
            problems.add("service " + service.arn() + " is " + service.status() + " in an INACTIVE cluster");
        }
        long primaries = service.deployments.stream().filter(d -> "PRIMARY".equals(d.status)).count();
        if (!service.deployments.isEmpty() && (primaries != 1 || !"PRIMARY".equals(service.deployments.get(0).status))) {
            problems.add("service " + service.arn() + " has " + primaries + " PRIMARY deployments, PRIMARY first: "
                    + (!service.deployments.isEmpty() && "PRIMARY".equals(service.deployments.get(0).status)));
        }
        List<DeploymentEntry> holders = new java.util.ArrayList<>(service.deployments);
        service.taskSets.forEach(taskSet -> holders.add(taskSet.deployment));
        if (service.taskSets.stream().filter(taskSet -> "PRIMARY".equals(taskSet.status)).count() > 1) {
            problems.add("service " + service.arn() + " has more than one PRIMARY task set");
        }
        if (!service.taskSets.isEmpty() && !service.deployments.isEmpty()) {
            problems.add("service " + service.arn() + " has both task sets and deployments");
        }
        for (DeploymentEntry deployment : holders) {
            for (TaskEntry task : deployment.tasks()) {
                if (state.tasks().byId(task.id()).orElse(null) != task || !task.clusterArn().equals(cluster.arn())) {
                    problems.add("deployment " + deployment.id + " holds task " + task.arn() + " that the cluster does not");
                }
                if (task.isStopped()) {
                    problems.add("deployment " + deployment.id + " still holds stopped task " + task.arn());
                }
            }
        }
        if ("INACTIVE".equals(service.status()) && holders.stream().anyMatch(d -> !d.isDrained())) {
            problems.add("INACTIVE service " + service.arn() + " still has tasks that have not stopped");
        }
    }
}
