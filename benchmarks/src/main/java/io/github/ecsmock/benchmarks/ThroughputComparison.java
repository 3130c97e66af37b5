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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Calls a second over HTTP from several threads sharing one client, to the mock and to the HTTP floor,
 * side by side in one JVM: a window of calls to the mock, a window to the floor, again with the order
 * swapped, round after round. JMH runs the two in forks of their own, and on this machine a rate from
 * one second to the next moves by half or more with a single client thread (three threads, the
 * client's, Jetty's selector and its handler, share two cores), so only windows taken close together
 * give a ratio that holds. Each thread count gets a fresh JVM.
 */
public final class ThroughputComparison {

    /** How long to warm up and to measure, in seconds, and how long each window of calls lasts. */
    public record Settings(double warmUpSeconds, double measureSeconds, int windowMillis) {
        static final Settings FULL = new Settings(15, 10, 250);
        static final Settings SMOKE = new Settings(0, 0, 20);
    }

    /** Medians of the windows' rates, in calls a second, and the median of the rounds' ratios (floor over mock). */
    public record Result(double mockRate, double floorRate, double ratio, int rounds) {
        String line() {
            return String.format(Locale.ROOT, "RESULT %.1f %.1f %.5f %d", mockRate, floorRate, ratio, rounds);
        }

        static Result parse(String line) {
            String[] parts = line.trim().split(" ");
            return new Result(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
                    Integer.parseInt(parts[3]));
        }
    }

    private ThroughputComparison() {
    }

    /** Measures in a fresh JVM of the same class path (the full run). */
    public static Result inFreshJvm(int threads, Settings settings) throws IOException, InterruptedException {
        return Result.parse(FreshJvm.result(ThroughputComparison.class, String.valueOf(threads),
                String.valueOf(settings.warmUpSeconds()), String.valueOf(settings.measureSeconds()),
                String.valueOf(settings.windowMillis())));
    }

    /** The child JVM: {@code THREADS WARM_UP_SECONDS MEASURE_SECONDS WINDOW_MILLIS}. */
    public static void main(String[] args) throws InterruptedException {
        Result result = measure(Integer.parseInt(args[0]),
                new Settings(Double.parseDouble(args[1]), Double.parseDouble(args[2]), Integer.parseInt(args[3])));
        System.out.println(result.line());
    }

    /** Measures in this JVM. */
    public static Result measure(int threads, Settings settings) throws InterruptedException {
        ExecutorService callers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "caller");
            thread.setDaemon(true);
            return thread;
        });
        Javalin floor = Floors.httpFloor(Workload.cannedAnswers());
        try (EcsMock mock = Workload.newMock().start();
             EcsClient mockClient = mock.newClient(Transport.HTTP);
             EcsClient floorClient = Floors.client(URI.create("http://127.0.0.1:" + floor.port()))
                     .httpClientBuilder(LoopbackHttpClient.builder()).build()) {
            Workload.seed(mockClient);
            Windows windows = new Windows(callers, threads, settings.windowMillis());
            long warmUpEnd = System.nanoTime() + (long) (settings.warmUpSeconds() * 1e9);
            int round = 0;
            while (System.nanoTime() < warmUpEnd) {
                windows.round(round++, mockClient, floorClient);
            }
            List<double[]> rates = new ArrayList<>();
            long measureEnd = System.nanoTime() + (long) (settings.measureSeconds() * 1e9);
            do {
                rates.add(windows.round(round++, mockClient, floorClient));
            } while (System.nanoTime() < measureEnd || rates.size() < 3);
            return new Result(Measurements.median(rates.stream().mapToDouble(rate -> rate[0]).toArray()),
                    Measurements.median(rates.stream().mapToDouble(rate -> rate[1]).toArray()),
                    Measurements.median(rates.stream().mapToDouble(rate -> rate[1] / rate[0]).toArray()), rates.size());
        } finally {
            floor.stop();
            callers.shutdownNow();
        }
    }

    /** Windows of calls from every caller thread at once. */
    private static final class Windows {
        private final ExecutorService callers;
        private final int threads;
        private final long windowNanos;

        Windows(ExecutorService callers, int threads, int windowMillis) {
            this.callers = callers;
            this.threads = threads;
            this.windowNanos = windowMillis * 1_000_000L;
        }

        /** A window to each, the mock first in even rounds and the floor first in odd ones; returns both rates. */
        double[] round(int round, EcsClient mockClient, EcsClient floorClient) throws InterruptedException {
            double mock;
            double floor;
            if (round % 2 == 0) {
                mock = rate(mockClient);
                floor = rate(floorClient);
            } else {
                floor = rate(floorClient);
                mock = rate(mockClient);
            }
            return new double[] {mock, floor};
        }

        /** Calls a second, counted until the last thread's last call started in the window has answered. */
        private double rate(EcsClient client) throws InterruptedException {
            long began = System.nanoTime();
            long end = began + windowNanos;
            List<Callable<Long>> work = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                work.add(() -> {
                    long calls = 0;
                    do {
                        client.describeClusters(r -> r.clusters(Workload.CLUSTER));
                        calls++;
                    } while (System.nanoTime() < end);
                    return calls;
                });
            }
            long calls = 0;
            for (Future<Long> done : callers.invokeAll(work)) {
                try {
                    calls += done.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("A call failed", e.getCause());
                }
            }
            return calls / ((System.nanoTime() - began) / 1e9);
        }
    }
}
