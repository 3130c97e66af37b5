package io.github.ecsmock.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ecsmock.EcsMock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/** An injected EcsWaiter waits on the mock's clock: under the stepped lifecycle it polls until RUNNING without sleeping. */
@EcsMockTest(stepped = true)
class WaiterInjectionTest {

    /** A cluster "dev", a Fargate definition and one task of it, through {@code ecs}; returns the task's ARN. */
    private static String startTask(EcsClient ecs) {
        ecs.createCluster(r -> r.clusterName("dev"));
        ecs.registerTaskDefinition(r -> r.family("app").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("app:1")));
        return ecs.runTask(r -> r.cluster("dev").taskDefinition("app").launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-1")))).tasks().get(0).taskArn();
    }

    @Test
    void waitingForRunningMovesTheMockClockNotTheWallClock(EcsClient ecs, EcsWaiter waiter, EcsMock mock) {
        String task = startTask(ecs);
        Instant before = mock.clock().now();

        WaiterResponse<DescribeTasksResponse> waited = waiter.waitUntilTasksRunning(r -> r.cluster("dev").tasks(task));

        assertThat(waited.matched().response().orElseThrow().tasks().get(0).lastStatus()).isEqualTo("RUNNING");
        assertThat(waited.attemptsExecuted()).isEqualTo(4);
        assertThat(Duration.between(before, mock.clock().now())).isEqualTo(Duration.ofSeconds(18));
    }

    @Test
    void aWaiterIsSharedByRegionAndWaitsThroughThatRegionsClient(
            @EcsRegion("eu-west-1") EcsWaiter ireland, @EcsRegion("eu-west-1") EcsWaiter irelandAgain, EcsWaiter home,
            @EcsRegion("eu-west-1") EcsClient irelandClient) {
        assertThat(ireland).isSameAs(irelandAgain).isNotSameAs(home);
        String task = startTask(irelandClient);

        // Through the home region's client this task would be MISSING, a failure of the wait.
        assertThat(ireland.waitUntilTasksRunning(r -> r.cluster("dev").tasks(task)).matched().response().orElseThrow()
                .tasks().get(0).lastStatus()).isEqualTo("RUNNING");
    }
}
