package io.github.ecsmock.internal.state;

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

    TaskLauncher(EcsState state) {
        this.state = state;
    }

    TaskEntry build(ClusterEntry cluster, LaunchSpec spec, String firstStatus, InstanceSlot slot) {
        Ids ids = state.ids();
        String id = ids.hex32();
        TaskDefinition definition = spec.definition();
        boolean fargate = "FARGATE".equals(spec.launchType());
        TaskOverride given = spec.overrides() == null ? TaskOverride.builder().build() : spec.overrides();
        Map<String, ContainerOverride> overrideByName = new HashMap<>();
        given.containerOverrides().forEach(override -> overrideByName.put(override.name(), override));

        List<TaskEntry.ContainerSlot> containers = new ArrayList<>();
        List<ContainerOverride> containerOverrides = new ArrayList<>();
        int cpuSum = 0;
        int memorySum = 0;
        for (ContainerDefinition container : definition.containerDefinitions()) {
            ContainerOverride override = overrideByName.get(container.name());
            ContainerResources resources = ContainerResources.of(container, override);
            Integer cpu = resources.cpu();
            Integer memory = resources.memory();
            Integer reservation = resources.memoryReservation();
            cpuSum += resources.cpuUnits();
            memorySum += resources.memoryHeld();
            String runtimeId = fargate ? id + "-" + tenDigits(ids.nextInt(Integer.MAX_VALUE)) : ids.hex(64);
            containers.add(new TaskEntry.ContainerSlot(container.name(), container.image(),
                    state.arns().container(cluster.name(), id, ids.uuid()), runtimeId, ids.hex("sha256:", 64),
                    cpu, memory, reservation));
            containerOverrides.add(override != null ? override : ContainerOverride.builder().name(container.name()).build());
        }
        TaskOverride overrides = given.toBuilder()
                .containerOverrides(containerOverrides)
                .inferenceAcceleratorOverrides(given.hasInferenceAcceleratorOverrides() ? given.inferenceAcceleratorOverrides() : List.of())
                .build();

        String cpu = given.cpu() != null ? given.cpu() : definition.cpu() != null ? definition.cpu() : String.valueOf(cpuSum);
        String memory = given.memory() != null ? given.memory() : definition.memory() != null ? definition.memory()
                : memorySum > 0 ? String.valueOf(memorySum) : null;

        TaskEntry.Eni eni = "awsvpc".equals(definition.networkModeAsString()) ? eni(spec) : null;
        String zone = slot != null && slot.instance().availabilityZone() != null ? slot.instance().availabilityZone()
                : state.arns().region() + (char) ('a' + (eni != null ? Math.floorMod(eni.subnetId().hashCode(), 3) : ids.nextInt(3)));
        Integer storage = null;
        String platformVersion = null;
        String platformFamily = null;
        if (fargate) {
            platformVersion = Fargate.platformVersion(spec.platformVersion());
            platformFamily = Fargate.platformFamily(definition);
            storage = given.ephemeralStorage() != null ? given.ephemeralStorage().sizeInGiB()
                    : definition.ephemeralStorage() != null ? definition.ephemeralStorage().sizeInGiB()
                    : DEFAULT_EPHEMERAL_STORAGE_GIB;
        }
        TaskEntry task = new TaskEntry(state.nextSequence(), id, state.arns().task(cluster.name(), id), cluster.arn(),
                definition, spec.launchType(), spec.capacityProviderName(), platformVersion, platformFamily,
                spec.group(), spec.startedBy(), overrides, spec.enableExecuteCommand(), spec.serviceName(),
                spec.deploymentId(), zone, eni, cpu, memory, storage, state.now(), List.copyOf(containers));
        task.lastStatus = firstStatus;
        task.placement = slot;
        return task;
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

    /** A Fargate container's runtime id ends in ten digits, zero-padded (String.format costs more than the launch). */
    private static String tenDigits(int value) {
        String digits = Integer.toString(value);
        return "0000000000".substring(digits.length()) + digits;
    }
}
