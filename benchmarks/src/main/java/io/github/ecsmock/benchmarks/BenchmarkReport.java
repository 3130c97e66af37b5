package io.github.ecsmock.benchmarks;

import io.github.ecsmock.Transport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark and prints the table of docs/BENCHMARKS.md: each figure of the mock beside its
 * floor measured in the same run, and the ratio held against its target.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar [--quick] [--write docs/BENCHMARKS.md]
 * </pre>
 *
 * {@code --quick} is the smoke mode that the build runs: every benchmark once, briefly, in this JVM.
 */
public final class BenchmarkReport {
    /** Fresh JVMs of each kind the cold start runs, one of each after another. */
    private static final int COLD_PAIRS = 9;

    static final String COMMAND = "mvn -B -q -pl benchmarks -am -DskipTests package && java -jar benchmarks/target/benchmarks.jar --write docs/BENCHMARKS.md";

    /** Everything measured in one run. */
    public record Results(Map<Operation, Map<PerCallComparison.Floor, PerCallComparison.Result>> perCall, Map<Integer, Throughput> throughput,
                          Map<ScaleComparison.Query, ScaleComparison.Result> scale, double heapPerTask, double heapPerService,
                          double warmStartMillis, double warmStartHttpMillis, double resetMillis, Measurements.ColdStarts cold) {
    }

