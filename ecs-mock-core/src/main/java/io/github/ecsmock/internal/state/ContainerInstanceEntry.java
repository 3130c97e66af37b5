package io.github.ecsmock.internal.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.Resource;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.VersionInfo;

/**
 * One container instance as the state keeps it: what it registered with (its resources, attributes,
 * agent), where it is in its life (ACTIVE, DRAINING, INACTIVE) and the tasks placed on it. What it
 * has left is computed from those tasks whenever it is asked, so {@code remainingResources} and the
 * task counts cannot drift from the tasks themselves.
 */
public final class ContainerInstanceEntry {
    final long sequence;
    final String id;
    final String arn;
    final String clusterArn;
    final String ec2InstanceId;
    final Instant registeredAt;
    final int cpu;
    final int memory;
    /** Host ports the instance reserves for itself (SSH, Docker, the agent), never given to tasks. */
    final Set<Integer> reservedTcpPorts;
    final Set<Integer> reservedUdpPorts;
    /** Other registered resources (GPUs, ...), shown as registered. */
    final List<Resource> otherResources;
    /** Attribute name to value; a capability attribute has no value. Insertion order is display order. */
    final Map<String, String> attributes = new LinkedHashMap<>();
    final Set<TaskEntry> tasks = new LinkedHashSet<>();

    String status = "ACTIVE";
    long version = 1;
    VersionInfo versionInfo;
    String agentUpdateStatus;
    Instant deregisteredAt;
    String capacityProviderName;

    ContainerInstanceEntry(long sequence, String id, String arn, String clusterArn, String ec2InstanceId, Instant registeredAt,
                           int cpu, int memory, Set<Integer> reservedTcpPorts, Set<Integer> reservedUdpPorts,
                           List<Resource> otherResources, VersionInfo versionInfo) {
        this.sequence = sequence;
        this.id = id;
        this.arn = arn;
        this.clusterArn = clusterArn;
        this.ec2InstanceId = ec2InstanceId;
        this.registeredAt = registeredAt;
        this.cpu = cpu;
        this.memory = memory;
        this.reservedTcpPorts = Set.copyOf(reservedTcpPorts);
        this.reservedUdpPorts = Set.copyOf(reservedUdpPorts);
        this.otherResources = List.copyOf(otherResources);
        this.versionInfo = versionInfo;
    }

    public String id() {
        return id;
    }

    public String arn() {
        return arn;
    }

    public String clusterArn() {
        return clusterArn;
    }

    public String ec2InstanceId() {
        return ec2InstanceId;
    }

    public String status() {
        return status;
    }

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public long sequence() {
        return sequence;
    }

    public String agentVersion() {
        return versionInfo == null ? null : versionInfo.agentVersion();
    }

    public String agentUpdateStatus() {
        return agentUpdateStatus;
    }

    /** The value of an attribute, or {@code null}; see {@link #hasAttribute} for name-only ones. */
    public String attribute(String name) {
        return attributes.get(name);
    }

    public boolean hasAttribute(String name) {
        return attributes.containsKey(name);
    }

    public Map<String, String> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    public String availabilityZone() {
        return attributes.get("ecs.availability-zone");
    }

    /** Tasks placed here that have not reached STOPPED (read-only). */
    public Set<TaskEntry> tasks() {
        return Collections.unmodifiableSet(tasks);
    }

    /**
     * The tasks here whose desired status is RUNNING, as the model defines the count: a task still
     * PENDING counts (in the pending count too), a task told to stop no longer does.
     */
    public int runningTasksCount() {
        return (int) tasks.stream().filter(TaskEntry::isLive).count();
    }

    public int pendingTasksCount() {
        return (int) tasks.stream().filter(task -> TaskStatus.isPending(task.lastStatus)).count();
    }

    /** The task groups of the tasks here, for {@code task:group} in the cluster query language. */
    public Set<String> taskGroups() {
        Set<String> groups = new LinkedHashSet<>();
        tasks.forEach(task -> groups.add(task.group));
        return groups;
    }

    public int remainingCpu() {
        return cpu - tasks.stream().mapToInt(task -> task.placement.cpu()).sum();
    }

    public int remainingMemory() {
        return memory - tasks.stream().mapToInt(task -> task.placement.memory()).sum();
    }

    /** Host ports in use: the instance's own and those bound by its tasks. */
    public Set<Integer> usedTcpPorts() {
        Set<Integer> used = new TreeSet<>(reservedTcpPorts);
        tasks.forEach(task -> used.addAll(task.placement.tcpPorts()));
        return used;
    }

    public Set<Integer> usedUdpPorts() {
        Set<Integer> used = new TreeSet<>(reservedUdpPorts);
        tasks.forEach(task -> used.addAll(task.placement.udpPorts()));
        return used;
    }

    /** The instance as ECS shows it now; {@code tags} go out as given. */
    public ContainerInstance toContainerInstance(List<Tag> tags) {
        List<Attribute> shown = new ArrayList<>(attributes.size());
        attributes.forEach((name, value) -> shown.add(Attribute.builder().name(name).value(value).build()));
        ContainerInstance.Builder instance = ContainerInstance.builder()
                .containerInstanceArn(arn)
                .ec2InstanceId(ec2InstanceId)
                .capacityProviderName(capacityProviderName)
                .version(version)
                .versionInfo(versionInfo)
                .registeredResources(resources(cpu, memory, reservedTcpPorts, reservedUdpPorts, true))
                .remainingResources(resources(remainingCpu(), remainingMemory(), usedTcpPorts(), usedUdpPorts(), false))
                .status(status)
                .agentConnected(!"INACTIVE".equals(status))
                .runningTasksCount(runningTasksCount())
                .pendingTasksCount(pendingTasksCount())
                .agentUpdateStatus(agentUpdateStatus)
                .attributes(shown)
                .registeredAt(registeredAt)
                .attachments(List.of())
                .tags(tags);
        return instance.build();
    }

    /** CPU, MEMORY, PORTS and PORTS_UDP as ECS lists them, every entry with all its number fields. */
    private List<Resource> resources(int cpuUnits, int memoryMiB, Set<Integer> tcp, Set<Integer> udp, boolean withOthers) {
        List<Resource> list = new ArrayList<>();
        list.add(integer("CPU", cpuUnits));
        list.add(integer("MEMORY", memoryMiB));
        list.add(stringSet("PORTS", tcp));
        list.add(stringSet("PORTS_UDP", udp));
        if (withOthers) {
            list.addAll(otherResources);
        }
        return list;
    }

    private static Resource integer(String name, int value) {
        return Resource.builder().name(name).type("INTEGER").integerValue(value).longValue(0L).doubleValue(0.0).build();
    }

    private static Resource stringSet(String name, Set<Integer> ports) {
        return Resource.builder().name(name).type("STRINGSET").integerValue(0).longValue(0L).doubleValue(0.0)
                .stringSetValue(ports.stream().sorted().map(String::valueOf).toList()).build();
    }
}
