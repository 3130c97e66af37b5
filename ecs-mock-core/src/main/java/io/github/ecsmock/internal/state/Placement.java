package io.github.ecsmock.internal.state;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;

/**
 * Where tasks can run. Fargate always has room. The EC2 and EXTERNAL launch types need registered
 * container instances, which this state does not hold yet, so nothing of theirs can be placed, and
 * ECS's reason is given instead.
 */
public final class Placement {
    /** ECS's reason when no container instance could take a task. */
    public static final String NO_CONTAINER_INSTANCES = "No Container Instances were found in your cluster.";

    private Placement() {
    }

    /** The reason tasks of this launch type cannot be placed in the cluster, or {@code null} when they can. */
    public static String problem(String launchType) {
        return "FARGATE".equals(launchType) ? null : NO_CONTAINER_INSTANCES;
    }

    /** The launch type of tasks a capacity provider places: the Fargate providers run on FARGATE. */
    public static String launchTypeOf(String capacityProvider) {
        return capacityProvider.equals("FARGATE") || capacityProvider.equals("FARGATE_SPOT") ? "FARGATE" : "EC2";
    }

    /**
     * The provider of the next task under a strategy, given how many tasks each provider has: first
     * each provider's {@code base}, then in proportion to the weights.
     */
    public static String pick(List<CapacityProviderStrategyItem> strategy, Map<String, Integer> placed) {
        for (CapacityProviderStrategyItem item : strategy) {
            int base = item.base() == null ? 0 : item.base();
            if (placed.getOrDefault(item.capacityProvider(), 0) < base) {
                return item.capacityProvider();
            }
        }
        String best = null;
        double bestLoad = Double.MAX_VALUE;
        for (CapacityProviderStrategyItem item : strategy) {
            int weight = item.weight() == null ? 0 : item.weight();
            if (weight <= 0) {
                continue;
            }
            double load = placed.getOrDefault(item.capacityProvider(), 0) / (double) weight;
            if (load < bestLoad) {
                best = item.capacityProvider();
                bestLoad = load;
            }
        }
        return best != null ? best : strategy.get(0).capacityProvider();
    }

    /** Picks providers for {@code count} new tasks under a strategy, starting from {@code placed}. */
    public static List<String> pick(List<CapacityProviderStrategyItem> strategy, Map<String, Integer> placed, int count) {
        Map<String, Integer> counts = new HashMap<>(placed);
        List<String> picks = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String provider = pick(strategy, counts);
            counts.merge(provider, 1, Integer::sum);
            picks.add(provider);
        }
        return picks;
    }
}