    /** Calls a second with some number of client threads: the mock's in a JMH fork, and side by side with the HTTP floor. */
    public record Throughput(double mock, ThroughputComparison.Result sideBySide) {
    }

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Path write = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--quick")) {
                quick = true;
            } else if (args[i].equals("--write") && i + 1 < args.length) {
                write = Path.of(args[++i]);
            } else {
                System.err.println("usage: java -jar benchmarks.jar [--quick] [--write FILE]");
                System.exit(2);
            }
        }
        String report = markdown(run(quick));
        System.out.println(report);
        if (write != null) {
            Path parent = write.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(write, report);
        }
    }

    public static Results run(boolean quick) throws RunnerException, IOException, InterruptedException {
        Map<Operation, Map<PerCallComparison.Floor, PerCallComparison.Result>> perCall = new EnumMap<>(Operation.class);
        for (Operation operation : Operation.values()) {
            for (PerCallComparison.Floor floor : PerCallComparison.Floor.values()) {
                PerCallComparison.Result result = quick
                        ? PerCallComparison.measure(operation, floor, PerCallComparison.Settings.SMOKE)
                        : PerCallComparison.inFreshJvm(operation, floor, PerCallComparison.Settings.FULL);
                perCall.computeIfAbsent(operation, o -> new EnumMap<>(PerCallComparison.Floor.class)).put(floor, result);
            }
        }
        Map<Integer, Throughput> throughput = new LinkedHashMap<>();
        for (int threads : new int[] {1, 4, 16}) {
            double mock = jmh(quick, ThroughputBenchmark.class, threads, Map.of()).iterator().next().getPrimaryResult().getScore();
            throughput.put(threads, new Throughput(mock, quick ? ThroughputComparison.measure(threads, ThroughputComparison.Settings.SMOKE)
                    : ThroughputComparison.inFreshJvm(threads, ThroughputComparison.Settings.FULL)));
        }
        Map<ScaleComparison.Query, ScaleComparison.Result> scale = new EnumMap<>(ScaleComparison.Query.class);
        for (ScaleComparison.Query query : ScaleComparison.Query.values()) {
            scale.put(query, quick ? ScaleComparison.measure(query, ScaleComparison.Settings.SMOKE)
                    : ScaleComparison.inFreshJvm(query, ScaleComparison.Settings.FULL));
        }
        double heapPerTask = Measurements.heapPerTask(quick ? 1000 : 20_000);
        double heapPerService = Measurements.heapPerService(quick ? 100 : 1000);
        double warm = quick ? Measurements.warmStartMillis(2, 3, Transport.IN_MEMORY) : WarmStart.inFreshJvms(5, Transport.IN_MEMORY);
        double warmHttp = quick ? Measurements.warmStartMillis(2, 3, Transport.HTTP) : WarmStart.inFreshJvms(5, Transport.HTTP);
        double reset = Measurements.resetMillis(1000, quick ? 3 : 21);
        Measurements.ColdStarts cold = Measurements.coldStartMillis(quick ? 1 : COLD_PAIRS);
        return new Results(perCall, throughput, scale, heapPerTask, heapPerService, warm, warmHttp, reset, cold);
    }

    private static Collection<RunResult> jmh(boolean quick, Class<?> benchmark, int threads, Map<String, String> params)
            throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("\\." + benchmark.getSimpleName() + "\\.")
                .threads(threads)
                .shouldFailOnError(true)
                .verbosity(quick ? VerboseMode.SILENT : VerboseMode.NORMAL);
        params.forEach(options::param);
        if (quick) {
            options.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(100));
        } else {
            // Shorter warm-ups left scores still falling in the last iterations: on a busy 2-core
            // machine the mock's HTTP path took about 12 s of calls (some 6,000) before the JIT had
            // compiled it, the floors' shorter paths less. Ten of two seconds let every score settle.
            options.forks(1).warmupIterations(10).warmupTime(TimeValue.seconds(2))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                    .jvmArgsAppend("-Xmx2g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=error");
        }
        return new Runner(options.build()).run();
    }

    public static String markdown(Results results) {
        StringBuilder out = new StringBuilder();
        out.append("# Benchmarks\n\n")
                .append("The mock measured beside the floors beneath it, in one run: the **SDK floor** is the same ")
                .append("`EcsClient` over an in-memory HTTP client that answers the mock's own bytes and does nothing ")
                .append("else; the **HTTP floor** is the same client and HTTP client (Apache 5) against a bare Javalin ")
                .append("handler on loopback answering those bytes. Absolute times on a shared machine are noise; ")
                .append("the ratios are the figures that hold. Medians throughout.\n\n")
                .append("- Machine: ").append(machine()).append('\n')
                .append("- Date: ").append(LocalDate.now()).append('\n')
                .append("- Command: `").append(COMMAND).append("`\n\n");

        out.append("## Per call (µs)\n\n")
                .append("| operation | mock, HTTP | HTTP floor | ratio | mock, in memory | SDK floor | ratio |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        results.perCall().forEach((operation, byFloor) -> {
            PerCallComparison.Result http = byFloor.get(PerCallComparison.Floor.HTTP);
            PerCallComparison.Result memory = byFloor.get(PerCallComparison.Floor.SDK);
            double httpTarget = operation == Operation.DESCRIBE_CLUSTERS ? 1.3 : operation == Operation.RUN_TASK_10 ? 1.5 : 0;
            out.append("| ").append(operation.label()).append(" | ").append(number(http.mockMicros())).append(" | ")
                    .append(number(http.floorMicros())).append(" | ").append(ratio(http.ratio(), httpTarget)).append(" | ")
                    .append(number(memory.mockMicros())).append(" | ").append(number(memory.floorMicros())).append(" | ")
                    .append(ratio(memory.ratio(), 1.5)).append(" |\n");
        });
        out.append("\nTargets: over HTTP within 1.3x of the HTTP floor for DescribeClusters and 1.5x for RunTask; ")
                .append("in memory within 1.5x of the SDK floor. Each pair is measured in a JVM of its own, in ")
                .append("alternating batches of calls to the mock and to its floor (15 s of warm-up, then 10 s); a ratio ")
                .append("is the median of the rounds' ratios, so that the machine's drift cancels out. RegisterTaskDefinition ")
                .append("and RunTask start each round from the seeded state.\n\n");

        out.append("## Throughput over HTTP (DescribeClusters, one shared client)\n\n")
                .append("| client threads | mock, calls/s | side by side: mock, calls/s | HTTP floor, calls/s | ratio |\n")
                .append("|---:|---:|---:|---:|---:|\n");
        results.throughput().forEach((threads, rate) -> out.append("| ").append(threads).append(" | ")
                .append(String.format(Locale.ROOT, "%,.0f", rate.mock())).append(" | ")
                .append(String.format(Locale.ROOT, "%,.0f", rate.sideBySide().mockRate())).append(" | ")
                .append(String.format(Locale.ROOT, "%,.0f", rate.sideBySide().floorRate())).append(" | ")
                .append(String.format(Locale.ROOT, "%.2fx", rate.sideBySide().ratio())).append(" |\n"));
        out.append("\nThe first rate is JMH's, the mock alone in a fork of its own. The others are measured as per call: ")
                .append("in one JVM for each thread count, windows of a quarter second of calls to the mock and to the ")
                .append("floor in turn (15 s of warm-up, then 10 s); the ratio, the floor's rate over the mock's, is the ")
                .append("median of the rounds' ratios: how many times longer a call to the mock takes.\n");
        out.append("\n## Scale (in memory, µs)\n\n");
        var sizes = results.scale().values().iterator().next().micros().keySet();
        out.append("| query |");
        sizes.forEach(size -> out.append(String.format(Locale.ROOT, " %,d tasks |", size)));
        out.append(" largest / smallest |\n|---|");
        sizes.forEach(size -> out.append("---:|"));
        out.append("---:|\n");
        results.scale().forEach((query, result) -> {
            out.append("| ").append(query.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" |");
            result.micros().values().forEach(value -> out.append(' ').append(number(value)).append(" |"));
            out.append(' ').append(ratio(result.growth(), 1.5)).append(" |\n");
        });
        out.append("\nTarget: at 100,000 tasks within 1.5x of the same at 1,000. One JVM holds a mock of each size and ")
                .append("asks them in turn, a batch each, the order rotating; the growth is the median of the rounds' ")
                .append("ratios of the largest to the smallest.\n\n");

        Measurements.ColdStarts cold = results.cold();
        out.append("## Memory, start-up, reset\n\n| what | measured | target |\n|---|---:|---:|\n")
                .append(row("heap retained per RUNNING task", String.format(Locale.ROOT, "%,.0f bytes", results.heapPerTask()),
                        results.heapPerTask() <= 4096, "≤ 4 KiB"))
                .append(row("heap retained per service (no tasks)", String.format(Locale.ROOT, "%,.0f bytes", results.heapPerService()),
                        null, ""))
                .append(row("warm start + first call (the hundredth test class's start in a fresh JVM; median of 5 JVMs)",
                        millis(results.warmStartMillis()), results.warmStartMillis() <= 15, "≤ 15 ms"))
                .append(row("warm, for reference: the same with `transport = HTTP`", millis(results.warmStartHttpMillis()), null, ""))
                .append(row("reset of 1,000 objects", millis(results.resetMillis()), results.resetMillis() <= 1, "≤ 1 ms"))
                .append(row("cold: fresh JVM starting a test class's mock and answering its client's first call",
                        millis(cold.mock()), null, ""))
                .append(row("cold: fresh JVM building only the same kind of client", millis(cold.client()), null, ""))
                .append(row("cold: the mock's own share (median of " + COLD_PAIRS + " pairs' differences)", millis(cold.share()), cold.share() <= 400,
                        "≤ 400 ms"))
                .append(row("cold, for reference: the same client and first call answered by the SDK floor", millis(cold.sdkFloor()),
                        null, ""))
                .append(row("cold, for reference: the mock beyond the SDK floor's first call", millis(cold.beyondSdkFloor()), null, ""))
                .append(row("cold, for reference, with `transport = HTTP`: mock and first call", millis(cold.httpMock()), null, ""))
                .append(row("cold, for reference, with `transport = HTTP`: building only the Apache client", millis(cold.httpClient()),
                        null, ""))
                .append(row("cold, for reference, with `transport = HTTP`: the mock's share", millis(cold.httpShare()),
                        null, ""))
                .append(row("cold, for reference: the bare HTTP floor and the same first call over HTTP", millis(cold.floor()), null, ""))
                .append(row("cold, for reference: the HTTP mock beyond the HTTP floor", millis(cold.httpBeyondFloor()), null, ""));
        return out.toString();
    }

    private static String row(String what, String measured, Boolean met, String target) {
        return "| " + what + " | " + measured + (met == null ? "" : met ? " ✓" : " ✗") + " | " + target + " |\n";
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** Tenths of a millisecond, or microseconds below one: a reset read "0.0 ms", as if it had not been measured. */
    private static String millis(double value) {
        return Math.abs(value) < 1 ? String.format(Locale.ROOT, "%.3f ms", value) : String.format(Locale.ROOT, "%.1f ms", value);
    }

    private static String ratio(double ratio, double target) {
        String text = String.format(Locale.ROOT, "%.2fx", ratio);
        return target <= 0 ? text : text + (ratio <= target ? " ✓" : " ✗");
    }

    private static String machine() {
        return System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vm.name") + ")";
    }
}
