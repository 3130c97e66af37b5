package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/**
 * Every waiter of the SDK's {@code EcsWaiter}, found by reflection, succeeds against the mock on its
 * first poll under the immediate lifecycle, after the calls a user would make before waiting. A new
 * waiter in the SDK fails here until it has a scenario.
 */
class EveryWaiterTest extends EcsApiTest {
    private EcsWaiter waiter;

    @BeforeEach
    void clusterAndDefinition() {
        ecs.createCluster(r -> r.clusterName("dev"));
        ecs.registerTaskDefinition(r -> r.family("worker").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("worker:1.0")));
        waiter = ecs.waiter();
    }

    /** The waiters' names as the SDK spells them after "waitUntil". */
    static Set<String> sdkWaiters() {
        Set<String> names = new TreeSet<>();
        for (Method method : EcsWaiter.class.getMethods()) {
            if (method.getName().startsWith("waitUntil") && method.getParameterCount() == 1
                    && SdkRequest.class.isAssignableFrom(method.getParameterTypes()[0])) {
                names.add(method.getName().substring("waitUntil".length()));
            }
        }
        return names;
    }

    /** For each waiter: set the scene, then wait. */
    private Map<String, Supplier<WaiterResponse<?>>> scenarios() {
        Map<String, Supplier<WaiterResponse<?>>> scenarios = new LinkedHashMap<>();
        scenarios.put("TasksRunning", () -> {
            String task = runTask();
            return waiter.waitUntilTasksRunning(r -> r.cluster("dev").tasks(task));
        });
        scenarios.put("TasksStopped", () -> {
            String task = runTask();
            ecs.stopTask(r -> r.cluster("dev").task(task));
            return waiter.waitUntilTasksStopped(r -> r.cluster("dev").tasks(task));
        });
        scenarios.put("ServicesStable", () -> {
            createService();
            return waiter.waitUntilServicesStable(r -> r.cluster("dev").services("workers"));
        });
        scenarios.put("ServicesInactive", () -> {
            createService();
            ecs.deleteService(r -> r.cluster("dev").service("workers").force(true));
            return waiter.waitUntilServicesInactive(r -> r.cluster("dev").services("workers"));
        });
        scenarios.put("DaemonTaskDefinitionActive", () -> {
            String definition = registerAgent("agent:1");
            return waiter.waitUntilDaemonTaskDefinitionActive(r -> r.daemonTaskDefinition(definition));
        });
        scenarios.put("DaemonTaskDefinitionDeleted", () -> {
            String definition = registerAgent("agent:1");
            ecs.deleteDaemonTaskDefinition(r -> r.daemonTaskDefinition(definition));
            return waiter.waitUntilDaemonTaskDefinitionDeleted(r -> r.daemonTaskDefinition(definition));
        });
        scenarios.put("DaemonActive", () -> {
            registerInstance();
            String daemon = createDaemon(registerAgent("agent:1")).daemonArn();
            return waiter.waitUntilDaemonActive(r -> r.daemonArn(daemon));
        });
        scenarios.put("DaemonDeploymentSuccessful", () -> {
            registerInstance();
            String deployment = createDaemon(registerAgent("agent:1")).deploymentArn();
            return waiter.waitUntilDaemonDeploymentSuccessful(r -> r.daemonDeploymentArns(deployment));
        });
        scenarios.put("DaemonDeploymentStopped", () -> {
            // A deployment stops when a newer one overtakes it before it finishes: its task cannot start.
            registerInstance();
            String first = registerAgent("agent:1");
            String second = registerAgent("agent:2");
            mock.failTasksOf("monitoring-agent:1", "CannotPullContainerError: pull image manifest has been retried 5 time(s)");
            var created = createDaemon(first);
            ecs.updateDaemon(r -> r.daemonArn(created.daemonArn()).daemonTaskDefinitionArn(second).capacityProviderArns(PROVIDER));
            return waiter.waitUntilDaemonDeploymentStopped(r -> r.daemonDeploymentArns(created.deploymentArn()));
        });
        return scenarios;
    }

    private static final String PROVIDER = "arn:aws:ecs:us-east-1:123456789012:capacity-provider/managed-instances";

    private String registerAgent(String image) {
        return ecs.registerDaemonTaskDefinition(r -> r.family("monitoring-agent").cpu("256").memory("512")
                .containerDefinitions(c -> c.name("cloudwatch-agent").image(image).cpu(256).memory(512)))
                .daemonTaskDefinitionArn();
    }

    private void registerInstance() {
        ecs.registerContainerInstance(r -> r.cluster("dev").instanceIdentityDocument(
                "{\"instanceId\":\"i-0000000000000000a\",\"availabilityZone\":\"us-east-1a\",\"instanceType\":\"m5.large\"}"));
    }

    private software.amazon.awssdk.services.ecs.model.CreateDaemonResponse createDaemon(String definition) {
        return ecs.createDaemon(r -> r.clusterArn("arn:aws:ecs:us-east-1:123456789012:cluster/dev").daemonName("monitoring")
                .daemonTaskDefinitionArn(definition).capacityProviderArns(PROVIDER));
    }

    private String runTask() {
        return ecs.runTask(r -> r.cluster("dev").taskDefinition("worker").launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0a1b2c3d4e5f60718"))))
                .tasks().get(0).taskArn();
    }

    private void createService() {
        ecs.createService(r -> r.cluster("dev").serviceName("workers").taskDefinition("worker").desiredCount(2)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0a1b2c3d4e5f60718"))));
    }

    @Test
    void everyWaiterOfTheSdkHasAScenario() {
        assertThat(scenarios().keySet()).containsExactlyInAnyOrderElementsOf(sdkWaiters());
    }

    @Test
    void everyWaiterSucceedsOnItsFirstPoll() {
        scenarios().forEach((name, scenario) -> {
            mock.reset();
            clusterAndDefinition();

            WaiterResponse<?> waited = scenario.get();

            assertThat(waited.matched().exception()).as(name).isEmpty();
            assertThat(waited.matched().response()).as(name).isPresent();
            assertThat(waited.attemptsExecuted()).as(name).isEqualTo(1);
        });
    }
}
