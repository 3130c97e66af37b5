package io.github.ecsmock.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.RecordedRequest;
import io.github.ecsmock.Transport;
import io.github.ecsmock.junit5.EcsMockTest;
import io.github.ecsmock.junit5.EcsRegion;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The tests a user writes for their own ECS code: a real EcsClient, injected, against the mock. Like
 * every injected client by default, it reaches the mock in memory: every SDK step, no socket.
 */
@EcsMockTest
class ImageReleaseTest {

    static RegisterTaskDefinitionRequest webTemplate() {
        return RegisterTaskDefinitionRequest.builder()
                .family("web")
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE)
                .cpu("256")
                .memory("512")
                .executionRoleArn("arn:aws:iam::123456789012:role/ecsTaskExecutionRole")
                .containerDefinitions(
                        c -> c.name("app").image("registry.example.com/web:1.0")
                                .environment(KeyValuePair.builder().name("MODE").value("production").build()),
                        c -> c.name("proxy").image("envoyproxy/envoy:v1.31"))
                .build();
    }

    @Nested
    class EnsureCluster {
        @Test
        void createsTheClusterWhenItIsMissing(EcsClient ecs, EcsMock mock) {
            String arn = new ImageRelease(ecs).ensureCluster("releases");

            assertThat(arn).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/releases");
            assertThat(mock.view().cluster("releases")).hasValueSatisfying(c -> assertThat(c.status()).isEqualTo("ACTIVE"));
        }

        @Test
        void keepsAnExistingCluster(EcsClient ecs, EcsMock mock) {
            ecs.createCluster(r -> r.clusterName("releases").tags(t -> t.key("team").value("web")));

            new ImageRelease(ecs).ensureCluster("releases");

            assertThat(mock.journal().count("CreateCluster")).isEqualTo(1);
            assertThat(mock.view().clusters()).hasSize(1);
            assertThat(mock.view().cluster("releases").orElseThrow().tags())
                    .extracting(t -> t.key() + "=" + t.value()).containsExactly("team=web");
        }

        @Test
        void recreatesADeletedCluster(EcsClient ecs, EcsMock mock) {
            ecs.createCluster(r -> r.clusterName("releases"));
            ecs.deleteCluster(r -> r.cluster("releases"));

            new ImageRelease(ecs).ensureCluster("releases");

            assertThat(ecs.describeClusters(r -> r.clusters("releases")).clusters())
                    .singleElement().satisfies(c -> assertThat(c.status()).isEqualTo("ACTIVE"));
        }
    }

    @Nested
    class Release {
        @Test
        void registersARevisionWithTheNewImageAndEverythingElseKept(EcsClient ecs) {
            ImageRelease release = new ImageRelease(ecs);
            release.bootstrap(webTemplate());

            TaskDefinition released = release.release("web", "app", "registry.example.com/web:1.1");

            assertThat(released.revision()).isEqualTo(2);
            assertThat(released.containerDefinitions()).extracting(c -> c.name() + " " + c.image())
                    .containsExactly("app registry.example.com/web:1.1", "proxy envoyproxy/envoy:v1.31");
            assertThat(released.containerDefinitions().get(0).environment())
                    .containsExactly(KeyValuePair.builder().name("MODE").value("production").build());
            assertThat(released.cpu()).isEqualTo("256");
            assertThat(released.memory()).isEqualTo("512");
            assertThat(released.compatibilities()).contains(Compatibility.FARGATE);
            assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition("web")).taskDefinition().revision()).isEqualTo(2);
        }

        @Test
        void bootstrapDoesNotRegisterTwice(EcsClient ecs) {
            ImageRelease release = new ImageRelease(ecs);

            release.bootstrap(webTemplate());
            TaskDefinition second = release.bootstrap(webTemplate());

            assertThat(second.revision()).isEqualTo(1);
        }

        @Test
        void anUnknownFamilyFailsAsEcsFails(EcsClient ecs) {
            assertThatThrownBy(() -> new ImageRelease(ecs).release("nothing", "app", "img:2"))
                    .isInstanceOf(ClientException.class)
                    .hasMessageStartingWith("Unable to describe task definition.");
        }

        @Test
        void anUnknownContainerIsRefusedBeforeAnythingIsRegistered(EcsClient ecs, EcsMock mock) {
            ImageRelease release = new ImageRelease(ecs);
            release.bootstrap(webTemplate());

            assertThatThrownBy(() -> release.release("web", "worker", "img:2"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Task definition web has no container named worker");
            assertThat(mock.view().taskDefinitions()).hasSize(1);
        }

        @Test
        void aTemplateThatFargateRejectsFailsWithTheAwsMessage(EcsClient ecs) {
            RegisterTaskDefinitionRequest noCpu = webTemplate().toBuilder().cpu(null).build();

            assertThatThrownBy(() -> new ImageRelease(ecs).bootstrap(noCpu))
                    .isInstanceOf(ClientException.class)
                    .hasMessageStartingWith("Fargate requires that 'cpu' be defined at the task level.");
        }
    }

    @Nested
    class WhenEcsMisbehaves {
        @Test
        void throttledCallsAreRetriedByTheSdkAndSucceed(EcsMock mock) {
            mock.failNext("RegisterTaskDefinition").times(2).withThrottling();
            try (EcsClient retrying = mock.clientBuilder(Transport.IN_MEMORY)
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                            .backoffStrategy(BackoffStrategy.retryImmediately())
                            .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                            .build()))
                    .build()) {

                TaskDefinition first = new ImageRelease(retrying).bootstrap(webTemplate());

                assertThat(first.revision()).isEqualTo(1);
            }
            assertThat(mock.journal().of("RegisterTaskDefinition")).extracting(RecordedRequest::errorCode)
                    .containsExactly("ThrottlingException", "ThrottlingException", null);
        }

        @Test
        void aServerErrorReachesTheCallerOfAClientThatDoesNotRetry(EcsMock mock) {
            mock.failNext("DescribeClusters").withServerError();
            try (EcsClient failFast = mock.clientBuilder(Transport.IN_MEMORY)
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                    .build()) {

                assertThatThrownBy(() -> new ImageRelease(failFast).ensureCluster("releases"))
                        .isInstanceOfSatisfying(EcsException.class, e -> {
                            assertThat(e.statusCode()).isEqualTo(500);
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServerException");
                        });
            }
            assertThat(mock.journal().count("CreateCluster")).isZero();
        }
    }

    @Test
    void ensuresTheClusterInEachRegionItIsGiven(EcsClient virginia, @EcsRegion("eu-west-1") EcsClient ireland, EcsMock mock) {
        String home = new ImageRelease(virginia).ensureCluster("releases");
        String away = new ImageRelease(ireland).ensureCluster("releases");

        assertThat(home).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/releases");
        assertThat(away).isEqualTo("arn:aws:ecs:eu-west-1:123456789012:cluster/releases");
        assertThat(mock.view(mock.account(), "eu-west-1").clusters()).hasSize(1);
    }

    @Test
    void retiresAllButTheNewestRevisions(EcsClient ecs) {
        ImageRelease release = new ImageRelease(ecs);
        release.bootstrap(webTemplate());
        for (int version = 1; version <= 4; version++) {
            int v = version;
            release.release("web", "app", "registry.example.com/web:1." + v);
        }

        var retired = release.retireOldRevisions("web", 2);

        assertThat(retired).containsExactly(
                "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3",
                "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2",
                "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1");
        assertThat(ecs.listTaskDefinitions(r -> r.familyPrefix("web")).taskDefinitionArns())
                .containsExactly(
                        "arn:aws:ecs:us-east-1:123456789012:task-definition/web:4",
                        "arn:aws:ecs:us-east-1:123456789012:task-definition/web:5");
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition("web:1")).taskDefinition().status())
                .hasToString("INACTIVE");
    }
}
