package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;

/**
 * The awsJson 1.1 wire as curl or another SDK would meet it: raw HTTP against the mock's endpoint,
 * and the caller's account and region taken from the SigV4 credential scope.
 */
class ProtocolTest extends EcsApiTest {
    private static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";
    private static final String SEED_TASK_DEFINITION =
            "{\"family\":\"web\",\"containerDefinitions\":[{\"name\":\"nginx\",\"image\":\"nginx:latest\"}]}";

    private HttpClient http;

    @BeforeAll
    void startHttpClient() {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    // ---------------------------------------------------------------- success

    @Test
    void createClusterOverRawHttp() {
        Answer answer = post("CreateCluster", "{\"clusterName\":\"production\"}");

        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/x-amz-json-1.1");
        assertThat(answer.requestId()).isNotNull();
        assertThat(UUID.fromString(answer.requestId()).toString()).isEqualTo(answer.requestId());
        assertThat(UUID.fromString(answer.requestId()).version()).as("a random UUID, as AWS's are").isEqualTo(4);
        assertThat(UUID.fromString(answer.requestId()).variant()).isEqualTo(2);
        assertThat(post("ListClusters", "{}").requestId()).isNotEqualTo(answer.requestId());
        Map<String, Object> cluster = answer.object("cluster");
        assertThat(cluster.get("clusterArn")).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/production");
        assertThat(cluster.get("status")).isEqualTo("ACTIVE");
        assertThat(ecs.listClusters(r -> { }).clusterArns())
                .containsExactly("arn:aws:ecs:us-east-1:123456789012:cluster/production");
    }

    @Test
    void everyAnswerHasItsOwnRequestId() {
        Answer first = post("ListClusters", "{}");
        Answer second = post("ListClusters", "{}");

        assertThat(first.requestId()).isNotEqualTo(second.requestId());
    }

    @Test
    void registerTheSeedTaskDefinitionOverRawHttp() {
        Answer answer = post("RegisterTaskDefinition", SEED_TASK_DEFINITION);

        assertThat(answer.status).isEqualTo(200);
        Map<String, Object> definition = answer.object("taskDefinition");
        assertThat(definition.get("revision")).isEqualTo(new Num("1", true));
        assertThat(definition.get("taskDefinitionArn")).isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/web:1");
        assertThat(answer.json.get("tags")).isEqualTo(List.of());
    }

    @Test
    void timestampsAreEpochSecondsWithAMillisecondFraction() {
        Instant now = mock.clock().now();

        Answer answer = post("RegisterTaskDefinition", SEED_TASK_DEFINITION);

        Num registeredAt = (Num) answer.object("taskDefinition").get("registeredAt");
        assertThat(registeredAt.integer).isFalse();
        assertThat(registeredAt.text).matches("\\d{10}\\.\\d{3}");
        assertThat(new BigDecimal(registeredAt.text)).isEqualByComparingTo(BigDecimal.valueOf(now.toEpochMilli(), 3));
    }

    @Test
    void integersAreIntegerTokens() {
        Answer answer = post("CreateCluster", "{\"clusterName\":\"production\"}");

        Map<String, Object> cluster = answer.object("cluster");
        for (String counter : List.of("registeredContainerInstancesCount", "runningTasksCount", "pendingTasksCount",
                "activeServicesCount")) {
            assertThat(cluster.get(counter)).as(counter).isEqualTo(new Num("0", true));
        }
        Map<String, Object> container = firstContainer(post("RegisterTaskDefinition", SEED_TASK_DEFINITION));
        assertThat(container.get("cpu")).isEqualTo(new Num("0", true));
    }

    @Test
    void emptyListsAreSentAndUnsetScalarsOmitted() {
        Answer answer = post("RegisterTaskDefinition", SEED_TASK_DEFINITION);

        Map<String, Object> definition = answer.object("taskDefinition");
        assertThat(definition.get("volumes")).isEqualTo(List.of());
        assertThat(definition.get("placementConstraints")).isEqualTo(List.of());
        assertThat(definition).doesNotContainKeys("networkMode", "cpu", "memory", "deregisteredAt");
        assertThat(firstContainer(answer)).containsEntry("environment", List.of()).containsEntry("portMappings", List.of())
                .doesNotContainKey("memory");
        assertThat(answer.body).doesNotContain("null");
    }

    @Test
    void emptyBodyIsTakenAsAnEmptyObject() {
        ecs.createCluster(r -> r.clusterName("production"));

        Answer answer = post("ListClusters", "");

        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.json.get("clusterArns"))
                .isEqualTo(List.of("arn:aws:ecs:us-east-1:123456789012:cluster/production"));
    }

