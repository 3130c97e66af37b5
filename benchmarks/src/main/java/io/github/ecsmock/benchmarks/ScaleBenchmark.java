package io.github.ecsmock.benchmarks;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.Transport;
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
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;

/**
 * How the cost of a listing or a describe grows with the tasks in a cluster, measured in memory so
 * that the mock's own work is what is seen.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScaleBenchmark {

    /** What is asked of a large cluster. */
    public enum Query { LIST_TASKS_FIRST_PAGE, LIST_TASKS_LAST_PAGE, DESCRIBE_TASKS_100 }

    @Param({"1000", "10000", "100000"})
    public int tasks;

    @Param
    public Query query;

    private EcsMock mock;
    private EcsClient client;
    private String lastPageToken;
    private List<String> newest;

    @Setup(Level.Trial)
    public void start() {
        mock = Workload.newMock();
        client = mock.newClient(Transport.IN_MEMORY);
        Workload.createClusterAndDefinition(client);
        List<String> arns = Workload.runTasks(client, tasks);
        newest = arns.subList(arns.size() - 100, arns.size());
        String token = null;
        String previous = null;
        do {
            String from = token;
            ListTasksResponse page = client.listTasks(r -> r.cluster(Workload.CLUSTER).nextToken(from));
            previous = from;
            token = page.nextToken();
        } while (token != null);
        lastPageToken = previous;
    }

    @Benchmark
    public Object call() {
        return switch (query) {
            case LIST_TASKS_FIRST_PAGE -> client.listTasks(r -> r.cluster(Workload.CLUSTER));
            case LIST_TASKS_LAST_PAGE -> client.listTasks(r -> r.cluster(Workload.CLUSTER).nextToken(lastPageToken));
            case DESCRIBE_TASKS_100 -> client.describeTasks(r -> r.cluster(Workload.CLUSTER).tasks(newest));
        };
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        mock.close();
    }
}
