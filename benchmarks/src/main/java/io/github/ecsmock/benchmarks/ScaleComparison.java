package io.github.ecsmock.benchmarks;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.Transport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;

/**
 * How the cost of a listing or a describe grows with the tasks in a cluster, measured in memory so
 * that the mock's own work is what is seen. One JVM holds a mock of each size and asks them in turn,
 * a batch each, the order rotating from round to round; the growth is the median of the rounds'
 * ratios of the largest to the smallest. Separate JMH forks, minutes apart, let this machine's drift
 * decide the ratio: one run put the same query at 27 µs in one fork and 45 µs in the next.
 */
public final class ScaleComparison {

    /** What is asked of a large cluster. */
    public enum Query { LIST_TASKS_FIRST_PAGE, LIST_TASKS_LAST_PAGE, DESCRIBE_TASKS_100 }

    /** How long to warm up and to measure, in seconds, how many calls a batch makes, and the sizes. */
    public record Settings(double warmUpSeconds, double measureSeconds, int batch, List<Integer> sizes) {
        static final Settings FULL = new Settings(10, 10, 20, List.of(1_000, 10_000, 100_000));
        static final Settings SMOKE = new Settings(0, 0, 2, List.of(100, 1_000));
    }

    /** The median time of a call at each size, in microseconds, and the median of the rounds' growth. */
    public record Result(Map<Integer, Double> micros, double growth) {
        String line() {
            return micros.entrySet().stream()
                    .map(size -> String.format(Locale.ROOT, "%d:%.3f", size.getKey(), size.getValue()))
                    .collect(Collectors.joining(" ", "RESULT ", String.format(Locale.ROOT, " growth:%.5f", growth)));
        }

        static Result parse(String line) {
            Map<Integer, Double> micros = new LinkedHashMap<>();
            double growth = Double.NaN;
            for (String part : line.trim().split(" ")) {
                String[] pair = part.split(":");
                if (pair[0].equals("growth")) {
                    growth = Double.parseDouble(pair[1]);
                } else {
                    micros.put(Integer.parseInt(pair[0]), Double.parseDouble(pair[1]));
                }
            }
            return new Result(micros, growth);
        }
    }

    private ScaleComparison() {
    }

    /** Measures in a fresh JVM of the same class path (the full run). */
    public static Result inFreshJvm(Query query, Settings settings) throws IOException, InterruptedException {
        return Result.parse(FreshJvm.result(ScaleComparison.class, query.name(), String.valueOf(settings.warmUpSeconds()),
                String.valueOf(settings.measureSeconds()), String.valueOf(settings.batch()),
                settings.sizes().stream().map(String::valueOf).collect(Collectors.joining(","))));
    }

    /** The child JVM: {@code QUERY WARM_UP_SECONDS MEASURE_SECONDS BATCH SIZE,SIZE,...}. */
    public static void main(String[] args) {
        List<Integer> sizes = Arrays.stream(args[4].split(",")).map(Integer::valueOf).toList();
        Result result = measure(Query.valueOf(args[0]),
                new Settings(Double.parseDouble(args[1]), Double.parseDouble(args[2]), Integer.parseInt(args[3]), sizes));
        System.out.println(result.line());
    }

    /** Measures in this JVM. */
    public static Result measure(Query query, Settings settings) {
        List<Cluster> clusters = new ArrayList<>();
        try {
            for (int size : settings.sizes()) {
                clusters.add(new Cluster(query, size));
            }
            return run(clusters, settings);
        } finally {
            clusters.forEach(Cluster::close);
        }
    }

    private static Result run(List<Cluster> clusters, Settings settings) {
        int sizes = clusters.size();
        long warmUpEnd = System.nanoTime() + (long) (settings.warmUpSeconds() * 1e9);
        int round = 0;
        while (System.nanoTime() < warmUpEnd) {
            round(clusters, round++, new double[sizes][settings.batch()]);
        }
        List<double[][]> rounds = new ArrayList<>();
        long measureEnd = System.nanoTime() + (long) (settings.measureSeconds() * 1e9);
        do {
            double[][] times = new double[sizes][settings.batch()];
            round(clusters, round++, times);
            rounds.add(times);
        } while (System.nanoTime() < measureEnd || rounds.size() < 3);
        Map<Integer, Double> micros = new LinkedHashMap<>();
        for (int i = 0; i < sizes; i++) {
            int size = i;
            micros.put(clusters.get(i).size, Measurements.median(
                    rounds.stream().flatMapToDouble(times -> Arrays.stream(times[size])).toArray()));
        }
        double growth = Measurements.median(rounds.stream()
                .mapToDouble(times -> Measurements.median(times[sizes - 1]) / Measurements.median(times[0])).toArray());
        long sink = clusters.stream().mapToLong(cluster -> cluster.sink).sum();
        if (sink == 42) {
            System.out.print("");
        }
        return new Result(micros, growth);
    }

    /** One batch to each cluster, starting with a different one each round. */
    private static void round(List<Cluster> clusters, int round, double[][] times) {
        for (int i = 0; i < clusters.size(); i++) {
            int which = (round + i) % clusters.size();
            clusters.get(which).batch(times[which]);
        }
    }

    /** A mock whose cluster holds {@code size} RUNNING tasks, and what is asked of it. */
    private static final class Cluster {
        final int size;
        private final Query query;
        private final EcsMock mock;
        private final EcsClient client;
        private final List<String> newest;
        private final String lastPageToken;
        long sink;

        Cluster(Query query, int size) {
            this.query = query;
            this.size = size;
            this.mock = Workload.newMock();
            this.client = mock.newClient(Transport.IN_MEMORY);
            Workload.createClusterAndDefinition(client);
            List<String> arns = Workload.runTasks(client, size);
            this.newest = List.copyOf(arns.subList(arns.size() - 100, arns.size()));
            String token = null;
            String previous = null;
            do {
                String from = token;
                ListTasksResponse page = client.listTasks(r -> r.cluster(Workload.CLUSTER).nextToken(from));
                previous = from;
                token = page.nextToken();
            } while (token != null);
            this.lastPageToken = previous;
        }

        void batch(double[] times) {
            for (int i = 0; i < times.length; i++) {
                long began = System.nanoTime();
                SdkResponse response = switch (query) {
                    case LIST_TASKS_FIRST_PAGE -> client.listTasks(r -> r.cluster(Workload.CLUSTER));
                    case LIST_TASKS_LAST_PAGE -> client.listTasks(r -> r.cluster(Workload.CLUSTER).nextToken(lastPageToken));
                    case DESCRIBE_TASKS_100 -> client.describeTasks(r -> r.cluster(Workload.CLUSTER).tasks(newest));
                };
                times[i] = (System.nanoTime() - began) / 1e3;
                sink += response.sdkHttpResponse().statusCode();
            }
        }

        void close() {
            client.close();
            mock.close();
        }
    }
}
