package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * The handle over HTTP under {@code /_ecsmock/}, as a test in another language would use it against
 * the standalone server: plain JSON in and out, errors in the AWS envelope.
 */
class ControlApiTest extends EcsApiTest {
    private static final String PREFIX = "arn:aws:ecs:us-east-1:123456789012:";
    private static final String SUBNET = "subnet-0123456789abcdef0";

    private HttpClient http;
    private EcsClient notRetrying;

    @BeforeAll
    void clients() {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        notRetrying = TestClients.notRetrying(mock);
    }

    @AfterAll
    void closeClients() {
        notRetrying.close();
    }

    @BeforeEach
    void clusterAndDefinition() {
        ecs.createCluster(r -> r.clusterName("prod"));
        ecs.registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx:latest")));
    }

    private RunTaskResponse runTasks(int count) {
        return ecs.runTask(r -> r.cluster("prod").taskDefinition("web").launchType(LaunchType.FARGATE).count(count)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(SUBNET))));
    }

    // ---------------------------------------------------------------- reset, state, journal

    @Test
    void resetForgetsTheStateTheJournalAndTheFaults() {
        mock.failNext("ListClusters").always().withError("ClientException", "Not now.");

        Answer answer = post("/reset", "");

        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.json).isEqualTo(Map.of("reset", true));
        assertThat(mock.journal().all()).isEmpty();
        assertThat(ecs.listClusters(r -> { }).clusterArns()).isEmpty();
    }

    @Test
    void stateShowsWhatTheMockHoldsAsEcsShowsIt() {
        Task task = runTasks(1).tasks().get(0);
        ecs.createService(r -> r.cluster("prod").serviceName("api").taskDefinition("web").desiredCount(1)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(SUBNET))));

        Answer answer = get("/state");

        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.json.get("account")).isEqualTo("123456789012");
        assertThat(answer.json.get("region")).isEqualTo("us-east-1");
        assertThat(answer.json.get("now")).isEqualTo(epochSeconds(mock.clock().now()));
        assertThat(answer.list("clusters")).singleElement().satisfies(cluster -> {
            assertThat(cluster.get("clusterArn")).isEqualTo(PREFIX + "cluster/prod");
            assertThat(cluster.get("status")).isEqualTo("ACTIVE");
        });
        assertThat(answer.list("taskDefinitions")).singleElement()
                .satisfies(definition -> assertThat(definition.get("taskDefinitionArn")).isEqualTo(PREFIX + "task-definition/web:1"));
        assertThat(answer.list("services")).singleElement().satisfies(service -> {
            assertThat(service.get("serviceName")).isEqualTo("api");
            assertThat(service.get("runningCount")).isEqualTo(new BigDecimal(1));
        });
        assertThat(answer.list("tasks")).hasSize(2).anySatisfy(shown -> {
            assertThat(shown.get("taskArn")).isEqualTo(task.taskArn());
            assertThat(shown.get("lastStatus")).isEqualTo("RUNNING");
            assertThat(shown.get("createdAt")).isEqualTo(epochSeconds(task.createdAt()));
        });
    }

    @Test
    void stateOfAnotherAccountAndRegion() {
        try (EcsClient other = mock.newClient("eu-west-1", "111122223333", Transport.IN_MEMORY)) {
            other.createCluster(r -> r.clusterName("dev"));
        }

        Answer answer = get("/state?account=111122223333&region=eu-west-1");

        assertThat(answer.json.get("account")).isEqualTo("111122223333");
        assertThat(answer.json.get("region")).isEqualTo("eu-west-1");
        assertThat(answer.list("clusters")).extracting(cluster -> cluster.get("clusterArn"))
                .containsExactly("arn:aws:ecs:eu-west-1:111122223333:cluster/dev");
        assertThat(answer.list("taskDefinitions")).isEmpty();
    }

    @Test
    void emptyAccountAndRegionParametersMeanTheDefaults() {
        ecs.createCluster(r -> r.clusterName("home"));

        Answer answer = get("/state?account=&region=");

        assertThat(answer.json.get("account")).isEqualTo("123456789012");
        assertThat(answer.json.get("region")).isEqualTo("us-east-1");
        assertThat(answer.list("clusters")).extracting(cluster -> cluster.get("clusterArn")).contains(PREFIX + "cluster/home");
    }

    @Test
    void journalListsTheRequestsWithWhatTheyAnswered() {
        catchThrowableOfType(EcsException.class, () -> ecs.describeServices(r -> r.cluster("nowhere").services("web")));

        Answer answer = get("/journal");

        assertThat(answer.json.get("dropped")).isEqualTo(BigDecimal.ZERO);
        List<Map<String, Object>> requests = answer.list("requests");
        assertThat(requests).extracting(r -> r.get("operation"))
                .containsExactly("CreateCluster", "RegisterTaskDefinition", "DescribeServices");
        Map<String, Object> first = requests.get(0);
        assertThat(first.get("account")).isEqualTo("123456789012");
        assertThat(first.get("region")).isEqualTo("us-east-1");
        assertThat(first.get("status")).isEqualTo(new BigDecimal(200));
        assertThat(first.get("errorCode")).isNull();
        assertThat(first.get("request")).isEqualTo(Map.of("clusterName", "prod"));
        assertThat(first.get("requestId")).isEqualTo(mock.journal().all().get(0).requestId());
        assertThat(first.get("at")).isEqualTo(epochSeconds(mock.clock().now()));
        Map<String, Object> failed = requests.get(2);
        assertThat(failed.get("status")).isEqualTo(new BigDecimal(400));
        assertThat(failed.get("errorCode")).isEqualTo("ClusterNotFoundException");
    }

    @Test
    void journalFiltersByOperationAndDoesNotRecordTheControls() {
        ecs.createCluster(r -> r.clusterName("staging"));
        get("/state");

        Answer answer = get("/journal?operation=CreateCluster");

        assertThat(answer.list("requests")).extracting(r -> (Object) ((Map<?, ?>) r.get("request")).get("clusterName"))
                .containsExactly("prod", "staging");
        assertThat(mock.journal().all()).extracting(RecordedRequest::operation)
                .containsExactly("CreateCluster", "RegisterTaskDefinition", "CreateCluster");
    }

    @Test
    void deletingTheJournalClearsIt() {
        Answer answer = send("DELETE", "/journal", null);

        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.json).isEqualTo(Map.of("cleared", true));
        assertThat(mock.journal().all()).isEmpty();
        assertThat(get("/journal").list("requests")).isEmpty();
    }

    // ---------------------------------------------------------------- clock

    @Test
    void clockShowsAndAdvancesTheMockTime() {
        Instant start = mock.clock().now();

        assertThat(get("/clock").json.get("now")).isEqualTo(epochSeconds(start));
        Answer advanced = post("/clock/advance", "{\"seconds\": 90}");
        assertThat(advanced.json.get("now")).isEqualTo(epochSeconds(start.plusSeconds(90)));
        post("/clock/advance", "{\"seconds\": 1.5}");

        assertThat(mock.clock().now()).isEqualTo(start.plusMillis(91_500));
        assertThat(get("/clock").json.get("now")).isEqualTo(epochSeconds(start.plusMillis(91_500)));
    }

    @Test
    void advancingTheClockMovesWhatIsScheduledOnIt() {
        ecs.deleteCluster(r -> r.cluster("prod"));

        post("/clock/advance", "{\"seconds\": 3600}");

        assertThat(ecs.describeClusters(r -> r.clusters("prod")).failures())
                .singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
    }

    @Test
    void theClockOnlyMovesForwardByANumberOfSeconds() {
        Instant start = mock.clock().now();

        assertError(post("/clock/advance", "{}"), 400, "InvalidParameterException", "seconds must be a number.");
        assertError(post("/clock/advance", "{\"seconds\": \"90\"}"), 400, "InvalidParameterException", "seconds must be a number.");
        Answer backwards = post("/clock/advance", "{\"seconds\": -1}");
        assertThat(backwards.status).isEqualTo(400);
        assertThat(backwards.json.get("__type")).isEqualTo("InvalidParameterException");

        assertThat(mock.clock().now()).isEqualTo(start);
    }

    @Test
    void anAdvanceBeyondWhatAnInstantHoldsIsRefusedAndLeavesTheClockAlone() {
        Instant start = mock.clock().now();

        Answer answer = post("/clock/advance", "{\"seconds\": 1e300}");

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.json.get("__type")).isEqualTo("InvalidParameterException");
        assertThat(mock.clock().now()).isEqualTo(start);
        assertThat(get("/clock").json.get("now")).isEqualTo(epochSeconds(start));
    }

    // ---------------------------------------------------------------- faults

    @Test
    void errorsCanBeInjectedForTheNextCalls() {
        Answer answer = post("/faults/errors",
                "{\"operation\":\"ListClusters\",\"times\":2,\"code\":\"ThrottlingException\",\"status\":400,\"message\":\"Rate exceeded\"}");

        assertThat(answer.status).isEqualTo(200);
        for (int i = 0; i < 2; i++) {
            EcsException error = catchThrowableOfType(EcsException.class, () -> notRetrying.listClusters(r -> { }));
            assertThat(error.isThrottlingException()).isTrue();
            assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
        }
        assertThat(notRetrying.listClusters(r -> { }).clusterArns()).containsExactly(PREFIX + "cluster/prod");
    }

    @Test
    void anInjectedErrorDefaultsToOneCallStatus400AndTheCodeAsMessage() {
        post("/faults/errors", "{\"operation\":\"ListClusters\",\"code\":\"ClientException\"}");

        ClientException error = catchThrowableOfType(ClientException.class, () -> notRetrying.listClusters(r -> { }));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("ClientException");
        assertThat(notRetrying.listClusters(r -> { }).clusterArns()).hasSize(1);
    }

    @Test
    void aFaultForAMisspeltOperationIsRefused() {
        Answer answer = post("/faults/errors", "{\"operation\":\"ListClusterz\",\"code\":\"ClientException\"}");

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.json.toString()).contains("No ECS operation is called ListClusterz");
        assertThat(notRetrying.listClusters(r -> { }).clusterArns()).hasSize(1);
    }

    @Test
    void alwaysFailsUntilTheFaultsAreDeleted() {
        post("/faults/errors", "{\"operation\":\"ListClusters\",\"always\":true,\"code\":\"ClientException\",\"message\":\"No.\"}");
        for (int i = 0; i < 3; i++) {
            catchThrowableOfType(ClientException.class, () -> notRetrying.listClusters(r -> { }));
        }

        Answer cleared = send("DELETE", "/faults", null);

        assertThat(cleared.json).isEqualTo(Map.of("cleared", true));
        assertThat(notRetrying.listClusters(r -> { }).clusterArns()).hasSize(1);
        assertThat(mock.journal().find(r -> !r.succeeded())).hasSize(3);
    }

    @Test
    void delaysAdvanceTheClockWhenTheCallIsAnswered() {
        Instant start = mock.clock().now();

        post("/faults/delays", "{\"operation\":\"ListClusters\",\"times\":2,\"seconds\":30}");
        for (int i = 0; i < 3; i++) {
            ecs.listClusters(r -> { });
        }

        assertThat(mock.clock().now()).isEqualTo(start.plusSeconds(60));
    }

    @Test
    void placementFailuresCutRunTaskShort() {
        post("/faults/placement", "{\"placing\":1,\"reason\":\"RESOURCE:CPU\"}");
        RunTaskResponse cut = runTasks(2);
        post("/faults/placement", "{}");
        RunTaskResponse none = runTasks(2);

        assertThat(cut.tasks()).hasSize(1);
        assertThat(cut.failures()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo("RESOURCE:CPU");
            assertThat(f.arn()).isEqualTo(PREFIX + "cluster/prod");
        });
        assertThat(none.tasks()).isEmpty();
        assertThat(none.failures()).extracting(f -> f.reason()).containsExactly("RESOURCE:MEMORY", "RESOURCE:MEMORY");
    }

    @Test
    void tasksOfATaskDefinitionCanBeMadeToFailToStart() {
        post("/faults/task-definitions", "{\"taskDefinition\":\"web\",\"reason\":\"CannotPullContainerError: denied\"}");

        Task failed = runTasks(1).tasks().get(0);

        assertThat(failed.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(failed.stoppedReason()).isEqualTo("CannotPullContainerError: denied");
        send("DELETE", "/faults", null);
        post("/faults/task-definitions", "{\"taskDefinition\":\"web:1\"}");
        assertThat(runTasks(1).tasks().get(0).stoppedReason()).startsWith("CannotPullContainerError: pull image manifest");
    }

    // ---------------------------------------------------------------- steering tasks

    @Test
    void exitStopsATaskAsItsEssentialContainerExitedAndAnswersWithTheTask() {
        Task task = runTasks(1).tasks().get(0);

        Answer answer = post("/tasks/exit", "{\"cluster\":\"prod\",\"task\":\"" + task.taskArn()
                + "\",\"exitCode\":137,\"reason\":\"OutOfMemoryError: Container killed due to memory usage\"}");

        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.json.get("taskArn")).isEqualTo(task.taskArn());
        assertThat(answer.json.get("stopCode")).isEqualTo("EssentialContainerExited");
        assertThat(answer.json.get("stoppedReason")).isEqualTo("Essential container in task exited");
        Task described = ecs.describeTasks(r -> r.cluster("prod").tasks(task.taskArn())).tasks().get(0);
        assertThat(described.containers().get(0).exitCode()).isEqualTo(137);
        assertThat(described.containers().get(0).reason()).isEqualTo("OutOfMemoryError: Container killed due to memory usage");
    }

    @Test
    void interruptAndLoseStopTasksAsSpotAndALostHostDo() {
        List<Task> tasks = runTasks(2).tasks();

        Answer interrupted = post("/tasks/interrupt", "{\"cluster\":\"prod\",\"task\":\"" + tasks.get(0).taskArn() + "\"}");
        Answer lost = post("/tasks/lose", "{\"cluster\":\"prod\",\"task\":\"" + tasks.get(1).taskArn() + "\"}");

        assertThat(interrupted.json.get("stopCode")).isEqualTo("SpotInterruption");
        assertThat(interrupted.json.get("stoppedReason")).isEqualTo("Your Spot Task was interrupted.");
        assertThat(lost.json.get("stopCode")).isEqualTo("TerminationNotice");
        assertThat(ecs.listTasks(r -> r.cluster("prod")).taskArns()).isEmpty();
    }

    // ---------------------------------------------------------------- what the controls refuse

    @Test
    void aMissingMemberIsAnInvalidParameter() {
        assertError(post("/faults/errors", "{\"code\":\"ClientException\"}"), 400, "InvalidParameterException",
                "operation must be a non-empty string.");
        assertError(post("/tasks/exit", "{\"cluster\":\"prod\",\"task\":\"abc\"}"), 400, "InvalidParameterException",
                "exitCode must be a number.");
        assertError(post("/faults/task-definitions", "{\"taskDefinition\":\"\"}"), 400, "InvalidParameterException",
                "taskDefinition must be a non-empty string.");
        assertError(post("/faults/errors", "{\"operation\":\"ListClusters\",\"code\":\"ClientException\",\"times\":0}"), 400,
                "InvalidParameterException", "times must be at least 1.");
        assertThat(notRetrying.listClusters(r -> { }).clusterArns()).hasSize(1);
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefused() {
        assertError(post("/clock/advance", "[90]"), 400, "InvalidParameterException", "The body must be a JSON object.");
        Answer notJson = post("/clock/advance", "{seconds: 90");
        assertThat(notJson.status).isEqualTo(400);
        assertThat(notJson.json.get("__type")).isEqualTo("InvalidParameterException");
    }

    @Test
    void steeringATaskThatIsNotThereOrHasStoppedIsRefused() {
        Task task = runTasks(1).tasks().get(0);
        ecs.stopTask(r -> r.cluster("prod").task(task.taskArn()));

        assertError(post("/tasks/lose", "{\"cluster\":\"prod\",\"task\":\"0123456789abcdef0123456789abcdef\"}"), 400,
                "InvalidParameterException", "No task 0123456789abcdef0123456789abcdef in cluster prod");
        assertError(post("/tasks/interrupt", "{\"cluster\":\"prod\",\"task\":\"" + task.taskArn() + "\"}"), 400,
                "InvalidParameterException", "Task " + task.taskArn() + " is already stopped");
    }

    @Test
    void anUnknownControlIsAnAwsError() {
        // No body: an answer that leaves a request body unread may close the connection this client reuses.
        Answer answer = get("/faults/everything");

        assertThat(answer.status).isEqualTo(404);
        assertThat(answer.json.get("__type")).isEqualTo("UnknownOperationException");
    }

    // ---------------------------------------------------------------- HTTP and JSON

    private static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    private static void assertError(Answer answer, int status, String type, String message) {
        assertThat(answer.status).as(answer.body).isEqualTo(status);
        assertThat(answer.json.get("__type")).isEqualTo(type);
        assertThat(answer.json.get("message")).isEqualTo(message);
    }

    private Answer get(String path) {
        return send("GET", path, null);
    }

    private Answer post(String path, String body) {
        return send("POST", path, body);
    }

    private Answer send(String method, String path, String body) {
        URI uri = URI.create(mock.endpoint() + "/_ecsmock" + path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response, response.body(), parseObject(response.body()));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** One answer with its body parsed: objects as maps, arrays as lists, numbers as BigDecimal. */
    record Answer(int status, HttpResponse<String> response, String body, Map<String, Object> json) {
        String contentType() {
            return response.headers().firstValue("Content-Type").map(v -> v.split(";")[0].trim()).orElse(null);
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list(String member) {
            return (List<Map<String, Object>>) json.get(member);
        }
    }

    private static final JsonFactory JSON = new JsonFactory();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseObject(String body) {
        try (JsonParser parser = JSON.createParser(body)) {
            assertThat(parser.nextToken()).as("a JSON object: %s", body).isEqualTo(JsonToken.START_OBJECT);
            Map<String, Object> object = (Map<String, Object>) value(parser);
            assertThat(parser.nextToken()).as("one JSON value only").isNull();
            return object;
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + body, e);
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
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT: return new BigDecimal(parser.getText());
            case VALUE_TRUE: return Boolean.TRUE;
            case VALUE_FALSE: return Boolean.FALSE;
            case VALUE_NULL: return null;
            default: throw new AssertionError("Unexpected JSON token " + token);
        }
    }
}
