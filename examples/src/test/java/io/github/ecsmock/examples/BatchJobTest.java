package io.github.ecsmock.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.junit5.EcsMockTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.Task;

/** A batch runner's test: RunTask with a command override, the TasksStopped waiter, the stop reason. */
@EcsMockTest
class BatchJobTest {
    private BatchJob jobs;

    @BeforeEach
    void clusterAndDefinition(EcsClient ecs) {
        ecs.createCluster(r -> r.clusterName("batch"));
        new ImageRelease(ecs).bootstrap(ImageReleaseTest.webTemplate());
        jobs = new BatchJob(ecs, "batch", List.of("subnet-0a1b2c3d4e5f60718"));
    }

    @Test
    void startsTheCommandInTheNamedContainer(EcsMock mock) {
        String taskArn = jobs.start("web", "app", List.of("rake", "db:migrate"));

        Task task = mock.view().tasks("batch").get(0);
        assertThat(task.taskArn()).isEqualTo(taskArn);
        assertThat(task.lastStatus()).isEqualTo("RUNNING");
        assertThat(task.startedBy()).isEqualTo("batch-job");
        assertThat(task.overrides().containerOverrides())
                .filteredOn(o -> o.name().equals("app"))
                .extracting(ContainerOverride::command)
                .containsExactly(List.of("rake", "db:migrate"));
        assertThat(jobs.running()).containsExactly(taskArn);
    }

    @Test
    void aCancelledJobEndsStoppedByTheUserWithTheGivenReason() {
        String taskArn = jobs.start("web", "app", List.of("sleep", "3600"));
        jobs.cancel(taskArn, "cancelled by operator");

        BatchJob.Outcome outcome = jobs.await(taskArn);

        assertThat(outcome.stopCode()).isEqualTo("UserInitiated");
        assertThat(outcome.stoppedReason()).isEqualTo("cancelled by operator");
        assertThat(outcome.exitCode()).isZero();
        assertThat(jobs.running()).isEmpty();
    }
}
