package io.github.ecsmock.benchmarks;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.Transport;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The mock's calls a second over HTTP from several client threads sharing one client, as parallel tests
 * do, in a fork of its own; {@link ThroughputComparison} holds the rate against the HTTP floor's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ThroughputBenchmark {
    private EcsMock mock;
    private EcsClient client;

    @Setup(Level.Trial)
    public void start() {
        mock = Workload.newMock().start();
        client = mock.newClient(Transport.HTTP);
        Workload.seed(client);
    }

    @Benchmark
    public Object describeClusters() {
        return client.describeClusters(r -> r.clusters(Workload.CLUSTER));
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        mock.close();
    }
}
