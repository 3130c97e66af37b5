package io.github.ecsmock.internal.state;

import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;

/**
 * What one container asks for once a RunTask or StartTask override is applied: placement counts it
 * against an instance and the task shows it, so both read it from here.
 */
record ContainerResources(Integer cpu, Integer memory, Integer memoryReservation) {
    static ContainerResources of(ContainerDefinition container, ContainerOverride override) {
        return new ContainerResources(
                override != null && override.cpu() != null ? override.cpu() : container.cpu(),
                override != null && override.memory() != null ? override.memory() : container.memory(),
                override != null && override.memoryReservation() != null ? override.memoryReservation()
                        : container.memoryReservation());
    }

    int cpuUnits() {
        return cpu == null ? 0 : cpu;
    }

    /** The hard limit when there is one, else the soft one: what the container holds of an instance's memory. */
    int memoryHeld() {
        return memory != null ? memory : memoryReservation != null ? memoryReservation : 0;
    }
}