    @Test
    void unknownMembersAreIgnored() {
        Answer answer = post("CreateCluster", "{\"clusterName\":\"production\",\"someFutureMember\":{\"a\":[1,2]}}");

        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.object("cluster").get("clusterName")).isEqualTo("production");
    }

    // ---------------------------------------------------------------- protocol errors

    @Test
    void unknownTargetIsUnknownOperation() {
        Answer answer = post("Bogus", "{}");

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.errorType()).isEqualTo("UnknownOperationException");
    }

    @Test
    void targetOfAnotherServiceIsUnknownOperation() {
        Answer answer = send(request("{}").header("X-Amz-Target", "Logs_20140328.CreateLogGroup"));

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.errorType()).isEqualTo("UnknownOperationException");
    }

    @Test
    void missingTargetIsUnknownOperation() {
        Answer answer = send(request("{}"));

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.errorType()).isEqualTo("UnknownOperationException");
        assertThat(answer.contentType()).isEqualTo("application/x-amz-json-1.1");
        assertThat(answer.requestId()).isNotNull();
    }

    @Test
    void bodyThatIsNotAnObjectIsASerializationError() {
        Answer answer = post("ListClusters", "[1,2]");

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.errorType()).isEqualTo("SerializationException");
    }

    @Test
    void bodyThatIsNotJsonIsASerializationError() {
        Answer answer = post("ListClusters", "{not json");

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.errorType()).isEqualTo("SerializationException");
        assertThat(answer.errorMessage()).startsWith("The request body is not valid JSON: Unexpected character ('n'")
                .endsWith("was expecting double-quote to start field name (line 1, column 2).");
    }

    /** The parser's messages name its own features and settings; an answer names only the problem and where. */
    @Test
    void malformedJsonIsDescribedWithoutTheParsersVocabulary() {
        List<String> messages = List.of(
                post("CreateCluster", "{").errorMessage(),
                post("CreateCluster", "{\"clusterName\":NaN}").errorMessage(),
                post("CreateCluster", "{\"clusterName\":`x`}").errorMessage(),
                post("CreateCluster", "{\"a\":".repeat(70) + "1" + "}".repeat(70)).errorMessage());

        assertThat(messages).allSatisfy(message -> assertThat(message)
                .doesNotContain("Source", "Feature", "StreamReadConstraints", "REDACTED"));
        assertThat(messages.get(0)).isEqualTo("The request body is not valid JSON: Unexpected end-of-input: expected close "
                + "marker for Object (line 1, column 2).");
        assertThat(messages.get(1)).startsWith("The request body is not valid JSON: Non-standard token 'NaN'");
        assertThat(messages.get(2)).startsWith("The request body is not valid JSON: Unexpected character ('`' (code 96))");
        assertThat(messages.get(3)).isEqualTo("The request body is nested more than 64 deep, or holds a string or number "
                + "longer than ecs-mock reads.");
        assertThat(ecs.listClusters().clusterArns()).isEmpty();
    }

    @Test
    void memberOfTheWrongTypeIsASerializationErrorNamingIt() {
        Answer answer = post("CreateCluster", "{\"clusterName\": 5}");

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.errorType()).isEqualTo("SerializationException");
        assertThat(answer.errorMessage()).contains("clusterName");
        assertThat(ecs.listClusters(r -> { }).clusterArns()).isEmpty();
    }

    @Test
    void nestedMemberOfTheWrongTypeIsNamedWithItsPath() {
        Answer answer = post("RegisterTaskDefinition",
                "{\"family\":\"web\",\"containerDefinitions\":[{\"name\":\"a\",\"image\":\"b\",\"memory\":\"512\"}]}");

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.errorType()).isEqualTo("SerializationException");
        assertThat(answer.errorMessage())
                .isEqualTo("STRING_VALUE cannot be converted to Integer (member 'containerDefinitions[0].memory')");
    }

    @Test
    void ecsErrorsUseTheSameEnvelope() {
        Answer answer = post("DeleteCluster", "{\"cluster\":\"nope\"}");

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.json).isEqualTo(Map.of("__type", "ClusterNotFoundException", "message", "Cluster not found."));
        assertThat(answer.requestId()).isNotNull();
    }

    @Test
    void errorAnswersHaveExactlyTypeAndMessageAndNoStackTrace() {
        List<Answer> answers = List.of(
                post("Bogus", "{}"),
                send(request("{}")),
                post("ListClusters", "[1,2]"),
                post("ListClusters", "{not json"),
                post("ListClusters", "{} {}"),
                post("ListClusters", "{\"maxResults\": 1.5}"),
                post("ListClusters", "{\"maxResults\": 99999999999}"),
                post("CreateCluster", "{\"clusterName\": 5}"),
                post("CreateCluster", "{\"clusterName\": {\"nested\": true}}"),
                post("CreateCluster", "{\"tags\": [null]}"),
                post("DescribeClusters", "{\"clusters\": \"production\"}"),
                post("DeleteCluster", "{\"cluster\":\"nope\"}"),
                post("ListClusters", "{\"nextToken\":\"bogus\"}"),
                post("RegisterTaskDefinition", "{}"),
                post("DescribeTaskDefinition", "{}"),
                post("TagResource", "{\"resourceArn\":\"x\"}"),
                post("ListClusters", "{\"a\":" + "[".repeat(200) + "]".repeat(200) + "}"));

        for (Answer answer : answers) {
            assertThat(answer.status).as(answer.body).isBetween(400, 599);
            assertThat(answer.contentType()).as(answer.body).isEqualTo("application/x-amz-json-1.1");
            assertThat(answer.requestId()).as(answer.body).isNotNull();
            assertThat(answer.json.keySet()).as(answer.body).containsExactly("__type", "message");
            assertThat(answer.errorType()).as(answer.body).matches("[A-Za-z]+Exception");
            assertThat(answer.body).as("no stack trace")
                    .doesNotContain("at io.github")
                    .doesNotContain("Exception:")
                    .doesNotContain("java.")
                    .doesNotContain("com.fasterxml");
        }
    }

    @Test
    void requestsThatAreNotPostSlashAreAnsweredInTheAwsFormat() {
        List<Answer> answers = List.of(
                send(HttpRequest.newBuilder(mock.endpoint()).GET()),
                send(HttpRequest.newBuilder(mock.endpoint().resolve("/some/path"))
                        .header("X-Amz-Target", TARGET_PREFIX + "ListClusters")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))));

        for (Answer answer : answers) {
            assertThat(answer.status).isBetween(400, 499);
            assertThat(answer.contentType()).isEqualTo("application/x-amz-json-1.1");
            assertThat(answer.json.keySet()).containsExactly("__type", "message");
            assertThat(answer.body).doesNotContain("<html").doesNotContain("at io.github");
        }
    }

    // ---------------------------------------------------------------- account and region

    @Test
    void clientOfAnotherRegionDoesNotSeeThisRegionsClusters() {
        ecs.createCluster(r -> r.clusterName("production"));

        try (EcsClient ireland = client(Region.EU_WEST_1, "test")) {
            assertThat(ireland.listClusters(r -> { }).clusterArns()).isEmpty();
            assertThat(ireland.describeClusters(r -> r.clusters("production")).failures()).singleElement()
                    .satisfies(f -> assertThat(f.arn()).isEqualTo("arn:aws:ecs:eu-west-1:123456789012:cluster/production"));

            Cluster there = ireland.createCluster(r -> r.clusterName("production")).cluster();
            assertThat(there.clusterArn()).isEqualTo("arn:aws:ecs:eu-west-1:123456789012:cluster/production");
        }
        assertThat(ecs.listClusters(r -> { }).clusterArns())
                .containsExactly("arn:aws:ecs:us-east-1:123456789012:cluster/production");
    }

    @Test
    void accessKeyOfTwelveDigitsActsAsThatAccount() {
        ecs.createCluster(r -> r.clusterName("production"));

        try (EcsClient other = client(Region.US_EAST_1, "111122223333")) {
            assertThat(other.listClusters(r -> { }).clusterArns()).isEmpty();
            Cluster cluster = other.createCluster(r -> r.clusterName("shared-name")).cluster();
            assertThat(cluster.clusterArn()).isEqualTo("arn:aws:ecs:us-east-1:111122223333:cluster/shared-name");
            assertThat(other.registerTaskDefinition(r -> r.family("web")
                    .containerDefinitions(c -> c.name("app").image("nginx").memory(128))).taskDefinition().registeredBy())
                    .isEqualTo("arn:aws:iam::111122223333:root");
        }
        assertThat(ecs.listClusters(r -> { }).clusterArns())
                .containsExactly("arn:aws:ecs:us-east-1:123456789012:cluster/production");
    }

    @Test
    void regionInTheChinaPartitionGetsAwsCnArns() {
        try (EcsClient beijing = client(Region.CN_NORTH_1, "test")) {
            Cluster cluster = beijing.createCluster(r -> r.clusterName("production")).cluster();

            assertThat(cluster.clusterArn()).isEqualTo("arn:aws-cn:ecs:cn-north-1:123456789012:cluster/production");
        }
    }

    // ---------------------------------------------------------------- through the SDK

    // ---------------------------------------------------------------- helpers

    private EcsClient client(Region region, String accessKey) {
        return EcsClient.builder()
                .endpointOverride(mock.endpoint())
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
                .httpClientBuilder(Apache5HttpClient.builder())
                .build();
    }

    private HttpRequest.Builder request(String body) {
        return HttpRequest.newBuilder(mock.endpoint())
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private Answer post(String operation, String body) {
        return send(request(body).header("X-Amz-Target", TARGET_PREFIX + operation));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response, response.body(), parseObject(response.body()));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstContainer(Answer answer) {
        return ((List<Map<String, Object>>) answer.object("taskDefinition").get("containerDefinitions")).get(0);
    }

    /** A JSON number as it was written: its text and whether it was an integer token. */
    record Num(String text, boolean integer) {
    }

    /** One HTTP answer with its body parsed: objects as maps, arrays as lists, numbers as {@link Num}. */
    record Answer(int status, HttpResponse<String> response, String body, Map<String, Object> json) {
        String contentType() {
            return response.headers().firstValue("Content-Type").map(v -> v.split(";")[0].trim()).orElse(null);
        }

        String requestId() {
            return response.headers().firstValue("x-amzn-RequestId").orElse(null);
        }

        String errorType() {
            return (String) json.get("__type");
        }

        String errorMessage() {
            return (String) json.get("message");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> object(String member) {
            return (Map<String, Object>) json.get(member);
        }
    }

    private static final JsonFactory JSON = new JsonFactory();

    private static Map<String, Object> parseObject(String body) {
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken first = parser.nextToken();
            assertThat(first).as("the answer is a JSON object: %s", body).isEqualTo(JsonToken.START_OBJECT);
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) value(parser);
            assertThat(parser.nextToken()).as("one JSON value only").isNull();
            return object;
        } catch (IOException e) {
            throw new AssertionError("The answer is not JSON: " + body, e);
        }
    }

    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() != JsonToken.END_OBJECT) {
                    String name = parser.currentName();
                    parser.nextToken();
                    assertThat(map).as("duplicate member %s", name).doesNotContainKey(name);
                    map.put(name, value(parser));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser));
                }
                return list;
            }
            case VALUE_STRING: return parser.getText();
            case VALUE_NUMBER_INT: return new Num(parser.getText(), true);
            case VALUE_NUMBER_FLOAT: return new Num(parser.getText(), false);
            case VALUE_TRUE: return Boolean.TRUE;
            case VALUE_FALSE: return Boolean.FALSE;
            case VALUE_NULL: return null;
            default: throw new AssertionError("Unexpected JSON token " + token);
        }
    }
}
