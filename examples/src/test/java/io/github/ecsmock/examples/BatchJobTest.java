package io.github.ecsmock.examples;

import static io.github.ecsmock.junit5.assertj.EcsMockAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.junit5.EcsMockTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/**
 * A batch runner's tests: the job's container exits 137 on cue, capacity runs short, and under the
 * stepped lifecycle the waiter walks the job through its statuses without sleeping.
 */
class BatchJobTest {

    static BatchJob jobs(EcsClient ecs, EcsWaiter waiter) {
        ecs.createCluster(r -> r.clusterName("batch"));
        new ImageRelease(ecs).bootstrap(ImageReleaseTest.webTemplate());
        return new BatchJob(ecs, waiter, "batch", List.of("subnet-0a1b2c3d4e5f60718"));
    }

    @Nested
    @EcsMockTest
    class UnderTheImmediateLifecycle {
        private BatchJob jobs;

        @BeforeEach
        void clusterAndDefinition(EcsClient ecs, EcsWaiter waiter) {
            jobs = jobs(ecs, waiter);
        }

        @Test
        void startsTheCommandInTheNamedContainer(EcsMock mock) {
            String taskArn = jobs.start("web", "app", List.of("rake", "db:migrate"));

            assertThat(mock).receivedRunTask().withTaskDefinition("web").withCommand("app", List.of("rake", "db:migrate"))
                    .withStartedBy("batch-job").once();
            assertThat(mock).cluster("batch").hasRunningTasks(1);
            assertThat(jobs.running()).containsExactly(taskArn);
        }

        @Test
        void aJobKilledForMemoryReportsExitCode137(EcsMock mock) {
            String taskArn = jobs.start("web", "app", List.of("rake", "reports:build"));
            mock.exitEssentialContainer("batch", taskArn, 137, "OutOfMemoryError: Container killed due to memory usage");

            BatchJob.Outcome outcome = jobs.await(taskArn, "app");

            assertThat(outcome.stopCode()).isEqualTo("EssentialContainerExited");
            assertThat(outcome.stoppedReason()).isEqualTo("Essential container in task exited");
            assertThat(outcome.exitCode()).isEqualTo(137);
            assertThat(jobs.running()).isEmpty();
        }

        @Test
        void aCancelledJobEndsStoppedByTheUserWithTheGivenReason(EcsMock mock) {
            String taskArn = jobs.start("web", "app", List.of("sleep", "3600"));
            jobs.cancel(taskArn, "cancelled by operator");

            BatchJob.Outcome outcome = jobs.await(taskArn, "app");

            assertThat(outcome.stopCode()).isEqualTo("UserInitiated");
            assertThat(outcome.stoppedReason()).isEqualTo("cancelled by operator");
            assertThat(outcome.exitCode()).isZero();
            assertThat(mock).receivedStopTask().forTask(taskArn).withReason("cancelled by operator").once();
        }

        @Test
        void whenCapacityRunsShortTheJobReportsEcsReasons(EcsMock mock) {
            mock.failPlacement().withReason("RESOURCE:MEMORY");

            assertThatThrownBy(() -> jobs.start("web", "app", List.of("rake", "db:migrate")))
                    .isInstanceOf(BatchJob.JobNotStartedException.class)
                    .hasMessage("ECS did not start the job: RESOURCE:MEMORY");
            assertThat(mock).cluster("batch").hasRunningTasks(0);
            assertThat(jobs.start("web", "app", List.of("rake", "db:migrate"))).isNotEmpty();
        }
    }

    @Nested
    @EcsMockTest(stepped = true)
    class UnderTheSteppedLifecycle {

        @Test
        void theWaiterWalksTheJobToRunningAndToStoppedOnTheMockClock(EcsClient ecs, EcsWaiter waiter, EcsMock mock) {
            BatchJob jobs = jobs(ecs, waiter);
            String taskArn = jobs.start("web", "app", List.of("rake", "db:migrate"));
            Instant started = mock.clock().now();

            jobs.awaitRunning(taskArn);
            assertThat(Duration.between(started, mock.clock().now())).isEqualTo(Duration.ofSeconds(18));

            mock.exitEssentialContainer("batch", taskArn, 1, null);
            BatchJob.Outcome outcome = jobs.await(taskArn, "app");

            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(outcome.stopCode()).isEqualTo("EssentialContainerExited");
            assertThat(Duration.between(started, mock.clock().now())).isEqualTo(Duration.ofSeconds(42));
        }
    }
}
