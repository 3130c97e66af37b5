package io.github.ecsmock.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ecsmock.junit5.EcsMockTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsException;

/**
 * The handle over HTTP, as a test in another language drives the standalone server: plain JSON
 * requests under /_ecsmock/ to make ECS misbehave, read the journal and the state, move the clock
 * and reset. Here through java.net.http; curl or Python's requests do the same.
 */
@EcsMockTest
class ControlApiTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private String call(URI endpoint, String method, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/_ecsmock" + path))
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void aTestInAnyLanguageCanSteerAndInspectTheMock(EcsClient ecs, URI endpoint) throws Exception {
        call(endpoint, "POST", "/faults/errors",
                "{\"operation\": \"CreateCluster\", \"code\": \"LimitExceededException\", \"message\": \"Too many clusters\"}");

        EcsException refused = org.assertj.core.api.Assertions.catchThrowableOfType(EcsException.class,
                () -> ecs.createCluster(r -> r.clusterName("dev")));
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("LimitExceededException");
        ecs.createCluster(r -> r.clusterName("dev"));

        assertThat(call(endpoint, "GET", "/journal?operation=CreateCluster", ""))
                .contains("\"errorCode\":\"LimitExceededException\"").contains("\"status\":200");
        assertThat(call(endpoint, "GET", "/state", "")).contains("\"clusterArn\":\"arn:aws:ecs:us-east-1:123456789012:cluster/dev\"");
        String before = call(endpoint, "GET", "/clock", "");
        String after = call(endpoint, "POST", "/clock/advance", "{\"seconds\": 3600}");
        assertThat(number(after) - number(before)).isEqualTo(3600.0);

        call(endpoint, "POST", "/reset", "");
        assertThat(ecs.listClusters().clusterArns()).isEmpty();
    }

    private static double number(String json) {
        return Double.parseDouble(json.replaceAll("[^0-9.]", ""));
    }
}
