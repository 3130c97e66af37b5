package io.github.ecsmock.benchmarks;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.Transport;
import io.github.ecsmock.internal.server.LoopbackHttpClient;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The time of one call through the SDK's {@code EcsClient}, to the mock and to the floor beneath it,
 * measured side by side in one JVM: a batch of calls to the mock, a batch to the floor, again with
 * the order swapped, round after round. This machine's speed drifts by as much as a half over minutes;
 * measured so, the drift falls out of each round's ratio, where JMH's separate forks, minutes apart,
 * let it decide the ratio. Each operation and floor gets a fresh JVM, so that its JIT has seen only
 * those calls.
 *
 * <p>Operations that add to the state (RegisterTaskDefinition, RunTask) start each round from the
 * seeded state again, outside the timed calls, so that a round of RunTask ends with some 600 tasks in
 * the cluster as a test's would, not with the hundred thousands a free-running loop piles up.
 */
public final class PerCallComparison {

    /** The floor the mock is held against, and the transport that goes with it. */
    public enum Floor {
        /** The mock in memory against an in-memory HTTP client answering canned bytes. */
        SDK,
        /** The mock over loopback HTTP against a bare Javalin handler answering the same bytes. */
        HTTP
    }

    /** How long to warm up and to measure, in seconds, and how many calls a batch makes. */
    public record Settings(double warmUpSeconds, double measureSeconds, int batch) {
        static final Settings FULL = new Settings(15, 10, 40);
        static final Settings SMOKE = new Settings(0, 0, 2);
    }

    /** Medians over every timed call, in microseconds, and the median of the rounds' ratios. */
    public record Result(double mockMicros, double floorMicros, double ratio, int rounds) {
        String line() {
            return String.format(Locale.ROOT, "RESULT %.3f %.3f %.5f %d", mockMicros, floorMicros, ratio, rounds);
        }

        static Result parse(String line) {
            String[] parts = line.trim().split(" ");
            return new Result(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
                    Integer.parseInt(parts[3]));
        }
    }

    private PerCallComparison() {
    }

    /** Measures in a fresh JVM of the same class path (the full run). */
    public static Result inFreshJvm(Operation operation, Floor floor, Settings settings) throws IOException, InterruptedException {
        return Result.parse(FreshJvm.result(PerCallComparison.class, operation.name(), floor.name(),
                String.valueOf(settings.warmUpSeconds()), String.valueOf(settings.measureSeconds()), String.valueOf(settings.batch())));
    }

    /** The child JVM: {@code OPERATION FLOOR WARM_UP_SECONDS MEASURE_SECONDS BATCH}. */
    public static void main(String[] args) {
        Result result = measure(Operation.valueOf(args[0]), Floor.valueOf(args[1]),
                new Settings(Double.parseDouble(args[2]), Double.parseDouble(args[3]), Integer.parseInt(args[4])));
        System.out.println(result.line());
    }

    /** Measures in this JVM. */
    public static Result measure(Operation operation, Floor floor, Settings settings) {
        Map<String, byte[]> canned = Workload.cannedAnswers();
        try (EcsMock mock = Workload.newMock()) {
            Javalin httpFloor = null;
            EcsClient mockClient;
            EcsClient floorClient;
            if (floor == Floor.HTTP) {
                mock.start();
                mockClient = mock.newClient(Transport.HTTP);
                httpFloor = Floors.httpFloor(canned);
                floorClient = Floors.client(URI.create("http://127.0.0.1:" + httpFloor.port()))
                        .httpClientBuilder(LoopbackHttpClient.builder()).build();
            } else {
                mockClient = mock.newClient(Transport.IN_MEMORY);
                floorClient = Floors.client(Floors.NO_SERVER).httpClient(Floors.sdkFloor(canned)).build();
            }
            try {
                return new Rounds(operation, mock, mockClient, floorClient).run(settings);
            } finally {
                mockClient.close();
                floorClient.close();
                if (httpFloor != null) {
                    httpFloor.stop();
                }
            }
        }
    }

    /** The alternating rounds of one measurement. */
    private static final class Rounds {
        private final Operation operation;
        private final EcsMock mock;
        private final EcsClient mockClient;
        private final EcsClient floorClient;
        private final List<String> floorTasks = List.of("ignored");
        private List<String> tasks;
        private long sink;

        Rounds(Operation operation, EcsMock mock, EcsClient mockClient, EcsClient floorClient) {
            this.operation = operation;
            this.mock = mock;
            this.mockClient = mockClient;
            this.floorClient = floorClient;
            this.tasks = Workload.seed(mockClient);
        }

        Result run(Settings settings) {
            long warmUpEnd = System.nanoTime() + (long) (settings.warmUpSeconds() * 1e9);
            int round = 0;
            while (System.nanoTime() < warmUpEnd) {
                round(round++, settings.batch(), new double[settings.batch()], new double[settings.batch()]);
            }
            List<double[]> mockTimes = new ArrayList<>();
            List<double[]> floorTimes = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            long measureEnd = System.nanoTime() + (long) (settings.measureSeconds() * 1e9);
            do {
                double[] mockRound = new double[settings.batch()];
                double[] floorRound = new double[settings.batch()];
                round(round++, settings.batch(), mockRound, floorRound);
                mockTimes.add(mockRound);
                floorTimes.add(floorRound);
                ratios.add(median(mockRound) / median(floorRound));
            } while (System.nanoTime() < measureEnd || ratios.size() < 3);
            if (sink == 42) {
                System.out.print("");
            }
            return new Result(median(flatten(mockTimes)), median(flatten(floorTimes)),
                    median(ratios.stream().mapToDouble(Double::doubleValue).toArray()), ratios.size());
        }

        /** One batch to each, the mock first in even rounds and the floor first in odd ones. */
        private void round(int round, int batch, double[] mockTimes, double[] floorTimes) {
            if (operation.grows()) {
                mock.reset();
                tasks = Workload.seed(mockClient);
            }
            if (round % 2 == 0) {
                batch(mockClient, tasks, mockTimes);
                batch(floorClient, floorTasks, floorTimes);
            } else {
                batch(floorClient, floorTasks, floorTimes);
                batch(mockClient, tasks, mockTimes);
            }
        }

        private void batch(EcsClient client, List<String> arguments, double[] times) {
            for (int i = 0; i < times.length; i++) {
                long began = System.nanoTime();
                SdkResponse response = operation.call(client, arguments);
                times[i] = (System.nanoTime() - began) / 1e3;
                sink += response.sdkHttpResponse().statusCode();
            }
        }
    }

    private static double[] flatten(List<double[]> rounds) {
        return rounds.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    static double median(double[] values) {
        return Measurements.median(values);
    }
}
