package io.github.ecsmock.internal.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/**
 * Places tasks of the EC2 and EXTERNAL launch types on container instances, as ECS's scheduler does:
 * first the instances that can take the task at all (ACTIVE, of the launch type, satisfying every
 * {@code memberOf} and {@code distinctInstance} constraint, with the CPU, memory and host ports it
 * needs), then the placement strategies narrow those down in order ({@code binpack}, {@code spread},
 * {@code random} from the state's seeded random, so a test sees the same placement on every run),
 * and the first in registration order wins what is left.
 *
 * <p>An instance that cannot take a task says why in ECS's words ({@code RESOURCE:MEMORY},
 * {@code MemberOf placement constraint unsatisfied.}, ...): RunTask reports those as
 * {@code failures}, and a service as the "closest matching container-instance" of its event.
 */
public final class InstancePlacement {
    /** The first host port ECS's agent hands out for a dynamic (hostPort 0) mapping. */
    static final int FIRST_DYNAMIC_PORT = 49153;
    static final int LAST_DYNAMIC_PORT = 65535;

    /** What is to be placed. {@code group} is the task group, for distinctInstance, spread and task:group. */
    public record Demand(TaskDefinition definition, TaskOverride overrides, String launchType,
                         List<PlacementConstraint> constraints, List<PlacementStrategy> strategy, String group) {
    }

    /** Why one instance could not take a task. */
    public record Rejection(ContainerInstanceEntry instance, String reason) {
    }

    /** Where each placed task goes, and why the others could not be placed (one entry per instance and reason). */
    public record Outcome(List<InstanceSlot> slots, List<Rejection> rejections, boolean noInstances) {
    }

    private final EcsState state;
    private final Map<ContainerInstanceEntry, List<InstanceSlot>> planned = new HashMap<>();

    private InstancePlacement(EcsState state) {
        this.state = state;
    }

    /**
     * Places up to {@code count} tasks among {@code instances} (all of the cluster, or those a
     * StartTask names). {@code noInstances} is true when not one instance of the launch type is ACTIVE.
     */
    public static Outcome place(EcsState state, Collection<ContainerInstanceEntry> instances, Demand demand, int count) {
        return new InstancePlacement(state).placeAll(instances, demand, count, false);
    }

    /**
     * Places one task on the instance a StartTask names, whatever the strategies would say; its
     * status is the caller's to judge (a draining instance still takes a task it is given).
     */
    public static Outcome placeOn(EcsState state, ContainerInstanceEntry instance, Demand demand) {
        return new InstancePlacement(state).placeAll(List.of(instance), demand, 1, true);
    }

    /** Whether tasks of this launch type run on this instance: EXTERNAL ones on managed ({@code mi-}) instances. */
    public static boolean hosts(ContainerInstanceEntry instance, String launchType) {
        boolean external = instance.ec2InstanceId().startsWith("mi-");
        return "EXTERNAL".equals(launchType) == external;
    }

