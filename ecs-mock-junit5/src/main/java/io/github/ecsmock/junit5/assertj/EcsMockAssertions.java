package io.github.ecsmock.junit5.assertj;

import io.github.ecsmock.EcsMock;

/**
 * AssertJ assertions on a mock: what it received and what it holds, reading as sentences and failing
 * with what was there instead.
 *
 * <pre>{@code
 * assertThat(mock).received("RunTask").times(2);
 * assertThat(mock).receivedRunTask().withTaskDefinition("worker:3").withLaunchType(LaunchType.FARGATE);
 * assertThat(mock).cluster("dev").hasService("workers").withDesiredCount(2).isStable();
 * assertThat(mock).cluster("dev").hasRunningTasks(3);
 * }</pre>
 *
 * Static-import {@code assertThat} from here beside AssertJ's own; Java picks this one for an
 * {@code EcsMock}. Needs AssertJ on the test classpath, which the extension does not bring.
 */
public final class EcsMockAssertions {
    private EcsMockAssertions() {
    }

    public static EcsMockAssert assertThat(EcsMock mock) {
        return new EcsMockAssert(mock);
    }
}
