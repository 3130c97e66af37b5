package io.github.ecsmock.benchmarks;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.Transport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.LaunchType;

/**
 * The measurements JMH does not fit: heap retained per task and per service, the time to start a
 * mock and answer its first call (in a warm JVM, and in a fresh one as a whole process), and the
 * time of a reset. Each returns a median over several repetitions.
 */
public final class Measurements {
    private Measurements() {
    }

    /** Bytes of heap retained per RUNNING task, over {@code count} tasks, after full collections. */
    public static double heapPerTask(int count) {
        try (EcsMock mock = Workload.newMock(); EcsClient ecs = mock.newClient(Transport.IN_MEMORY)) {
            Workload.createClusterAndDefinition(ecs);
            Workload.runTasks(ecs, 100); // warm up what the first tasks load
            long before = usedAfterGc();
            Workload.runTasks(ecs, count);
            long after = usedAfterGc();
            keep(mock);
            return (after - before) / (double) count;
        }
    }

    /** Bytes of heap retained per ACTIVE service (desired count 0, so without tasks). */
    public static double heapPerService(int count) {
        try (EcsMock mock = Workload.newMock(); EcsClient ecs = mock.newClient(Transport.IN_MEMORY)) {
            Workload.createClusterAndDefinition(ecs);
            createServices(ecs, "warm", 20);
            long before = usedAfterGc();
            createServices(ecs, "s", count);
            long after = usedAfterGc();
            keep(mock);
            return (after - before) / (double) count;
        }
    }

    private static void createServices(EcsClient ecs, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            String name = prefix + i;
            ecs.createService(r -> r.cluster(Workload.CLUSTER).serviceName(name).taskDefinition(Workload.FAMILY)
                    .desiredCount(0).launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(Workload.SUBNET))));
        }
    }

    /**
     * Milliseconds from a test class's start of its mock to the answer of its injected client's first
     * call, over {@code transport}, for the starts {@code from} to {@code to} of a series in one JVM (so
     * {@code to = 100} is the hundredth start).
     */
    public static double warmStartMillis(int from, int to, Transport transport) {
        double[] times = new double[to - from + 1];
        for (int start = 1; start <= to; start++) {
            long nanos = TestClassStart.startAndFirstCall(TestClassStart.settings(transport));
            if (start >= from) {
                times[start - from] = nanos / 1e6;
            }
        }
        return median(times);
    }

    /** Milliseconds of a reset of a mock holding {@code objects} clusters, definitions and tasks. */
    public static double resetMillis(int objects, int repetitions) {
        double[] times = new double[repetitions];
        try (EcsMock mock = Workload.newMock(); EcsClient ecs = mock.newClient(Transport.IN_MEMORY)) {
            for (int i = 0; i < repetitions; i++) {
                fill(ecs, objects);
                long began = System.nanoTime();
                mock.reset();
                times[i] = (System.nanoTime() - began) / 1e6;
            }
        }
        return median(times);
    }

    /** A tenth clusters, a fifth task definition revisions, the rest tasks. */
    private static void fill(EcsClient ecs, int objects) {
        Workload.createClusterAndDefinition(ecs);
        for (int i = 1; i < objects / 10; i++) {
            String name = "cluster" + i;
            ecs.createCluster(r -> r.clusterName(name));
        }
        for (int i = 1; i < objects / 5; i++) {
            ecs.registerTaskDefinition(r -> r.family(Workload.FAMILY)
                    .networkMode("awsvpc").requiresCompatibilitiesWithStrings("FARGATE").cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("app").image("registry.example.com/app:1.0")));
        }
        Workload.runTasks(ecs, objects - objects / 10 - objects / 5);
    }

    /**
     * Milliseconds a fresh JVM takes, as a whole process, to start a test class's mock and answer its
     * injected client's first call; the same for a JVM that only builds that kind of client (their
     * difference is the mock's own share); both again over HTTP; and for a JVM that starts the bare
     * HTTP floor and makes the same first call to it. See {@link ColdStart}. Each repetition runs the
     * five JVMs one after another, and a share is the median of the repetitions' own differences:
     * this machine's speed drifts over a minute, and medians taken apart, minutes of drift between
     * them, moved the mock's share by 50 ms from run to run of the same jar.
     */
    public static ColdStarts coldStartMillis(int repetitions) throws IOException, InterruptedException {
        String[] modes = {"client", "mock", "client-http", "mock-http", "floor", "sdk-floor"};
        double[][] times = new double[modes.length][repetitions];
        for (int i = 0; i < repetitions; i++) {
            for (int mode = 0; mode < modes.length; mode++) {
                times[mode][i] = runProcess(modes[mode]);
            }
        }
        double[] share = new double[repetitions];
        double[] httpShare = new double[repetitions];
        double[] httpBeyondFloor = new double[repetitions];
        double[] beyondSdkFloor = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            share[i] = times[1][i] - times[0][i];
            httpShare[i] = times[3][i] - times[2][i];
            httpBeyondFloor[i] = times[3][i] - times[4][i];
            beyondSdkFloor[i] = times[1][i] - times[5][i];
        }
        return new ColdStarts(median(times[1]), median(times[0]), median(times[3]), median(times[2]), median(times[4]),
                median(times[5]), median(share), median(httpShare), median(httpBeyondFloor), median(beyondSdkFloor));
    }

    /**
     * Milliseconds of fresh JVMs: a test class's mock and first call by default (in memory) and the
     * client alone, the same over HTTP, the bare HTTP floor's first call and the SDK floor's; and the
     * medians of the differences: the mock's share in memory and over HTTP, the HTTP mock beyond the
     * HTTP floor, and the mock beyond the SDK floor's first call, which is what of the share is the
     * mock's own work rather than the SDK's first call.
     */
    public record ColdStarts(double mock, double client, double httpMock, double httpClient, double floor, double sdkFloor,
                             double share, double httpShare, double httpBeyondFloor, double beyondSdkFloor) {
    }

    private static double runProcess(String what) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long began = System.nanoTime();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ColdStart.class.getName(), what).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("The cold start process '" + what + "' failed");
        }
        return (System.nanoTime() - began) / 1e6;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Keeps the mock reachable until after the second measurement. */
    private static void keep(Object object) {
        if (object.hashCode() == System.nanoTime()) {
            System.out.print("");
        }
    }
}
