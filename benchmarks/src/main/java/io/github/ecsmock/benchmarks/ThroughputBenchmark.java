package io.github.ecsmock.benchmarks;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.Transport;
import io.github.ecsmock.internal.server.LoopbackHttpClient;
import io.javalin.Javalin;
import java.net.URI;
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
 * Calls a second over HTTP from several client threads sharing one client, as parallel tests do: to the
 * mock, or to the HTTP floor answering the mock's bytes through the same HTTP client, so that the report
 * can tell what of a rate is the mock's and what the SDK's, the HTTP client's and the server's on a
 * machine with few cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ThroughputBenchmark {
    /** The mock, or its HTTP floor. */
    @Param({"mock", "floor"})
    public String target;

    private EcsMock mock;
    private Javalin floor;
    private EcsClient client;

    @Setup(Level.Trial)
    public void start() {
        if (target.equals("floor")) {
            floor = Floors.httpFloor(Workload.cannedAnswers());
            client = EcsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + floor.port())).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .httpClientBuilder(LoopbackHttpClient.builder()).build();
        } else {
            mock = Workload.newMock().start();
            client = mock.newClient(Transport.HTTP);
            Workload.seed(client);
        }
    }

    @Benchmark
    public Object describeClusters() {
        return client.describeClusters(r -> r.clusters(Workload.CLUSTER));
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
