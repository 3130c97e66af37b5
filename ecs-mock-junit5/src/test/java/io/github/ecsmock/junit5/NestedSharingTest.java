package io.github.ecsmock.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ecsmock.EcsMock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@code @Nested} classes run against their outer class's mock, reset before each of their tests. */
@EcsMockTest(region = "eu-west-1")
class NestedSharingTest {
    private static EcsMock outerMock;
    private static EcsClient outerClient;

    @BeforeAll
    static void remember(EcsMock mock, EcsClient ecs) {
        outerMock = mock;
        outerClient = ecs;
    }

    @Test
    void outerTestUsesTheOuterMock(EcsMock mock) {
        assertThat(mock).isSameAs(outerMock);
    }

    @Nested
    class Inner {
        private Integer revisionFromBeforeEach;

        @BeforeEach
        void leaveSomething(EcsClient ecs) {
            ecs.createCluster(r -> r.clusterName("from-before-each"));
            revisionFromBeforeEach = ecs.registerTaskDefinition(r -> r.family("from-before-each")
                    .containerDefinitions(c -> c.name("app").image("nginx").memory(128))).taskDefinition().revision();
        }

        @Test
        void sharesTheOuterMockAndClient(EcsMock mock, EcsClient ecs) {
            assertThat(mock).isSameAs(outerMock);
            assertThat(ecs).isSameAs(outerClient);
            assertThat(mock.region()).isEqualTo("eu-west-1");
        }

        /**
         * Run twice, so that one run always follows another test's before-each: a revision number,
         * unlike a cluster created again by name, shows what was left behind.
         */
        @RepeatedTest(2)
        void isResetBeforeEachTest(EcsClient ecs) {
            assertThat(revisionFromBeforeEach).isEqualTo(1);
            assertThat(ecs.listTaskDefinitions().taskDefinitionArns())
                    .containsExactly("arn:aws:ecs:eu-west-1:123456789012:task-definition/from-before-each:1");
            assertThat(ecs.listClusters().clusterArns())
                    .containsExactly("arn:aws:ecs:eu-west-1:123456789012:cluster/from-before-each");
        }

        @Nested
        class Deeper {
            @Test
            void stillTheSameMock(EcsMock mock) {
                assertThat(mock).isSameAs(outerMock);
            }
        }
    }
}
