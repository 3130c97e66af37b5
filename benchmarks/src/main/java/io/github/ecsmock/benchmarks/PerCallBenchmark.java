package io.github.ecsmock.benchmarks;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.Transport;
import io.github.ecsmock.internal.server.LoopbackHttpClient;
import io.javalin.Javalin;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The time of one call through the SDK's {@code EcsClient}, against the mock over HTTP and in memory,
 * and against the floors beneath each: a bare Javalin handler answering the same bytes over the same
 * HTTP client, and an in-memory HTTP client answering them with no HTTP at all.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PerCallBenchmark {

    /** Who answers the client. */
    public enum Target { MOCK_HTTP, HTTP_FLOOR, MOCK_IN_MEMORY, SDK_FLOOR }

    @Param
    public Target target;

    @Param
    public Operation operation;

    private EcsMock mock;
    private Javalin floor;
    private EcsClient client;
    private List<String> tasks;

    @Setup(Level.Trial)
    public void start() {
        switch (target) {
            case MOCK_HTTP, MOCK_IN_MEMORY -> {
                mock = Workload.newMock();
                mock.start();
                client = mock.newClient(target == Target.MOCK_HTTP ? Transport.HTTP : Transport.IN_MEMORY);
                tasks = Workload.seed(client);
            }
            case HTTP_FLOOR -> {
                floor = Floors.httpFloor(Workload.cannedAnswers());
                client = client(URI.create("http://127.0.0.1:" + floor.port())).httpClientBuilder(LoopbackHttpClient.builder()).build();
                tasks = List.of("ignored");
            }
            case SDK_FLOOR -> {
                client = client(URI.create("http://127.0.0.1:9")).httpClient(Floors.sdkFloor(Workload.cannedAnswers())).build();
                tasks = List.of("ignored");
            }
        }
    }

    private static software.amazon.awssdk.services.ecs.EcsClientBuilder client(URI endpoint) {
        return EcsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
    }

    /** Operations that add to the state start each iteration from the seeded state again. */
    @Setup(Level.Iteration)
    public void bound() {
        if (mock != null && operation.grows()) {
            mock.reset();
            tasks = Workload.seed(client);
        }
    }

    @Benchmark
    public Object call() {
        return operation.call(client, tasks);
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        if (mock != null) {
            mock.close();
        }
        if (floor != null) {
            floor.stop();
        }
    }
}