    private Outcome placeAll(Collection<ContainerInstanceEntry> instances, Demand demand, int count, boolean named) {
        List<ContainerInstanceEntry> active = instances.stream()
                .filter(instance -> named ? !"INACTIVE".equals(instance.status) : instance.isActive())
                .filter(instance -> hosts(instance, demand.launchType()))
                .toList();
        Needs needs = Needs.of(demand.definition(), demand.overrides());
        List<ClusterQuery> memberOf = new ArrayList<>();
        boolean distinct = false;
        for (PlacementConstraint constraint : demand.constraints()) {
            if ("memberOf".equals(constraint.typeAsString())) {
                memberOf.add(ClusterQuery.parse(constraint.expression()));
            } else if ("distinctInstance".equals(constraint.typeAsString())) {
                distinct = true;
            }
        }
        List<InstanceSlot> slots = new ArrayList<>();
        Map<String, Rejection> rejections = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            List<ContainerInstanceEntry> feasible = new ArrayList<>();
            for (ContainerInstanceEntry instance : active) {
                String reason = reasonAgainst(instance, needs, memberOf, distinct, demand.group());
                if (reason == null) {
                    feasible.add(instance);
                } else {
                    rejections.putIfAbsent(instance.arn + " " + reason, new Rejection(instance, reason));
                }
            }
            if (feasible.isEmpty()) {
                continue;
            }
            ContainerInstanceEntry chosen = choose(feasible, demand, needs);
            InstanceSlot slot = needs.slotOn(chosen, usedTcp(chosen), usedUdp(chosen));
            planned.computeIfAbsent(chosen, k -> new ArrayList<>()).add(slot);
            slots.add(slot);
        }
        List<Rejection> reported = slots.size() == count ? List.of() : List.copyOf(rejections.values());
        return new Outcome(slots, reported, active.isEmpty());
    }

    /** The first rule an instance breaks for this task, in the order ECS reports them, or null. */
    private String reasonAgainst(ContainerInstanceEntry instance, Needs needs, List<ClusterQuery> memberOf, boolean distinct,
                                 String group) {
        for (ClusterQuery query : memberOf) {
            if (!query.matches(instance)) {
                return "MemberOf placement constraint unsatisfied.";
            }
        }
        if (distinct && groupCount(instance, group) > 0) {
            return "DistinctInstance placement constraint unsatisfied.";
        }
        if (remainingCpu(instance) < needs.cpu) {
            return "RESOURCE:CPU";
        }
        if (remainingMemory(instance) < needs.memory) {
            return "RESOURCE:MEMORY";
        }
        Set<Integer> tcp = usedTcp(instance);
        if (needs.fixedTcp.stream().anyMatch(tcp::contains) || needs.dynamicTcp > 0 && !hasFree(tcp, needs.dynamicTcp)) {
            return "RESOURCE:PORTS";
        }
        Set<Integer> udp = usedUdp(instance);
        if (needs.fixedUdp.stream().anyMatch(udp::contains) || needs.dynamicUdp > 0 && !hasFree(udp, needs.dynamicUdp)) {
            return "RESOURCE:PORTS_UDP";
        }
        return null;
    }

    private static boolean hasFree(Set<Integer> used, int wanted) {
        int free = 0;
        for (int port = FIRST_DYNAMIC_PORT; port <= LAST_DYNAMIC_PORT && free < wanted; port++) {
            if (!used.contains(port)) {
                free++;
            }
        }
        return free >= wanted;
    }

    /** The strategies narrow the feasible instances in order; the first left in registration order wins. */
    private ContainerInstanceEntry choose(List<ContainerInstanceEntry> feasible, Demand demand, Needs needs) {
        List<ContainerInstanceEntry> left = feasible;
        for (PlacementStrategy strategy : demand.strategy()) {
            if (left.size() <= 1) {
                break;
            }
            String type = strategy.typeAsString();
            String field = strategy.field() == null ? "" : strategy.field();
            if ("random".equals(type)) {
                left = List.of(left.get(state.ids().nextInt(left.size())));
            } else if ("binpack".equals(type)) {
                boolean memory = field.equalsIgnoreCase("memory");
                int least = left.stream().mapToInt(instance -> memory ? remainingMemory(instance) : remainingCpu(instance)).min().orElse(0);
                left = left.stream().filter(instance -> (memory ? remainingMemory(instance) : remainingCpu(instance)) == least).toList();
            } else if ("spread".equals(type)) {
                left = spread(left, feasible, field, demand.group());
            }
        }
        return left.get(0);
    }

    /**
     * Keeps the instances whose value of {@code field} holds the fewest tasks of the group, counting
     * over every feasible instance with that value (so an Availability Zone with two empty instances
     * counts as empty).
     */
    private List<ContainerInstanceEntry> spread(List<ContainerInstanceEntry> left, List<ContainerInstanceEntry> feasible,
                                                String field, String group) {
        Map<String, Integer> byValue = new HashMap<>();
        for (ContainerInstanceEntry instance : feasible) {
            byValue.merge(valueOf(instance, field), groupCount(instance, group), Integer::sum);
        }
        int least = left.stream().mapToInt(instance -> byValue.get(valueOf(instance, field))).min().orElse(0);
        return left.stream().filter(instance -> byValue.get(valueOf(instance, field)) == least).toList();
    }

    private static String valueOf(ContainerInstanceEntry instance, String field) {
        String lower = field.toLowerCase(Locale.ROOT);
        if (lower.equals("instanceid") || lower.equals("host")) {
            return instance.id();
        }
        if (field.startsWith("attribute:")) {
            String value = instance.attribute(field.substring("attribute:".length()));
            return value == null ? "" : value;
        }
        return "";
    }

    private int groupCount(ContainerInstanceEntry instance, String group) {
        int count = (int) instance.tasks.stream().filter(task -> task.isLive() && group.equals(task.group)).count();
        return count + planned.getOrDefault(instance, List.of()).size();
    }

    private int remainingCpu(ContainerInstanceEntry instance) {
        return instance.remainingCpu() - planned.getOrDefault(instance, List.of()).stream().mapToInt(InstanceSlot::cpu).sum();
    }

    private int remainingMemory(ContainerInstanceEntry instance) {
        return instance.remainingMemory() - planned.getOrDefault(instance, List.of()).stream().mapToInt(InstanceSlot::memory).sum();
    }

    private Set<Integer> usedTcp(ContainerInstanceEntry instance) {
        Set<Integer> used = instance.usedTcpPorts();
        planned.getOrDefault(instance, List.of()).forEach(slot -> used.addAll(slot.tcpPorts()));
        return used;
    }

    private Set<Integer> usedUdp(ContainerInstanceEntry instance) {
        Set<Integer> used = instance.usedUdpPorts();
        planned.getOrDefault(instance, List.of()).forEach(slot -> used.addAll(slot.udpPorts()));
        return used;
    }

    /**
     * What one task takes from an instance: task-level CPU and memory when the definition (or an
     * override) sets them, else the containers' sum (memory, else the soft reservation); host ports
     * from the port mappings of {@code host} and {@code bridge} definitions ({@code awsvpc} tasks
     * bind none on the host).
     */
    private record Needs(int cpu, int memory, Set<Integer> fixedTcp, Set<Integer> fixedUdp, int dynamicTcp, int dynamicUdp,
                         TaskDefinition definition) {
        static Needs of(TaskDefinition definition, TaskOverride overrides) {
            Map<String, ContainerOverride> byName = new HashMap<>();
            if (overrides != null) {
                overrides.containerOverrides().forEach(override -> byName.put(override.name(), override));
            }
            int cpuSum = 0;
            int memorySum = 0;
            for (ContainerDefinition container : definition.containerDefinitions()) {
                ContainerResources resources = ContainerResources.of(container, byName.get(container.name()));
                cpuSum += resources.cpuUnits();
                memorySum += resources.memoryHeld();
            }
            String taskCpu = overrides != null && overrides.cpu() != null ? overrides.cpu() : definition.cpu();
            String taskMemory = overrides != null && overrides.memory() != null ? overrides.memory() : definition.memory();
            int cpu = units(taskCpu, cpuSum, 1024);
            int memory = units(taskMemory, memorySum, 1024);
            Set<Integer> fixedTcp = new TreeSet<>();
            Set<Integer> fixedUdp = new TreeSet<>();
            int dynamicTcp = 0;
            int dynamicUdp = 0;
            String mode = definition.networkModeAsString();
            if (!"awsvpc".equals(mode) && !"none".equals(mode)) {
                for (ContainerDefinition container : definition.containerDefinitions()) {
                    for (PortMapping mapping : container.portMappings()) {
                        if (mapping.containerPort() == null) {
                            continue;
                        }
                        boolean udp = "udp".equals(mapping.protocolAsString());
                        int host = "host".equals(mode) ? mapping.containerPort() : mapping.hostPort() == null ? 0 : mapping.hostPort();
                        if (host > 0) {
                            (udp ? fixedUdp : fixedTcp).add(host);
                        } else if (udp) {
                            dynamicUdp++;
                        } else {
                            dynamicTcp++;
                        }
                    }
                }
            }
            return new Needs(cpu, memory, fixedTcp, fixedUdp, dynamicTcp, dynamicUdp, definition);
        }

        /** A task-level size such as "512", "1 vCPU" or "2 GB" in CPU units or MiB, else the containers' sum. */
        private static int units(String value, int containersSum, int perWholeUnit) {
            if (value == null || value.isBlank()) {
                return containersSum;
            }
            String text = value.trim().toLowerCase(Locale.ROOT);
            try {
                if (text.endsWith("vcpu") || text.endsWith("gb")) {
                    double whole = Double.parseDouble(text.replace("vcpu", "").replace("gb", "").trim());
                    return (int) Math.round(whole * perWholeUnit);
                }
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                return containersSum;
            }
        }

        /** The slot of a task placed on {@code instance}: its fixed ports, and free dynamic ports for the rest. */
        InstanceSlot slotOn(ContainerInstanceEntry instance, Set<Integer> usedTcp, Set<Integer> usedUdp) {
            Set<Integer> tcp = new LinkedHashSet<>();
            Set<Integer> udp = new LinkedHashSet<>();
            Map<String, List<NetworkBinding>> bindings = new HashMap<>();
            String mode = definition.networkModeAsString();
            if (!"awsvpc".equals(mode) && !"none".equals(mode)) {
                Set<Integer> takenTcp = new TreeSet<>(usedTcp);
                Set<Integer> takenUdp = new TreeSet<>(usedUdp);
                for (ContainerDefinition container : definition.containerDefinitions()) {
                    List<NetworkBinding> list = new ArrayList<>();
                    for (PortMapping mapping : container.portMappings()) {
                        if (mapping.containerPort() == null) {
                            continue;
                        }
                        boolean isUdp = "udp".equals(mapping.protocolAsString());
                        Set<Integer> taken = isUdp ? takenUdp : takenTcp;
                        int host = "host".equals(mode) ? mapping.containerPort() : mapping.hostPort() == null ? 0 : mapping.hostPort();
                        if (host <= 0) {
                            host = FIRST_DYNAMIC_PORT;
                            while (taken.contains(host)) {
                                host++;
                            }
                        }
                        taken.add(host);
                        (isUdp ? udp : tcp).add(host);
                        list.add(NetworkBinding.builder().bindIP("0.0.0.0").containerPort(mapping.containerPort())
                                .hostPort(host).protocol(isUdp ? "udp" : "tcp").build());
                    }
                    bindings.put(container.name(), list);
                }
            }
            return new InstanceSlot(instance, cpu, memory, tcp, udp, bindings);
        }
    }
}
