package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;

/**
 * A mock writes the classes it has written often through readers made for them (a few hundred
 * answers into a test run): what its clients see must not change when it does.
 */
class WarmAnswersTest {

    @Test
    void aMockThatHasAnsweredHundredsOfCallsAnswersAsAFreshOneDoes() {
        Instant start = Instant.parse("2026-12-05T09:00:00.125Z");
        try (EcsMock fresh = EcsMock.builder().seed(42).clock(EcsClock.manual(start)).build();
             EcsMock warm = EcsMock.builder().seed(42).clock(EcsClock.manual(start)).build();
             EcsClient freshClient = fresh.newClient(Transport.IN_MEMORY);
             EcsClient warmClient = warm.newClient(Transport.IN_MEMORY)) {
            for (int i = 0; i < 220; i++) {
                scenario(warmClient);
                warm.reset();
            }

            List<Object> expected = scenario(freshClient);
            List<Object> actual = scenario(warmClient);

            assertThat(actual).isEqualTo(expected);
            assertThat(actual.toString()).contains("FARGATE", "awslogs", "tcp", "PRIMARY", "ecs.cpu-architecture");
        }
    }

    /** Calls that answer with tasks, containers, services, deployments, clusters and task definitions; their answers' members. */
    private static List<Object> scenario(EcsClient ecs) {
        List<Object> answers = new ArrayList<>();
        answers.add(ecs.createCluster(r -> r.clusterName("warm").tags(t -> t.key("team").value("a"))).cluster());
        answers.add(ecs.registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .executionRoleArn("arn:aws:iam::123456789012:role/ecsTaskExecutionRole")
                .containerDefinitions(c -> c.name("app").image("nginx:1.27").essential(true)
                        .portMappings(p -> p.containerPort(80).protocol(TransportProtocol.TCP))
                        .environment(e -> e.name("MODE").value("warm"))
                        .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(java.util.Map.of(
                                "awslogs-group", "/ecs/web", "awslogs-region", "us-east-1", "awslogs-stream-prefix", "web")))))
                .taskDefinition());
        answers.add(ecs.runTask(r -> r.cluster("warm").taskDefinition("web").count(3).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0a1b2c3d4e5f60718")))).tasks());
        answers.add(ecs.createService(r -> r.cluster("warm").serviceName("web").taskDefinition("web").desiredCount(2)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0a1b2c3d4e5f60718")))).service());
        answers.add(ecs.describeServices(r -> r.cluster("warm").services("web")).services());
        answers.add(ecs.describeClusters(r -> r.clusters("warm").includeWithStrings("TAGS", "STATISTICS")).clusters());
        List<String> arns = ecs.listTasks(r -> r.cluster("warm")).taskArns();
        answers.add(arns);
        answers.add(ecs.describeTasks(r -> r.cluster("warm").tasks(arns)).tasks());
        return answers;
    }
}
