package io.github.ecsmock.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ecsmock.EcsMock;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Settings reach the mock however {@link EcsMockTest} reaches the class: through an annotation of the
 * team's own, or an interface the test class implements.
 */
class ComposedAnnotationTest {
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @EcsMockTest(region = "eu-west-1", account = "111122223333", reset = ResetMode.NEVER)
    @interface IrelandEcsTest {
    }

    @EcsMockTest(region = "ap-southeast-2")
    interface SydneyTests {
    }

    @Nested
    @IrelandEcsTest
    class ThroughAComposedAnnotation {
        @Test
        void theMockHasTheComposedSettings(EcsMock mock, EcsClient ecs) {
            assertThat(mock.region()).isEqualTo("eu-west-1");
            assertThat(ecs.createCluster(r -> r.clusterName("dev")).cluster().clusterArn())
                    .isEqualTo("arn:aws:ecs:eu-west-1:111122223333:cluster/dev");
        }

        /** A URI argument of a parameterized test is the test's own, not the mock's endpoint. */
        @ParameterizedTest
        @ValueSource(strings = "http://example.com/")
        void aParameterizedTestKeepsItsOwnUri(URI given, EcsMock mock) {
            assertThat(given).hasToString("http://example.com/");
            assertThat(mock.endpoint()).isNotEqualTo(given);
        }
    }

    @Nested
    class ThroughAnInterface implements SydneyTests {
        @Test
        void theMockHasTheInterfacesSettings(EcsMock mock) {
            assertThat(mock.region()).isEqualTo("ap-southeast-2");
        }
    }
}
