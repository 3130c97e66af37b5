package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Many client threads create, run, stop, update, delete and list against one mock at once, with
 * names that collide on purpose. Afterwards no call may have failed with anything but a modelled ECS
 * error, and the state must be whole: counters equal what is listed, every task in an existing
 * cluster, no service with two PRIMARY deployments.
 */
class StressTest {
    private static final int THREADS = 12;
    private static final int OPERATIONS_PER_THREAD = 150;
    private static final Set<String> EXPECTED_ERRORS = Set.of("InvalidParameterException", "ClientException",
            "ClusterNotFoundException", "ServiceNotFoundException", "ServiceNotActiveException",
            "ClusterContainsServicesException", "ClusterContainsTasksException", "ResourceNotFoundException");
    private static final List<String> CLUSTERS = List.of("blue", "green");
    private static final List<String> SERVICES = List.of("web", "api", "worker");

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void concurrentClientsLeaveAWholeState() throws Exception {
        try (EcsMock mock = EcsMock.builder().seed(42).build().start(); EcsClient ecs = mock.newClient()) {
            CLUSTERS.forEach(name -> ecs.createCluster(r -> r.clusterName(name)));
            register(ecs, "app");

            Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
            List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> running = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                long seed = thread;
                running.add(pool.submit(() -> work(ecs, new SplittableRandom(seed), outcomes, unexpected)));
            }
            for (Future<?> future : running) {
                future.get();
            }
            pool.shutdown();
            System.out.println("stress: " + THREADS + " threads x " + OPERATIONS_PER_THREAD + " operations, outcomes "
                    + new java.util.TreeMap<>(outcomes));

            assertThat(unexpected).isEmpty();
            assertThat(mock.invariantViolations()).isEmpty();
            List<Cluster> clusters = ecs.describeClusters(r -> r.clusters(CLUSTERS)).clusters();
            assertThat(clusters).hasSameSizeAs(CLUSTERS);
            for (Cluster cluster : clusters) {
                checkCluster(ecs, cluster);
            }
        }
    }

    private static void register(EcsClient ecs, String image) {
        ecs.registerTaskDefinition(r -> r.family("app").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image(image)));
    }

    private static void work(EcsClient ecs, SplittableRandom random, Map<String, AtomicInteger> outcomes, List<String> unexpected) {
        for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
            String cluster = CLUSTERS.get(random.nextInt(CLUSTERS.size()));
            String service = SERVICES.get(random.nextInt(SERVICES.size()));
            int choice = random.nextInt(12);
            String name = "unknown";
            try {
                switch (choice) {
                    case 0 -> {
                        name = "CreateService";
                        ecs.createService(r -> r.cluster(cluster).serviceName(service).taskDefinition("app")
                                .desiredCount(random.nextInt(4)).launchType(LaunchType.FARGATE)
                                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-1"))));
                    }
                    case 1 -> {
                        name = "UpdateService";
                        int desired = random.nextInt(5);
                        boolean redeploy = random.nextBoolean();
                        ecs.updateService(r -> r.cluster(cluster).service(service).desiredCount(desired).forceNewDeployment(redeploy));
                    }
                    case 2 -> {
                        name = "DeleteService";
                        ecs.deleteService(r -> r.cluster(cluster).service(service).force(true));
                    }
                    case 3, 4 -> {
                        name = "RunTask";
                        int count = 1 + random.nextInt(3);
                        ecs.runTask(r -> r.cluster(cluster).taskDefinition("app").count(count).launchType(LaunchType.FARGATE)
                                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-1"))));
                    }
                    case 5, 6 -> {
                        name = "StopTask";
                        List<String> tasks = ecs.listTasks(r -> r.cluster(cluster).maxResults(20)).taskArns();
                        if (!tasks.isEmpty()) {
                            String task = tasks.get(random.nextInt(tasks.size()));
                            ecs.stopTask(r -> r.cluster(cluster).task(task));
                        }
                    }
                    case 7 -> {
                        name = "ListTasks";
                        ecs.listTasksPaginator(r -> r.cluster(cluster).maxResults(40)).taskArns().stream().count();
                    }
                    case 8 -> {
                        name = "DescribeServices";
                        ecs.describeServices(r -> r.cluster(cluster).services(SERVICES));
                    }
                    case 9 -> {
                        name = "RegisterTaskDefinition";
                        register(ecs, "app:" + random.nextInt(100));
                    }
                    case 10 -> {
                        name = "ListServices";
                        ecs.listServicesPaginator(r -> r.cluster(cluster).maxResults(2)).serviceArns().stream().count();
                    }
                    default -> {
                        name = "DescribeClusters";
                        ecs.describeClusters(r -> r.clusters(CLUSTERS));
                    }
                }
                outcomes.computeIfAbsent(name + " ok", k -> new AtomicInteger()).incrementAndGet();
            } catch (EcsException e) {
                String code = e.awsErrorDetails().errorCode();
                outcomes.computeIfAbsent(name + " " + code, k -> new AtomicInteger()).incrementAndGet();
                if (!EXPECTED_ERRORS.contains(code) || e.statusCode() != 400) {
                    unexpected.add(name + ": " + e.statusCode() + " " + code + " " + e.getMessage());
                }
            } catch (RuntimeException e) {
                unexpected.add(name + ": " + e);
            }
        }
    }

    /** A cluster's counters against what its listings show, and its services' deployments. */
    private static void checkCluster(EcsClient ecs, Cluster cluster) {
        List<String> runningArns = ecs.listTasksPaginator(r -> r.cluster(cluster.clusterName())).taskArns().stream().toList();
        List<Task> running = new ArrayList<>();
        for (int from = 0; from < runningArns.size(); from += 100) {
            List<String> batch = runningArns.subList(from, Math.min(from + 100, runningArns.size()));
            running.addAll(ecs.describeTasks(r -> r.cluster(cluster.clusterName()).tasks(batch)).tasks());
        }
        assertThat(running).allSatisfy(task -> {
            assertThat(task.clusterArn()).isEqualTo(cluster.clusterArn());
            assertThat(task.lastStatus()).isEqualTo("RUNNING");
        });
        assertThat(cluster.runningTasksCount()).as("runningTasksCount of " + cluster.clusterName()).isEqualTo(running.size());
        assertThat(cluster.pendingTasksCount()).isZero();
        List<String> stopped = ecs.listTasksPaginator(r -> r.cluster(cluster.clusterName()).desiredStatus(DesiredStatus.STOPPED))
                .taskArns().stream().toList();
        assertThat(Collections.disjoint(stopped, runningArns)).isTrue();

        List<Service> services = ecs.describeServices(r -> r.cluster(cluster.clusterName()).services(SERVICES)).services();
        long active = services.stream().filter(s -> s.status().equals("ACTIVE")).count();
        assertThat(cluster.activeServicesCount()).isEqualTo(active);
        for (Service service : services) {
            assertThat(service.deployments().stream().filter(d -> d.status().equals("PRIMARY")).count())
                    .as(service.serviceName() + " PRIMARY deployments").isLessThanOrEqualTo(1);
            if (service.status().equals("ACTIVE")) {
                assertThat(service.deployments()).hasSize(1);
                assertThat(service.runningCount()).isEqualTo(service.desiredCount());
                Map<String, Long> byGroup = running.stream().collect(Collectors.groupingBy(Task::group, Collectors.counting()));
                assertThat(byGroup.getOrDefault("service:" + service.serviceName(), 0L)).isEqualTo((long) service.runningCount());
            }
        }
    }
}
