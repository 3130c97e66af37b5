package io.github.ecsmock.examples;

import static io.github.ecsmock.junit5.assertj.EcsMockAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.junit5.EcsMockTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PlacementStrategyType;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/**
 * An EC2 cluster's maintenance, on the stepped lifecycle so the move is seen as it happens: three
 * instances, a service spread across them, one instance retired. The waiter is the mock's, so the
 * tool's waits move the mock's clock rather than sleeping.
 */
@EcsMockTest(stepped = true)
class InstanceRetirementTest {
    private List<String> instances;

    @BeforeEach
    void threeInstancesAndASpreadService(EcsClient ecs, EcsWaiter waiter) {
        ecs.createCluster(r -> r.clusterName("prod"));
        instances = List.of("us-east-1a", "us-east-1b", "us-east-1c").stream()
                .map(zone -> ecs.registerContainerInstance(r -> r.cluster("prod").instanceIdentityDocument(
                        "{\"instanceId\":\"i-0" + zone.charAt(zone.length() - 1) + "1234567890abcdef\",\"availabilityZone\":\""
                                + zone + "\",\"instanceType\":\"m5.large\"}")).containerInstance().containerInstanceArn())
                .toList();
        ecs.registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(c -> c.name("nginx").image("nginx:1.27").cpu(256).memory(256)
                        .portMappings(p -> p.containerPort(80).hostPort(0))));
        ecs.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(3)
                .launchType(LaunchType.EC2)
                .placementStrategy(s -> s.type(PlacementStrategyType.SPREAD).field("instanceId")));
        waiter.waitUntilServicesStable(r -> r.cluster("prod").services("web"));
    }

    private static Map<String, Long> perInstance(EcsMock mock) {
        return mock.view().tasks("prod").stream().filter(task -> task.desiredStatus().equals("RUNNING"))
                .collect(Collectors.groupingBy(Task::containerInstanceArn, Collectors.counting()));
    }

    @Test
    void theServiceStartsSpreadOneTaskPerInstance(EcsMock mock) {
        assertThat(perInstance(mock)).containsOnlyKeys(instances).values().containsOnly(1L);
        assertThat(mock).cluster("prod").hasService("web").withRunningCount(3).isStable();
    }

    @Test
    void retiringAnInstanceMovesItsTaskThenDeregistersIt(EcsClient ecs, EcsWaiter waiter, EcsMock mock) {
        String retired = instances.get(0);

        ContainerInstance answer = new InstanceRetirement(ecs, waiter).retire("prod", retired);

        assertThat(answer.status()).isEqualTo("INACTIVE");
        assertThat(perInstance(mock)).doesNotContainKey(retired).values().containsExactlyInAnyOrder(1L, 2L);
        assertThat(mock).cluster("prod").hasService("web").withRunningCount(3).isStable()
                .hasEventContaining("has stopped 1 running tasks");
        assertThat(ecs.listContainerInstances(r -> r.cluster("prod")).containerInstanceArns())
                .containsExactlyElementsOf(instances.subList(1, 3));
        assertThat(ecs.describeClusters(r -> r.clusters("prod")).clusters().get(0).registeredContainerInstancesCount()).isEqualTo(2);
        // The replacement was RUNNING before the drained task was told to stop: capacity never dipped.
        Task drained = mock.view().tasks("prod").stream().filter(t -> t.containerInstanceArn().equals(retired))
                .findFirst().orElseThrow();
        Task replacement = mock.view().tasks("prod").stream().filter(t -> t.desiredStatus().equals("RUNNING"))
                .max(java.util.Comparator.comparing(Task::createdAt)).orElseThrow();
        assertThat(drained.lastStatus()).isEqualTo("STOPPED");
        assertThat(drained.stopCodeAsString()).isEqualTo("ServiceSchedulerInitiated");
        assertThat(replacement.createdAt()).isAfter(drained.createdAt());
        assertThat(replacement.startedAt()).isBeforeOrEqualTo(drained.stoppingAt());
        assertThat(mock).received("UpdateContainerInstancesState").times(1);
        assertThat(mock).received("DeregisterContainerInstance").times(1);
    }

    @Test
    void anInstanceRunningATaskOfNoServiceIsLeftAlone(EcsClient ecs, EcsWaiter waiter, EcsMock mock) {
        String busy = instances.get(1);
        ecs.startTask(r -> r.cluster("prod").taskDefinition("web").containerInstances(busy).startedBy("ad-hoc"));

        assertThatThrownBy(() -> new InstanceRetirement(ecs, waiter).retire("prod", busy))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runs 1 task(s) of no service");

        assertThat(ecs.describeContainerInstances(r -> r.cluster("prod").containerInstances(busy))
                .containerInstances().get(0).status()).isEqualTo("ACTIVE");
        assertThat(mock).received("UpdateContainerInstancesState").never();
    }
}
