package io.github.ecsmock.internal.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The cheap look-up of one name answers as the full list read from the client does. */
class EcsOperationNamesTest {

    @Test
    void everyOperationOfTheClientIsOneAndNothingElseIs() {
        assertThat(EcsOperationNames.all()).hasSizeGreaterThan(80).allMatch(EcsOperationNames::isEcsOperation);

        // Request-named shapes that are no operation's input, and names that are no class at all.
        assertThat(new String[] {"InstanceRequirements", "MemoryMiB", "Ecs", "runTask", "RunTasks", "", "Run.Task",
                "java.lang.String", null}).noneMatch(EcsOperationNames::isEcsOperation);
    }
}
