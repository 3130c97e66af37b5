package io.github.ecsmock.junit5;

import static io.github.ecsmock.junit5.assertj.EcsMockAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ecsmock.EcsMock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

/** The AssertJ assertions pass on what is there and fail showing what was there instead. */
@EcsMockTest
class EcsMockAssertionsTest {

    @BeforeEach
    void workersRunning(EcsClient ecs) {
        ecs.createCluster(r -> r.clusterName("dev"));
        for (String image : List.of("worker:1", "worker:2", "worker:3")) {
            ecs.registerTaskDefinition(r -> r.family("worker").networkMode(NetworkMode.AWSVPC)
                    .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("worker").image(image)));
        }
        ecs.createService(r -> r.cluster("dev").serviceName("workers").taskDefinition("worker:3").desiredCount(2)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-1"))));
        for (int i = 0; i < 2; i++) {
            ecs.runTask(r -> r.cluster("dev").taskDefinition("worker:3").launchType(LaunchType.FARGATE).startedBy("batch")
                    .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-1"))));
        }
    }

    @Test
    void countsOfReceivedOperations(EcsMock mock) {
        assertThat(mock).received("RunTask").times(2);
        assertThat(mock).received("RegisterTaskDefinition").atLeast(3).atMost(3);
        assertThat(mock).received("CreateService").once();
        assertThat(mock).didNotReceive("DeleteService");

        assertThatThrownBy(() -> assertThat(mock).received("RunTask").times(3))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected RunTask to have been received exactly 3 times, but it was received 2 times.")
                .hasMessageContaining("Requests received, oldest first:")
                .hasMessageContaining("CreateService -> 200");
    }

    @Test
    void aMisspeltOperationIsRefusedRatherThanNeverReceived(EcsMock mock) {
        assertThatThrownBy(() -> assertThat(mock).didNotReceive("runTask"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("No ECS operation is called runTask (did you mean RunTask?);");
        assertThatThrownBy(() -> assertThat(mock).received("RunTasks").never())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("No ECS operation is called RunTasks;");
    }

    @Test
    void receivedRequestsNarrowedDownCondition(EcsMock mock) {
        assertThat(mock).receivedRunTask().withTaskDefinition("worker:3").withLaunchType(LaunchType.FARGATE)
                .withStartedBy("batch").inCluster("dev").times(2);

        assertThatThrownBy(() -> assertThat(mock).receivedRunTask().withTaskDefinition("worker:3").withLaunchType(LaunchType.EC2))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected a RunTask request with launchType EC2, but none of the 2 that are "
                        + "with taskDefinition worker:3 matches:")
                .hasMessageContaining("LaunchType=FARGATE");
        assertThatThrownBy(() -> assertThat(mock).receivedUpdateService())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected a UpdateService request, but none was received.");
    }

    @Test
    void clustersAndServicesAsTheMockHoldsThem(EcsMock mock, EcsClient ecs) {
        assertThat(mock).cluster("dev").isActive().hasRunningTasks(4).hasActiveServices(1);
        assertThat(mock).cluster("dev").hasService("workers").withDesiredCount(2).withRunningCount(2)
                .withTaskDefinition("worker:3").withRolloutState("COMPLETED").isStable();

        ecs.updateService(r -> r.cluster("dev").service("workers").desiredCount(3));
        assertThatThrownBy(() -> assertThat(mock).cluster("dev").hasService("workers").withDesiredCount(2))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected service workers of cluster dev to have a desired count of 2, but it has a "
                        + "desired count of 3.")
                .hasMessageContaining("has reached a steady state.");
        assertThatThrownBy(() -> assertThat(mock).cluster("dev").hasRunningTasks(4))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected cluster dev to have 4 running tasks, but it has 5. Its tasks:")
                .hasMessageContaining("RUNNING (desired RUNNING, service:workers)");
        assertThatThrownBy(() -> assertThat(mock).cluster("prod"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected a cluster prod, but the mock has none of that name. Clusters: [dev (ACTIVE)]");
        assertThatThrownBy(() -> assertThat(mock).cluster("dev").hasService("api"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected cluster dev to have a service api, but it has none of that name. Services: [workers (ACTIVE)]");
    }

    @Test
    void containerInstancesAndWhatRunsOnThem(EcsMock mock, EcsClient ecs) {
        String arn = ecs.registerContainerInstance(r -> r.cluster("dev")).containerInstance().containerInstanceArn();
        ecs.registerTaskDefinition(r -> r.family("ec2-worker").containerDefinitions(c -> c.name("w").image("w").memory(128)));
        ecs.runTask(r -> r.cluster("dev").taskDefinition("ec2-worker").count(2).launchType(LaunchType.EC2));

        assertThat(mock).cluster("dev").hasRegisteredContainerInstances(1).hasTasksOnContainerInstance(arn, 2);
        assertThat(mock.view().containerInstances("dev")).extracting(i -> i.runningTasksCount()).containsExactly(2);

        assertThatThrownBy(() -> assertThat(mock).cluster("dev").hasRegisteredContainerInstances(2))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected cluster dev to have 2 registered container instances, but it has 1:")
                .hasMessageContaining(arn + " ACTIVE, 2 running");
        String id = arn.substring(arn.lastIndexOf('/') + 1);
        assertThatThrownBy(() -> assertThat(mock).cluster("dev").hasTasksOnContainerInstance(id, 3))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected container instance " + id + " to run 3 tasks, but it runs 2.");
    }
}
