package io.github.ecsmock.internal.state;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/**
 * Makes the record of a new task from a {@link LaunchSpec}: its ids and ARNs, its containers, the
 * network interface of an {@code awsvpc} task, its size and Fargate platform, all in the formats ECS
 * uses (ECS-EXAMPLES.md, sections 1, 5 and 6).
 */
final class TaskLauncher {
    private static final int DEFAULT_EPHEMERAL_STORAGE_GIB = 20;

    private final EcsState state;
    /** The shape of the task launched last (see {@link Shape}). */
    private Shape lastShape;

    TaskLauncher(EcsState state) {
        this.state = state;
    }

    TaskEntry build(ClusterEntry cluster, LaunchSpec spec, String firstStatus, InstanceSlot slot) {
        Ids ids = state.ids();
        String id = ids.hex32();
        TaskDefinition definition = spec.definition();
        boolean fargate = "FARGATE".equals(spec.launchType());
        Shape shape = shape(definition, spec.overrides(), fargate);

        List<ContainerDefinition> definitions = definition.containerDefinitions();
        TaskEntry.ContainerSlot[] containers = new TaskEntry.ContainerSlot[definitions.size()];
        for (int i = 0; i < containers.length; i++) {
            ContainerDefinition container = definitions.get(i);
            String runtimeId = fargate ? fargateRuntimeId(id, ids.nextInt(Integer.MAX_VALUE)) : ids.hex(64);
            containers[i] = new TaskEntry.ContainerSlot(container.name(), container.image(),
                    state.arns().container(cluster.name(), id, ids.uuid()), runtimeId, shape.imageDigests().get(i),
                    shape.sizes().get(i));
        }

        TaskEntry.Eni eni = "awsvpc".equals(definition.networkModeAsString()) ? eni(spec) : null;
        String zone = slot != null && slot.instance().availabilityZone() != null ? slot.instance().availabilityZone()
                : state.arns().region() + (char) ('a' + (eni != null ? Math.floorMod(eni.subnetId().hashCode(), 3) : ids.nextInt(3)));
        TaskEntry task = new TaskEntry(state.nextSequence(), id, state.arns().task(cluster.name(), id), cluster.arn(),
                definition, spec.launchType(), spec.capacityProviderName(),
                fargate ? Fargate.platformVersion(spec.platformVersion()) : null, shape.platformFamily(),
                spec.group(), spec.startedBy(), shape.overrides(), spec.enableExecuteCommand(), spec.serviceName(),
                spec.deploymentId(), zone, eni, shape.cpu(), shape.memory(), shape.storage(), state.now(), List.of(containers));
        task.lastStatus = firstStatus;
        task.placement = slot;
        return task;
    }

    /**
     * What a task takes from its definition and overrides alone: the overrides it shows (one for each
     * container, named), its containers' sizes as shown and image digests, its size, and on Fargate its
     * storage and platform. The same for every task of one RunTask or one pass of a service's
     * scheduler, so it is worked out for the first and kept while the next task has the same definition
     * and overrides; both are immutable, so the same objects give the same shape.
     */
    private record Shape(TaskDefinition definition, TaskOverride given, boolean fargate, TaskOverride overrides,
                         List<TaskEntry.ContainerSize> sizes, List<String> imageDigests, String cpu, String memory,
                         Integer storage, String platformFamily) {
    }

    private Shape shape(TaskDefinition definition, TaskOverride requested, boolean fargate) {
        Shape last = lastShape;
        if (last != null && last.definition() == definition && last.given() == requested && last.fargate() == fargate) {
            return last;
        }
        TaskOverride given = requested == null ? TaskOverride.builder().build() : requested;
        Map<String, ContainerOverride> overrideByName = new HashMap<>();
        given.containerOverrides().forEach(override -> overrideByName.put(override.name(), override));

        List<ContainerOverride> containerOverrides = new ArrayList<>();
        List<TaskEntry.ContainerSize> sizes = new ArrayList<>();
        List<String> imageDigests = new ArrayList<>();
        int cpuSum = 0;
        int memorySum = 0;
        for (ContainerDefinition container : definition.containerDefinitions()) {
            ContainerOverride override = overrideByName.get(container.name());
            ContainerResources held = ContainerResources.of(container, override);
            sizes.add(TaskEntry.ContainerSize.of(held));
            imageDigests.add(ImageDigests.of(container.image()));
            cpuSum += held.cpuUnits();
            memorySum += held.memoryHeld();
            containerOverrides.add(override != null ? override : ContainerOverride.builder().name(container.name()).build());
        }
        TaskOverride overrides = given.toBuilder()
                .containerOverrides(containerOverrides)
                .inferenceAcceleratorOverrides(given.hasInferenceAcceleratorOverrides() ? given.inferenceAcceleratorOverrides() : List.of())
                .build();

        String cpu = given.cpu() != null ? given.cpu() : definition.cpu() != null ? definition.cpu() : String.valueOf(cpuSum);
        String memory = given.memory() != null ? given.memory() : definition.memory() != null ? definition.memory()
                : memorySum > 0 ? String.valueOf(memorySum) : null;
        Integer storage = null;
        String platformFamily = null;
        if (fargate) {
            platformFamily = Fargate.platformFamily(definition);
            storage = given.ephemeralStorage() != null ? given.ephemeralStorage().sizeInGiB()
                    : definition.ephemeralStorage() != null ? definition.ephemeralStorage().sizeInGiB()
                    : DEFAULT_EPHEMERAL_STORAGE_GIB;
        }
        Shape shape = new Shape(definition, requested, fargate, overrides, List.copyOf(sizes), List.copyOf(imageDigests), cpu, memory,
                storage, platformFamily);
        lastShape = shape;
        return shape;
    }

    private TaskEntry.Eni eni(LaunchSpec spec) {
        Ids ids = state.ids();
        List<String> subnets = spec.network() == null ? List.of() : spec.network().subnets();
        String subnet = subnets.isEmpty() ? state.defaultSubnet() : subnets.get(ids.nextInt(subnets.size()));
        int third = 1 + ids.nextInt(254);
        int fourth = 1 + ids.nextInt(254);
        String ip = "10.0." + third + "." + fourth;
        String dnsSuffix = state.arns().region().equals("us-east-1") ? ".ec2.internal" : "." + state.arns().region() + ".compute.internal";
        String mac = ids.macAddress();
        return new TaskEntry.Eni(ids.uuid(), subnet, ids.hex("eni-", 17), mac, ip,
                "ip-10-0-" + third + "-" + fourth + dnsSuffix);
    }

    /**
     * A Fargate container's runtime id: its task's id, a dash and ten decimal digits, zero-padded. Made
     * in one array: as a concatenation of a padded string it was a fiftieth of a RunTask's own time.
     */
    private static String fargateRuntimeId(String taskId, int value) {
        byte[] text = new byte[taskId.length() + 11];
        for (int i = 0; i < taskId.length(); i++) {
            text[i] = (byte) taskId.charAt(i);
        }
        text[taskId.length()] = '-';
        for (int at = text.length - 1; at > taskId.length(); at--) {
            text[at] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }
}
