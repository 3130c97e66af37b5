package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.ecs.model.DaemonDeployment;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/**
 * Daemon deployments under the stepped lifecycle: a deployment is IN_PROGRESS while its tasks start,
 * SUCCESSFUL once they run, and STOPPED when a newer deployment takes over before it finished; old
 * tasks are replaced instance by instance as they stop.
 */
class DaemonDeploymentsSteppedTest extends EcsApiTest {
    private static final Duration STEP = Duration.ofSeconds(5);
    private static final String PREFIX = "arn:aws:ecs:us-east-1:123456789012:";
    private static final String PROVIDER = PREFIX + "capacity-provider/my-capacity-provider";
    private static final String DAEMON_ARN = PREFIX + "daemon/prod/my-monitoring-daemon";

    private EcsWaiter clockWaiter;

    @Override
    protected EcsMock.Builder configure(EcsMock.Builder builder) {
        return builder.lifecycle(Lifecycle.stepped(STEP));
    }

    @BeforeEach
    void clusterInstanceAndDefinitions() {
        ecs.createCluster(r -> r.clusterName("prod"));
        ecs.registerContainerInstance(r -> r.cluster("prod").instanceIdentityDocument("{\"instanceId\":\"i-0000000000000000a\"}"));
        for (String image : List.of("agent:1", "agent:2")) {
            ecs.registerDaemonTaskDefinition(r -> r.family("monitoring-agent")
                    .containerDefinitions(c -> c.name("cloudwatch-agent").image(image).cpu(256).memory(512)));
        }
        clockWaiter = mock.waiter(ecs);
    }

    @AfterEach
    void closeWaiter() {
        clockWaiter.close();
    }

    private String create() {
        return ecs.createDaemon(r -> r.clusterArn("prod").daemonName("my-monitoring-daemon")
                .daemonTaskDefinitionArn("monitoring-agent:1").capacityProviderArns(PROVIDER)).deploymentArn();
    }

    private String update() {
        return ecs.updateDaemon(r -> r.daemonArn(DAEMON_ARN).daemonTaskDefinitionArn("monitoring-agent:2")
                .capacityProviderArns(PROVIDER)).deploymentArn();
    }

    private DaemonDeployment deployment(String arn) {
        return ecs.describeDaemonDeployments(r -> r.daemonDeploymentArns(arn)).daemonDeployments().get(0);
    }

    private List<Task> tasks() {
        List<String> arns = new ArrayList<>(ecs.listTasks(r -> r.cluster("prod")).taskArns());
        arns.addAll(ecs.listTasks(r -> r.cluster("prod").desiredStatus("STOPPED")).taskArns());
        return arns.isEmpty() ? List.of() : ecs.describeTasks(r -> r.cluster("prod").tasks(arns)).tasks();
    }

    @Test
    void aDeploymentIsInProgressWhileItsTaskStartsAndSuccessfulOnceItRuns() {
        String arn = create();

        assertThat(deployment(arn).statusAsString()).isEqualTo("IN_PROGRESS");
        assertThat(deployment(arn).finishedAt()).isNull();
        assertThat(deployment(arn).circuitBreaker().statusAsString()).isEqualTo("MONITORING");

        WaiterResponse<DescribeDaemonDeploymentsResponse> waited =
                clockWaiter.waitUntilDaemonDeploymentSuccessful(r -> r.daemonDeploymentArns(arn));

        assertThat(waited.matched().response()).hasValueSatisfying(response ->
                assertThat(response.daemonDeployments().get(0).targetDaemonRevision().totalRunningInstanceCount()).isEqualTo(1));
        assertThat(tasks()).singleElement().satisfies(task -> assertThat(task.lastStatus()).isEqualTo("RUNNING"));
    }

    @Test
    void aDeploymentOvertakenBeforeItFinishedIsStopped() {
        String first = create();

        String second = update();

        WaiterResponse<DescribeDaemonDeploymentsResponse> stopped =
                ecs.waiter().waitUntilDaemonDeploymentStopped(r -> r.daemonDeploymentArns(first));
        assertThat(stopped.attemptsExecuted()).isEqualTo(1);
        DaemonDeployment overtaken = deployment(first);
        assertThat(overtaken.stoppedAt()).isEqualTo(mock.clock().now());
        assertThat(overtaken.statusReason()).isEqualTo("Stopped because a newer deployment of the daemon started.");
        assertThat(deployment(second).statusAsString()).isEqualTo("IN_PROGRESS");

        clockWaiter.waitUntilDaemonDeploymentSuccessful(r -> r.daemonDeploymentArns(second));

        List<Task> tasks = tasks();
        assertThat(tasks).filteredOn(task -> task.lastStatus().equals("RUNNING")).singleElement()
                .satisfies(task -> assertThat(task.taskDefinitionArn()).endsWith("monitoring-agent:2"));
        assertThat(tasks).filteredOn(task -> task.lastStatus().equals("STOPPED")).singleElement()
                .satisfies(task -> assertThat(task.taskDefinitionArn()).endsWith("monitoring-agent:1"));
    }

    @Test
    void theNewTaskStartsOnlyOnceTheOldOneOnItsInstanceHasStopped() {
        String first = create();
        clockWaiter.waitUntilDaemonDeploymentSuccessful(r -> r.daemonDeploymentArns(first));

        update();

        assertThat(tasks()).singleElement().satisfies(task -> {
            assertThat(task.taskDefinitionArn()).endsWith("monitoring-agent:1");
            assertThat(task.desiredStatus()).isEqualTo("STOPPED");
            assertThat(task.lastStatus()).isNotEqualTo("STOPPED");
        });
        for (int i = 0; i < 10 && tasks().size() < 2; i++) {
            mock.clock().advance(STEP);
        }
        assertThat(tasks()).hasSize(2).anySatisfy(task -> {
            assertThat(task.taskDefinitionArn()).endsWith("monitoring-agent:1");
            assertThat(task.lastStatus()).isEqualTo("STOPPED");
        });
    }
}
