package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The standalone server as a user starts it: a separate JVM running its {@code main}, which prints
 * one line naming the endpoint, answers the quick-start's curl calls and stops cleanly when told to
 * (SIGTERM runs the same shutdown as Ctrl-C).
 */
class StandaloneServerTest {
    private static final Pattern ENDPOINT = Pattern.compile("ecs-mock listening on (http://127\\.0\\.0\\.1:\\d+) ");

    @Test
    void answersTheQuickStartsCurlCallsAndStopsCleanly() throws Exception {
        Process server = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "io.github.ecsmock.internal.server.StandaloneServer", "--port", "0", "--region", "eu-west-1")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).isNotNull().contains("account 123456789012, region eu-west-1");
            Matcher matcher = ENDPOINT.matcher(line);
            assertThat(matcher.find()).as(line).isTrue();
            URI endpoint = URI.create(matcher.group(1) + "/");

            HttpResponse<String> cluster = post(endpoint, "CreateCluster", "{\"clusterName\": \"production\"}");
            HttpResponse<String> definition = post(endpoint, "RegisterTaskDefinition",
                    "{\"family\": \"web\", \"containerDefinitions\": [{\"name\": \"nginx\", \"image\": \"nginx:latest\"}]}");

            assertThat(cluster.statusCode()).isEqualTo(200);
            assertThat(cluster.body()).contains("\"clusterArn\":\"arn:aws:ecs:eu-west-1:123456789012:cluster/production\"");
            assertThat(definition.statusCode()).isEqualTo(200);
            assertThat(definition.body()).contains("\"revision\":1,");

            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("server stopped").isTrue();
            assertThat(server.exitValue()).isIn(0, 143);
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void refusesAnUnknownOptionWithUsage() throws Exception {
        String output = outputOfARefusal("--bogus");

        assertThat(output).contains("ecs-mock: unknown option --bogus").contains("usage: java -jar ecs-mock-standalone.jar");
    }

    @Test
    void refusesARegionThatIsNoRegionWithUsage() throws Exception {
        String output = outputOfARefusal("--region", "", "--port", "0");

        assertThat(output).contains("ecs-mock: region must not be blank").contains("usage: java -jar ecs-mock-standalone.jar")
                .doesNotContain("cannot listen");
    }

    @Test
    void refusesToListenBeyondLoopbackUnlessAllowed() throws Exception {
        String output = outputOfARefusal("--host", "0.0.0.0", "--port", "0");

        assertThat(output).contains("0.0.0.0 is not a loopback address").contains("--allow-remote")
                .doesNotContain("listening on http");
    }

    /** The output of a server started with {@code args}, which must exit at once with 2, a usage error. */
    private static String outputOfARefusal(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.github.ecsmock.internal.server.StandaloneServer"));
        command.addAll(List.of(args));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).as(output).isEqualTo(2);
        return output;
    }

    @Test
    void listensBeyondLoopbackWithAWarningWhenAllowed() throws Exception {
        Process server = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "io.github.ecsmock.internal.server.StandaloneServer", "--host", "0.0.0.0", "--port", "0", "--allow-remote")
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("ecs-mock: WARNING: listening on 0.0.0.0, reachable from other machines, "
                    + "and answering unsigned requests");
            assertThat(out.readLine()).startsWith("ecs-mock listening on http://127.0.0.1:");
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
    }

    private static HttpResponse<String> post(URI endpoint, String operation, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113." + operation)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
