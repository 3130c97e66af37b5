package io.github.ecsmock.internal.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.EphemeralStorage;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.ManagedAgent;
import software.amazon.awssdk.services.ecs.model.NetworkInterface;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskEphemeralStorage;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/**
 * One task as the state keeps it: what it was launched with, which is fixed, and where it is in its
 * lifecycle, which {@link TaskLifecycle} moves. What goes out on the wire is built from it by
 * {@link #toTask}, so every answer shows the task as it is at that moment.
 */
public final class TaskEntry {
    /** The elastic network interface of an {@code awsvpc} task. */
    public record Eni(String attachmentId, String subnetId, String interfaceId, String macAddress,
                      String privateIpv4Address, String privateDnsName) {
    }

    /** A container of the task: its definition's name and image, the ids ECS gives it, and its size. */
    public record ContainerSlot(String name, String image, String arn, String runtimeId, String imageDigest, ContainerSize size) {
    }

    /**
     * A container's size as the task shows it: cpu units (0 when not given) and memory limits in MiB,
     * as strings. The same for every task of a launch, so made once for all of them.
     */
    record ContainerSize(String cpu, String memory, String memoryReservation) {
        static ContainerSize of(ContainerResources resources) {
            return new ContainerSize(String.valueOf(resources.cpuUnits()),
                    resources.memory() == null ? null : String.valueOf(resources.memory()),
                    resources.memoryReservation() == null ? null : String.valueOf(resources.memoryReservation()));
        }
    }

    /** What every task shows the same, made once: the architecture it runs on, and Fargate's 20 GiB of storage. */
    private static final List<Attribute> ATTRIBUTES = List.of(Attribute.builder().name("ecs.cpu-architecture").value("x86_64").build());
    private static final EphemeralStorage USUAL_STORAGE = EphemeralStorage.builder().sizeInGiB(20).build();
    private static final TaskEphemeralStorage USUAL_FARGATE_STORAGE = TaskEphemeralStorage.builder().sizeInGiB(20).build();

    final long sequence;
    final String id;
    final String arn;
    final String clusterArn;
    final TaskDefinition definition;
    final String launchType;
    final String capacityProviderName;
    final String platformVersion;
    final String platformFamily;
    final String group;
    final String startedBy;
    final TaskOverride overrides;
    final boolean enableExecuteCommand;
    final String serviceName;
    final String deploymentId;
    final String availabilityZone;
    final Eni eni;
    final String cpu;
    final String memory;
    final Integer ephemeralStorageGiB;
    final Instant createdAt;
    final List<ContainerSlot> containers;
    /** Where an EC2 or EXTERNAL task runs and what it takes there; null for Fargate. */
    InstanceSlot placement;

    String lastStatus;
    String desiredStatus = TaskStatus.RUNNING;
    long version = 1;
    int generation;
    Instant pullStartedAt;
    Instant pullStoppedAt;
    Instant startedAt;
    Instant connectivityAt;
    Instant stoppingAt;
    Instant executionStoppedAt;
    Instant stoppedAt;
    String stopCode;
    String stoppedReason;
    /** How the containers end: the exit code of all of them, unless {@link #containerExits} says otherwise. */
    Integer exitCode;
    /** Exit codes and reasons of particular containers, by name (an essential container that exited, say). */
    final Map<String, ContainerExit> containerExits = new HashMap<>();
    /**
     * The containers that have exited while the task still runs or winds down, shown STOPPED with their
     * exit from then on; null while none has (most tasks: the others stop with the task).
     */
    Set<String> exitedContainers;
    /**
     * Until when the task is protected from scale-in (UpdateTaskProtection); null when it never was
     * or protection was turned off. A time in the past means the protection has lapsed.
     */
    Instant protectedUntil;
    /**
     * Left running on a container instance deregistered with force: no longer its service's (the
     * service starts another copy and never stops this one), as DeregisterContainerInstance documents.
     */
    boolean orphaned;

    /** How one container ended: its exit code (null when unknown) and the reason ECS gives. */
    public record ContainerExit(Integer exitCode, String reason) {
    }

