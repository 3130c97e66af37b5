package io.github.ecsmock.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ecsmock.ValidationProfile;
import io.github.ecsmock.junit5.EcsMockTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * The product's quick-start (a Python boto3 script) written in Java: a FARGATE service created without
 * a network configuration. The default profile accepts it as the quick-start expects; the strict
 * profile refuses it as AWS does.
 */
class QuickStartTest {

    static void clusterAndDefinition(EcsClient ecs) {
        ecs.createCluster(r -> r.clusterName("dev"));
        ecs.registerTaskDefinition(r -> r.family("worker")
                .containerDefinitions(c -> c.name("app").image("myapp:latest").cpu(256).memory(512))
                .requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC)
                .cpu("256")
                .memory("512"));
    }

    static Service createWorkers(EcsClient ecs) {
        return ecs.createService(r -> r.cluster("dev")
                .serviceName("workers")
                .taskDefinition("worker:1")
                .desiredCount(1)
                .launchType(LaunchType.FARGATE)).service();
    }

    @Nested
    @EcsMockTest
    class UnderTheDefaultProfile {
        @Test
        void theServiceIsActiveWithItsTaskRunning(EcsClient ecs) {
            clusterAndDefinition(ecs);
            createWorkers(ecs);

            Service service = ecs.describeServices(r -> r.cluster("dev").services("workers")).services().get(0);

            assertThat(service.status()).isEqualTo("ACTIVE");
            assertThat(service.runningCount()).isEqualTo(1);
            assertThat(service.desiredCount()).isEqualTo(1);
        }
    }

    @Nested
    @EcsMockTest(validation = ValidationProfile.STRICT)
    class UnderTheStrictProfile {
        @Test
        void theServiceIsRefusedAsAwsRefusesIt(EcsClient ecs) {
            clusterAndDefinition(ecs);

            assertThatThrownBy(() -> createWorkers(ecs))
                    .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Network Configuration must be provided when networkMode 'awsvpc' is specified."));
            assertThat(ecs.listServices(r -> r.cluster("dev")).serviceArns()).isEmpty();
        }
    }
}
