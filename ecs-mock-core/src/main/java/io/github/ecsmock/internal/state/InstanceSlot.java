package io.github.ecsmock.internal.state;

import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;

/**
 * Where a task of the EC2 or EXTERNAL launch type runs and what it takes there: its container
 * instance, the CPU units and MiB it reserves, and the host ports it binds, per container as ECS
 * reports them in {@code networkBindings}.
 */
public record InstanceSlot(ContainerInstanceEntry instance, int cpu, int memory, Set<Integer> tcpPorts,
                           Set<Integer> udpPorts, Map<String, List<NetworkBinding>> bindings) {
    public InstanceSlot {
        tcpPorts = Set.copyOf(tcpPorts);
        udpPorts = Set.copyOf(udpPorts);
        bindings = Map.copyOf(bindings);
    }
}