    TaskEntry(long sequence, String id, String arn, String clusterArn, TaskDefinition definition, String launchType,
              String capacityProviderName, String platformVersion, String platformFamily, String group,
              String startedBy, TaskOverride overrides, boolean enableExecuteCommand, String serviceName,
              String deploymentId, String availabilityZone, Eni eni, String cpu, String memory,
              Integer ephemeralStorageGiB, Instant createdAt, List<ContainerSlot> containers) {
        this.sequence = sequence;
        this.id = id;
        this.arn = arn;
        this.clusterArn = clusterArn;
        this.definition = definition;
        this.launchType = launchType;
        this.capacityProviderName = capacityProviderName;
        this.platformVersion = platformVersion;
        this.platformFamily = platformFamily;
        this.group = group;
        this.startedBy = startedBy;
        this.overrides = overrides;
        this.enableExecuteCommand = enableExecuteCommand;
        this.serviceName = serviceName;
        this.deploymentId = deploymentId;
        this.availabilityZone = availabilityZone;
        this.eni = eni;
        this.cpu = cpu;
        this.memory = memory;
        this.ephemeralStorageGiB = ephemeralStorageGiB;
        this.createdAt = createdAt;
        this.containers = containers;
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

    public String family() {
        return definition.family();
    }

    public String taskDefinitionArn() {
        return definition.taskDefinitionArn();
    }

    public String launchType() {
        return launchType;
    }

    public String lastStatus() {
        return lastStatus;
    }

    public String desiredStatus() {
        return desiredStatus;
    }

    public String startedBy() {
        return startedBy;
    }

    public String group() {
        return group;
    }

    public String serviceName() {
        return serviceName;
    }

    public boolean isOrphaned() {
        return orphaned;
    }

    public String deploymentId() {
        return deploymentId;
    }

    public long sequence() {
        return sequence;
    }

    public boolean isStopped() {
        return TaskStatus.STOPPED.equals(lastStatus);
    }

    /** Whether the task is meant to run: its desired status is still RUNNING. */
    public boolean isLive() {
        return TaskStatus.RUNNING.equals(desiredStatus);
    }

    /** The name of the first essential container, the one whose exit stops the task. */
    public String essentialContainer() {
        return definition.containerDefinitions().stream()
                .filter(container -> container.essential() == null || container.essential())
                .map(c -> c.name()).findFirst().orElse(containers.get(0).name());
    }

    public List<String> containerNames() {
        return containers.stream().map(ContainerSlot::name).toList();
    }

    /** Where the task runs, for the EC2 and EXTERNAL launch types; null on Fargate. */
    public InstanceSlot placement() {
        return placement;
    }

    /** Whether scale-in protection holds at {@code now}: ECS clears it by itself when it expires. */
    public boolean isProtectedAt(Instant now) {
        return protectedUntil != null && now.isBefore(protectedUntil);
    }

    /** When the protection that holds at {@code now} expires, or null when the task is not protected. */
    public Instant protectionExpiresAt(Instant now) {
        return isProtectedAt(now) ? protectedUntil : null;
    }

    /** The containers' names and ARNs, in definition order. */
    public List<ContainerSlot> containerSlots() {
        return containers;
    }

    public boolean enableExecuteCommand() {
        return enableExecuteCommand;
    }

    public boolean isRunning() {
        return TaskStatus.RUNNING.equals(lastStatus);
    }

    boolean isAwsvpc() {
        return eni != null;
    }

    /**
     * The task as last built without tags, kept until the entry next changes, once it has been built
     * twice: a DescribeTasks of a hundred tasks otherwise builds every task and its containers anew on
     * each call, while a task shown only once (by the RunTask that started it) keeps nothing, about a
     * kilobyte. Whatever changes a field that {@link #toTask} reads calls {@link #changed()};
     * {@link Invariants} checks that what is kept equals a fresh build.
     */
    private Task shown;
    private boolean builtSinceChange;

    /** Drops the kept answer: the task changed. */
    void changed() {
        shown = null;
        builtSinceChange = false;
    }

    /** Whether the kept answer, if any, is still what the task would be built as now. */
    boolean shownIsCurrent() {
        return shown == null || shown.equals(build(List.of()));
    }

    /** The task as ECS shows it now; {@code tags} go out as given (empty unless asked for). */
    public Task toTask(List<Tag> tags) {
        if (!tags.isEmpty()) {
            return build(tags);
        }
        Task task = shown;
        if (task == null) {
            task = build(List.of());
            if (builtSinceChange) {
                shown = task;
            }
            builtSinceChange = true;
        }
        return task;
    }

    private Task build(List<Tag> tags) {
        boolean provisioned = !TaskStatus.PROVISIONING.equals(lastStatus);
        Task.Builder task = Task.builder()
                .attachments(eni == null ? List.of() : List.of(attachment(provisioned)))
                .attributes(ATTRIBUTES)
                .availabilityZone(availabilityZone)
                .capacityProviderName(capacityProviderName)
                .clusterArn(clusterArn)
                .containers(containers())
                .cpu(cpu)
                .memory(memory)
                .createdAt(createdAt)
                .desiredStatus(desiredStatus)
                .enableExecuteCommand(enableExecuteCommand)
                .group(group)
                .lastStatus(lastStatus)
                .launchType(launchType)
                .overrides(overrides)
                .platformVersion(platformVersion)
                .platformFamily(platformFamily)
                .pullStartedAt(pullStartedAt)
                .pullStoppedAt(pullStoppedAt)
                .startedAt(startedAt)
                .startedBy(startedBy)
                .stopCode(stopCode)
                .stoppedReason(stoppedReason)
                .stoppingAt(stoppingAt)
                .executionStoppedAt(executionStoppedAt)
                .stoppedAt(stoppedAt)
                .tags(tags)
                .taskArn(arn)
                .containerInstanceArn(placement == null ? null : placement.instance().arn())
                .taskDefinitionArn(definition.taskDefinitionArn())
                .version(version);
        if (connectivityAt != null) {
            task.connectivity("CONNECTED").connectivityAt(connectivityAt).healthStatus("UNKNOWN");
        }
        if (ephemeralStorageGiB != null) {
            // Fargate tasks show their storage twice: the older member, and the newer one that would
            // also name a cluster's managed storage KMS key.
            boolean usual = ephemeralStorageGiB == USUAL_STORAGE.sizeInGiB().intValue();
            task.ephemeralStorage(usual ? USUAL_STORAGE : EphemeralStorage.builder().sizeInGiB(ephemeralStorageGiB).build())
                    .fargateEphemeralStorage(usual ? USUAL_FARGATE_STORAGE
                            : TaskEphemeralStorage.builder().sizeInGiB(ephemeralStorageGiB).build());
        }
        return task.build();
    }

    private Attachment attachment(boolean provisioned) {
        List<KeyValuePair> details = provisioned
                ? List.of(pair("subnetId", eni.subnetId()), pair("networkInterfaceId", eni.interfaceId()),
                        pair("macAddress", eni.macAddress()), pair("privateDnsName", eni.privateDnsName()),
                        pair("privateIPv4Address", eni.privateIpv4Address()))
                : List.of(pair("subnetId", eni.subnetId()));
        return Attachment.builder()
                .id(eni.attachmentId())
                .type("ElasticNetworkInterface")
                .status(attachmentStatus())
                .details(details)
                .build();
    }

    /** PRECREATED while the ENI is made, ATTACHED while the task uses it, then DETACHING and DELETED. */
    private String attachmentStatus() {
        return switch (lastStatus) {
            case TaskStatus.PROVISIONING -> "PRECREATED";
            case TaskStatus.DEPROVISIONING -> "DETACHING";
            case TaskStatus.STOPPED -> "DELETED";
            default -> "ATTACHED";
        };
    }

    private List<Container> containers() {
        String containerStatus = switch (lastStatus) {
            case TaskStatus.RUNNING, TaskStatus.DEACTIVATING -> "RUNNING";
            case TaskStatus.STOPPING, TaskStatus.DEPROVISIONING, TaskStatus.STOPPED -> "STOPPED";
            default -> "PENDING";
        };
        boolean created = startedAt != null;
        List<Container> list = new ArrayList<>(containers.size());
        for (ContainerSlot slot : containers) {
            String status = created && exitedContainers != null && exitedContainers.contains(slot.name()) ? "STOPPED"
                    : containerStatus;
            Container.Builder container = Container.builder()
                    .containerArn(slot.arn())
                    .taskArn(arn)
                    .name(slot.name())
                    .image(slot.image())
                    .lastStatus(status)
                    .networkBindings(placement == null || !created ? List.of()
                            : placement.bindings().getOrDefault(slot.name(), List.of()))
                    .networkInterfaces(eni != null && connectivityAt != null
                            ? List.of(NetworkInterface.builder().attachmentId(eni.attachmentId())
                                    .privateIpv4Address(eni.privateIpv4Address()).build())
                            : List.of())
                    .cpu(slot.size().cpu())
                    .memory(slot.size().memory())
                    .memoryReservation(slot.size().memoryReservation());
            if (connectivityAt != null) {
                container.healthStatus("UNKNOWN");
            }
            if (created) {
                container.runtimeId(slot.runtimeId()).imageDigest(slot.imageDigest());
            }
            if (enableExecuteCommand) {
                // ECS Exec's agent runs beside each container and follows it (as DescribeTasks shows it in
                // the ECS Exec launch blog post: name, lastStatus, lastStartedAt).
                container.managedAgents(ManagedAgent.builder().name("ExecuteCommandAgent").lastStatus(status)
                        .lastStartedAt(startedAt).build());
            }
            if (status.equals("STOPPED")) {
                ContainerExit exit = containerExits.get(slot.name());
                if (exit != null) {
                    container.exitCode(exit.exitCode()).reason(exit.reason());
                } else if (created) {
                    container.exitCode(exitCode);
                }
            }
            list.add(container.build());
        }
        return list;
    }

    private static KeyValuePair pair(String name, String value) {
        return KeyValuePair.builder().name(name).value(value).build();
    }
}
