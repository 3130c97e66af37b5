package io.github.ecsmock.benchmarks;

import io.github.ecsmock.EcsMock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

/**
 * The state the benchmarks run against: a cluster with a Fargate task definition and, for the
 * per-call measurements, 100 RUNNING tasks. Also records what the mock answers each operation, byte
 * for byte, so that the floors can answer the same.
 */
public final class Workload {
    public static final String CLUSTER = "bench";
    public static final String FAMILY = "app";
    public static final String SUBNET = "subnet-0a1b2c3d4e5f60718";

    private Workload() {
    }

    /** The mock for a benchmark: seeded, so its identifiers repeat from run to run. */
    public static EcsMock newMock() {
        return EcsMock.builder().seed(1).build();
    }

    /** Creates the cluster and the task definition; returns nothing else. */
    public static void createClusterAndDefinition(EcsClient ecs) {
        ecs.createCluster(r -> r.clusterName(CLUSTER));
        ecs.registerTaskDefinition(r -> r.family(FAMILY).networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("registry.example.com/app:1.0")));
    }

    /** Runs {@code count} more tasks, ten a call; returns their ARNs. */
    public static List<String> runTasks(EcsClient ecs, int count) {
        List<String> arns = new ArrayList<>(count);
        for (int started = 0; started < count; started += 10) {
            int batch = Math.min(10, count - started);
            ecs.runTask(r -> r.cluster(CLUSTER).taskDefinition(FAMILY).count(batch).launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(SUBNET))))
                    .tasks().forEach(task -> arns.add(task.taskArn()));
        }
        return arns;
    }

    /** The per-call state: the cluster, the definition and 100 tasks; returns the tasks' ARNs. */
    public static List<String> seed(EcsClient ecs) {
        createClusterAndDefinition(ecs);
        return runTasks(ecs, 100);
    }

    /** What a freshly seeded mock answers each operation, as the HTTP body it sends, by operation name. */
    public static Map<String, byte[]> cannedAnswers() {
        Map<String, byte[]> answers = new HashMap<>();
        try (EcsMock mock = newMock()) {
            byte[][] last = new byte[1][];
            SdkHttpClient memory = mock.inMemoryHttpClient();
            SdkHttpClient recording = new SdkHttpClient() {
                @Override
                public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                    ExecutableHttpRequest call = memory.prepareRequest(request);
                    return new ExecutableHttpRequest() {
                        @Override
                        public HttpExecuteResponse call() throws java.io.IOException {
                            HttpExecuteResponse response = call.call();
                            last[0] = response.responseBody().orElseThrow().readAllBytes();
                            return HttpExecuteResponse.builder().response(response.httpResponse())
                                    .responseBody(software.amazon.awssdk.http.AbortableInputStream.create(
                                            new java.io.ByteArrayInputStream(last[0]))).build();
                        }

                        @Override
                        public void abort() {
                            call.abort();
                        }
                    };
                }

                @Override
                public void close() {
                }
            };
            try (EcsClient ecs = Floors.client(Floors.NO_SERVER).httpClient(recording).build()) {
                List<String> tasks = seed(ecs);
                for (Operation operation : Operation.values()) {
                    operation.call(ecs, tasks);
                    answers.put(operation.wireName(), last[0]);
                }
            }
        }
        return answers;
    }
}
