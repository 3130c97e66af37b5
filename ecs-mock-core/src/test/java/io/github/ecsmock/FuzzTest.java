package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.ecsmock.internal.ecs.EcsApi;
import io.github.ecsmock.internal.protocol.EcsProtocol;
import io.github.ecsmock.internal.protocol.ProtocolRequest;
import io.github.ecsmock.internal.protocol.ProtocolResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.ecs.EcsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Sends every implemented operation thousands of generated bodies (shaped like its request, with
 * wrong types, junk, deep nesting, huge strings, invalid UTF-8) and the HTTP transport every kind of
 * request that is not ECS's, then checks the bar: no 5xx, every refusal a well-formed AWS error, and
 * a state that still keeps all its rules. The seed is fixed so a failure repeats; a longer run is
 * {@code mvn -pl ecs-mock-core -am test -Dtest=FuzzTest -Decsmock.fuzz.cases=20000 -Dsurefire.failIfNoSpecifiedTests=false}
 * (cases per operation; {@code -Decsmock.fuzz.seed=N} picks another seed).
 */
class FuzzTest {
    private static final long SEED = Long.getLong("ecsmock.fuzz.seed", 20261125L);
    private static final int CASES_PER_OPERATION = Integer.getInteger("ecsmock.fuzz.cases", 1500);
    /** Errors of the protocol itself, which any target can get; the rest must be ones the operation declares. */
    private static final Set<String> PROTOCOL_ERRORS = Set.of("SerializationException", "UnknownOperationException",
            "RequestEntityTooLargeException", "BadRequestException");
    private static final List<String> AUTHORIZATIONS = List.of("",
            "AWS4-HMAC-SHA256 Credential=test/20261125/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=00",
            "AWS4-HMAC-SHA256 Credential=test/20261125/eu-west-1/ecs/aws4_request, SignedHeaders=host, Signature=00",
            "AWS4-HMAC-SHA256 Credential=111122223333/20261125/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=00",
            "garbage");

    private final JsonFactory json = new JsonFactory();

    @Test
    @Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
    void noGeneratedBodyGetsA5xxOrBreaksTheState() {
        EcsMock mock = EcsMock.builder().seed(SEED).build();
        EcsProtocol protocol = mock.protocol();
        seedState(protocol);
        RequestFuzzer fuzzer = new RequestFuzzer(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        int sent = 0;
        for (EcsApi.Operation operation : new EcsApi(ValidationProfile.LENIENT).operations().values()) {
            for (int i = 0; i < CASES_PER_OPERATION; i++) {
                byte[] body = fuzzer.body(operation.requestBuilder().get());
                String authorization = AUTHORIZATIONS.get(i % AUTHORIZATIONS.size());
                ProtocolResponse response = protocol.handle(ProtocolRequest.post(
                        EcsProtocol.TARGET_PREFIX + operation.name(), authorization, body));
                sent++;
                outcomes.merge(response.status() + " " + (response.isError() ? response.errorCode() : "OK"), 1, Integer::sum);
                String problem = problem(operation.name(), response.status(), response.body());
                if (problem != null && problems.size() < 20) {
                    problems.add(operation.name() + " " + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8)
                            + " -> " + problem);
                }
            }
            mock.clock().advance(Duration.ofMinutes(7)); // lets stopped tasks, drained services and deletions expire
        }
        System.out.println("fuzz: " + sent + " bodies, seed " + SEED + ", answers " + outcomes);

        assertThat(problems).isEmpty();
        assertThat(outcomes.keySet()).noneMatch(outcome -> outcome.startsWith("5"));
        assertThat(mock.invariantViolations()).isEmpty();
    }

