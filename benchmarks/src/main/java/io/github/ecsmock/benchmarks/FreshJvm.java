package io.github.ecsmock.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A measurement run in a JVM of its own on this class path, so that its JIT has seen only its own
 * calls. The child prints one line starting {@code RESULT }; this returns the rest of it.
 */
final class FreshJvm {
    private FreshJvm() {
    }

    static String result(Class<?> main, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=error", "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("The measurement " + String.join(" ", args) + " failed:\n" + output);
        }
        return output.lines().filter(line -> line.startsWith("RESULT ")).map(line -> line.substring("RESULT ".length()))
                .findFirst().orElseThrow(() -> new IllegalStateException("No result from " + String.join(" ", args) + ":\n" + output));
    }
}
