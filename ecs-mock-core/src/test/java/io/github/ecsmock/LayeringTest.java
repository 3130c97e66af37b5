package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the arrows of the request path pointing one way (server -> protocol -> ecs -> state): the
 * state knows no operation, JSON or HTTP; the operations know no protocol or transport; the protocol
 * knows no transport. Read from the sources' imports, so a wrong arrow fails the build.
 */
class LayeringTest {
    private static final Path MAIN = Path.of("src/main/java/io/github/ecsmock/internal");

    @Test
    void stateKnowsNeitherOperationsNorProtocolNorHttp() {
        assertThat(importsOf("state")).noneMatch(i -> i.startsWith("io.github.ecsmock.internal.ecs")
                || i.startsWith("io.github.ecsmock.internal.protocol") || i.startsWith("io.github.ecsmock.internal.server")
                || i.startsWith("io.javalin") || i.startsWith("com.fasterxml") || i.startsWith("org.eclipse.jetty"));
    }

    @Test
    void operationsKnowNeitherProtocolNorHttp() {
        assertThat(importsOf("ecs")).noneMatch(i -> i.startsWith("io.github.ecsmock.internal.protocol")
                || i.startsWith("io.github.ecsmock.internal.server") || i.startsWith("io.javalin")
                || i.startsWith("com.fasterxml") || i.startsWith("org.eclipse.jetty"));
    }

    @Test
    void protocolKnowsNoTransport() {
        assertThat(importsOf("protocol")).noneMatch(i -> i.startsWith("io.github.ecsmock.internal.server")
                || i.startsWith("io.javalin") || i.startsWith("org.eclipse.jetty"));
    }

    @Test
    void errorsArgumentsAndPagingStandAlone() {
        for (String leaf : List.of("errors", "arn")) {
            assertThat(importsOf(leaf)).as(leaf).noneMatch(i -> i.startsWith("io.github.ecsmock.internal."));
        }
        assertThat(importsOf("paging")).noneMatch(i -> i.startsWith("io.github.ecsmock.internal.")
                && !i.startsWith("io.github.ecsmock.internal.errors"));
    }

    @Test
    void theLayersAreReallyThere() {
        // Guards the checks above against passing vacuously on a wrong path.
        assertThat(importsOf("ecs")).anyMatch(i -> i.startsWith("io.github.ecsmock.internal.state"));
        assertThat(importsOf("server")).anyMatch(i -> i.startsWith("io.javalin"));
    }

    private static List<String> importsOf(String layer) {
        List<String> imports = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve(layer))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("import ")) {
                        imports.add(line.substring("import ".length()).replace("static ", "").replace(";", "").trim());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return imports;
    }
}
