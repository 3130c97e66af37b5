package io.github.ecsmock.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import software.amazon.awssdk.services.ecs.EcsClient;

/** Settings that cannot apply fail the test with a message saying why, instead of quietly giving something else. */
class MisconfigurationTest {

    private static Throwable failureOf(Class<?> scenario) {
        List<Event> failed = EngineTestKit.engine("junit-jupiter").selectors(selectClass(scenario)).execute()
                .allEvents().failed().list();
        assertThat(failed).as("failed events of %s", scenario.getSimpleName()).isNotEmpty();
        return failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    }

    @Test
    void anAccountThatIsNotTwelveDigitsIsRefused() {
        Throwable failure = failureOf(ShortAccount.class);

        assertThat(failure).isInstanceOf(ParameterResolutionException.class)
                .hasMessageStartingWith("An AWS account id is 12 digits: 42");
    }

    @Test
    void underStrictAuthenticationAnotherAccountNeedsItsOwnCredentials() {
        Throwable failure = failureOf(StrictWithoutAccountCredentials.class);

        assertThat(failure).isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("client of account 111122223333 signs with credentials whose access key id is that account");
    }

    @Test
    void aNestedClassWithSettingsOfItsOwnIsRefused() {
        Throwable failure = failureOf(OuterInIreland.class);

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("OuterInIreland$InSydney shares the mock of its outer class");
    }

    @Test
    void aNestedClassWithSettingsOfItsOwnUnderARegisteredExtensionIsRefused() {
        Throwable failure = failureOf(RegisteredOuter.class);

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("RegisteredOuter$InSydney shares the mock of its outer class");
    }

    @EcsMockTest
    static class ShortAccount {
        @Test
        void asks(@EcsAccount("42") EcsClient ecs) {
            ecs.listClusters();
        }
    }

    static class StrictWithoutAccountCredentials {
        @RegisterExtension
        static EcsMockExtension ecsMock = EcsMockExtension.builder().credentials("AKIDTEAM", "team-secret").build();

        @Test
        void asks(@EcsAccount("111122223333") EcsClient ecs) {
            ecs.listClusters();
        }
    }

    @EcsMockTest(region = "eu-west-1")
    static class OuterInIreland {
        @Test
        void outer(EcsClient ecs) {
            ecs.listClusters();
        }

        @Nested
        @EcsMockTest(region = "ap-southeast-2")
        class InSydney {
            @Test
            void inner(EcsClient ecs) {
                ecs.listClusters();
            }
        }
    }

    static class RegisteredOuter {
        @RegisterExtension
        static EcsMockExtension ecsMock = EcsMockExtension.builder().region("eu-west-1").build();

        @Test
        void outer(EcsClient ecs) {
            ecs.listClusters();
        }

        @Nested
        @EcsMockTest(region = "ap-southeast-2")
        class InSydney {
            @Test
            void inner(EcsClient ecs) {
                ecs.listClusters();
            }
        }
    }
}
