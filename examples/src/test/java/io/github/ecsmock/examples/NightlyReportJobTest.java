package io.github.ecsmock.examples;

import static io.github.ecsmock.junit5.assertj.EcsMockAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.Lifecycle;
import io.github.ecsmock.junit5.EcsMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/**
 * A nightly job whose cluster and task definition are set up once on the mock's builder, so every
 * test starts from them; the host under the job is lost, and a slow answer lets time pass.
 */
class NightlyReportJobTest {
    static final RegisterTaskDefinitionRequest REPORTS = RegisterTaskDefinitionRequest.builder()
            .family("reports")
            .networkMode(NetworkMode.AWSVPC)
            .requiresCompatibilities(Compatibility.FARGATE)
            .cpu("1 vCPU")
            .memory("2 GB")
            .containerDefinitions(c -> c.name("report").image("registry.example.com/reports:7"))
            .build();

    @RegisterExtension
    static EcsMockExtension ecsMock = EcsMockExtension.builder()
            .lifecycle(Lifecycle.stepped(Duration.ofSeconds(5)))
            .mock(mock -> mock.withCluster("nightly").withTaskDefinition(REPORTS))
            .build();

    private BatchJob jobs;

    @BeforeEach
    void runner(EcsClient ecs, EcsWaiter waiter) {
        jobs = new BatchJob(ecs, waiter, "nightly", List.of("subnet-0a1b2c3d4e5f60718"));
    }

    @Test
    void theBuilderFixtureIsThereInEveryTest(EcsMock mock) {
        assertThat(mock).cluster("nightly").isActive().hasRunningTasks(0);
        assertThat(mock.view().taskDefinition("reports")).hasValueSatisfying(definition -> {
            assertThat(definition.cpu()).isEqualTo("1024");
            assertThat(definition.memory()).isEqualTo("2048");
        });
        assertThat(mock).didNotReceive("RegisterTaskDefinition");
    }

    @Test
    void aJobWhoseHostIsLostEndsWithoutAnExitCode(EcsMock mock) {
        String taskArn = jobs.start("reports", "report", List.of("build", "--date", "yesterday"));
        jobs.awaitRunning(taskArn);

        mock.loseTask("nightly", taskArn);
        BatchJob.Outcome outcome = jobs.await(taskArn, "report");

        assertThat(outcome.stopCode()).isEqualTo("TerminationNotice");
        assertThat(outcome.exitCode()).isNull();
    }

    @Test
    void aSlowAnswerLetsTheJobMoveOn(EcsClient ecs, EcsMock mock) {
        String taskArn = jobs.start("reports", "report", List.of("build"));
        Instant asked = mock.clock().now();
        mock.delayNext("DescribeTasks").by(Duration.ofSeconds(10));

        String status = ecs.describeTasks(r -> r.cluster("nightly").tasks(taskArn)).tasks().get(0).lastStatus();

        // Two steps of five seconds passed while the answer was on its way: PROVISIONING, PENDING, ACTIVATING.
        assertThat(Duration.between(asked, mock.clock().now())).isEqualTo(Duration.ofSeconds(10));
        assertThat(status).isEqualTo("ACTIVATING");
        assertThat(ecs.describeTasks(r -> r.cluster("nightly").tasks(taskArn)).tasks().get(0).lastStatus())
                .as("only the next call is slow").isEqualTo("ACTIVATING");
        assertThat(Duration.between(asked, mock.clock().now())).isEqualTo(Duration.ofSeconds(10));
    }
}