    @Test
    void whateverReachesTheHttpServerIsAnsweredInTheAwsErrorFormat() throws Exception {
        try (EcsMock mock = EcsMock.builder().build().start()) {
            HttpClient http = HttpClient.newHttpClient();
            URI root = URI.create(mock.endpoint() + "/");
            List<HttpRequest> requests = new ArrayList<>();
            for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS")) {
                for (String path : List.of("/", "/foo", "/_ecsmock/reset", "/%2e%2e/etc/passwd")) {
                    requests.add(HttpRequest.newBuilder(URI.create(mock.endpoint() + path))
                            .method(method, HttpRequest.BodyPublishers.ofString("{}")).build());
                }
            }
            requests.add(post(root, "ListClusters", "text/plain", "{}".getBytes(StandardCharsets.UTF_8)));
            requests.add(post(root, "ListClusters", "application/json", new byte[] {(byte) 0xFF, (byte) 0xFE, '{', '}'}));
            requests.add(post(root, "ListClusters", "application/x-amz-json-1.1", new byte[0]));
            requests.add(post(root, null, "application/x-amz-json-1.1", "{}".getBytes(StandardCharsets.UTF_8)));
            requests.add(post(root, "Bogus", "application/x-amz-json-1.1", "{}".getBytes(StandardCharsets.UTF_8)));
            requests.add(post(URI.create(mock.endpoint() + "/other"), "ListClusters", "application/x-amz-json-1.1",
                    "{}".getBytes(StandardCharsets.UTF_8)));
            requests.add(post(root, "CreateCluster", "application/x-amz-json-1.1",
                    ("{\"clusterName\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8)));

            List<String> problems = new ArrayList<>();
            for (HttpRequest request : requests) {
                HttpResponse<byte[]> response;
                try {
                    response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                } catch (IOException e) {
                    throw new IOException("No answer to " + request.method() + " " + request.uri() + " " + request.headers().map(), e);
                }
                String problem = problem(request.headers().firstValue("X-Amz-Target")
                        .map(target -> target.substring(target.indexOf('.') + 1)).orElse(null), response.statusCode(), response.body());
                if (problem == null && !response.headers().firstValue("Content-Type").orElse("").equals("application/x-amz-json-1.1")) {
                    problem = "content type " + response.headers().firstValue("Content-Type");
                }
                if (problem == null && response.headers().firstValue("x-amzn-RequestId").isEmpty()) {
                    problem = "no request id";
                }
                if (problem != null) {
                    problems.add(request.method() + " " + request.uri() + " -> " + response.statusCode() + " " + problem);
                }
                if (request.uri().getPath().equals("/") && request.method().equals("POST")
                        && request.bodyPublisher().orElseThrow().contentLength() > 1_000_000) {
                    assertThat(response.statusCode()).isEqualTo(413);
                }
            }
            assertThat(problems).isEmpty();
            assertThat(mock.view().clusters()).isEmpty();
        }
    }

    private static HttpRequest post(URI uri, String operation, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (operation != null) {
            request.header("X-Amz-Target", EcsProtocol.TARGET_PREFIX + operation);
        }
        return request.build();
    }

    /**
     * What is wrong with an answer, or null: a 5xx, a body that is not JSON, an error not in AWS's
     * envelope, or an error code the SDK's {@code EcsClient} does not declare for the operation (a
     * client catching the declared exceptions would miss it).
     */
    private String problem(String operation, int status, byte[] body) {
        if (status >= 500) {
            return "status " + status + ": " + new String(body, StandardCharsets.UTF_8);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.contains("\tat ") || text.contains("java.") || text.contains("io.github")) {
            return "internal detail in the answer: " + text;
        }
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "not a JSON object: " + text;
            }
            if (status == 200) {
                parser.skipChildren();
                return parser.nextToken() == null ? null : "trailing content: " + text;
            }
            Map<String, String> fields = new TreeMap<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String name = parser.currentName();
                if (parser.nextToken() != JsonToken.VALUE_STRING) {
                    return "error member " + name + " is not a string: " + text;
                }
                fields.put(name, parser.getText());
            }
            if (!fields.keySet().equals(Set.of("__type", "message"))) {
                return "not an AWS error envelope: " + text;
            }
            String code = fields.get("__type");
            if (!PROTOCOL_ERRORS.contains(code) && !declaredErrors(operation).contains(code)) {
                return "an error " + operation + " does not declare: " + text;
            }
            return null;
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /** The simple names of the exceptions {@code EcsClient} declares for an operation, empty for an unknown one. */
    private static Set<String> declaredErrors(String operation) {
        if (operation == null) {
            return Set.of();
        }
        String method = Character.toLowerCase(operation.charAt(0)) + operation.substring(1);
        return Arrays.stream(EcsClient.class.getMethods())
                .filter(candidate -> candidate.getName().equals(method) && candidate.getParameterCount() == 1
                        && SdkRequest.class.isAssignableFrom(candidate.getParameterTypes()[0]))
                .flatMap(candidate -> Arrays.stream(candidate.getExceptionTypes()))
                .map(Class::getSimpleName)
                .collect(Collectors.toSet());
    }

    /** Something to hit: clusters, definitions, a service and tasks under the names the fuzzer draws from. */
    private static void seedState(EcsProtocol protocol) {
        String[][] calls = {
                {"CreateCluster", "{\"clusterName\":\"dev\",\"capacityProviders\":[\"FARGATE\",\"FARGATE_SPOT\"]}"},
                {"CreateCluster", "{}"},
                {"CreateCapacityProvider", "{\"name\":\"asg-provider\",\"autoScalingGroupProvider\":{\"autoScalingGroupArn\":"
                        + "\"web-asg\",\"managedScaling\":{\"status\":\"ENABLED\"}}}"},
                {"CreateCapacityProvider", "{\"name\":\"spare-provider\",\"autoScalingGroupProvider\":{\"autoScalingGroupArn\":"
                        + "\"spare-asg\"}}"},
                {"PutClusterCapacityProviders", "{\"cluster\":\"default\",\"capacityProviders\":[\"asg-provider\"],"
                        + "\"defaultCapacityProviderStrategy\":[{\"capacityProvider\":\"asg-provider\",\"weight\":1}]}"},
                {"CreateCluster", "{\"clusterName\":\"mesh\",\"serviceConnectDefaults\":{\"namespace\":\"internal\"}}"},
                {"RegisterTaskDefinition", "{\"family\":\"web\",\"networkMode\":\"awsvpc\",\"requiresCompatibilities\":[\"FARGATE\"],"
                        + "\"cpu\":\"256\",\"memory\":\"512\",\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"nginx\"}]}"},
                {"RegisterTaskDefinition", "{\"family\":\"web\",\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"nginx\",\"memory\":64}]}"},
                {"CreateService", "{\"cluster\":\"dev\",\"serviceName\":\"web\",\"taskDefinition\":\"web:1\",\"desiredCount\":2,"
                        + "\"launchType\":\"FARGATE\",\"networkConfiguration\":{\"awsvpcConfiguration\":{\"subnets\":[\"subnet-1\"]}}}"},
                {"RunTask", "{\"cluster\":\"dev\",\"taskDefinition\":\"web:1\",\"count\":3,\"launchType\":\"FARGATE\","
                        + "\"enableExecuteCommand\":true,\"networkConfiguration\":{\"awsvpcConfiguration\":{\"subnets\":[\"subnet-1\"]}}}"},
                {"PutAccountSetting", "{\"name\":\"containerInsights\",\"value\":\"enabled\","
                        + "\"principalArn\":\"arn:aws:iam::123456789012:user/alice\"}"},
                {"PutAccountSettingDefault", "{\"name\":\"awsvpcTrunking\",\"value\":\"enabled\"}"},
                {"CreateService", "{\"cluster\":\"mesh\",\"serviceName\":\"api\",\"taskDefinition\":\"web:1\",\"desiredCount\":1,"
                        + "\"launchType\":\"FARGATE\",\"serviceConnectConfiguration\":{\"enabled\":true},"
                        + "\"networkConfiguration\":{\"awsvpcConfiguration\":{\"subnets\":[\"subnet-1\"]}}}"}};
        for (String[] call : calls) {
            ProtocolResponse response = protocol.handle(ProtocolRequest.post(EcsProtocol.TARGET_PREFIX + call[0], null,
                    call[1].getBytes(StandardCharsets.UTF_8)));
            assertThat(response.status()).as(call[0]).isEqualTo(200);
        }
    }
}
