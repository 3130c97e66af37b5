package io.github.ecsmock.internal.state;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;

/**
 * Which capacity provider a task goes to under a strategy, and the launch type a provider gives.
 * Fargate always has room; where EC2 and EXTERNAL tasks go is {@link InstancePlacement}'s to decide.
 */
public final class Placement {
    /** ECS's reason when no container instance could take a task. */
    public static final String NO_CONTAINER_INSTANCES = "No Container Instances were found in your cluster.";

    private Placement() {
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
