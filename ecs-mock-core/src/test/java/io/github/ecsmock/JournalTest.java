package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateClusterResponse;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;

/** {@code mock.journal()}: every request the mock answered, with what it answered, for a test to check. */
class JournalTest extends EcsApiTest {
    private static final String SUBNET = "subnet-0123456789abcdef0";

    @BeforeEach
    void clusterAndDefinition() {
        ecs.createCluster(r -> r.clusterName("prod"));
        ecs.registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx:latest")));
    }

    private void runTask(int count) {
        ecs.runTask(r -> r.cluster("prod").taskDefinition("web").launchType(LaunchType.FARGATE).count(count)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(SUBNET))));
    }

    @Test
    void recordsEveryRequestOldestFirstWithWhatItAnswered() {
        runTask(2);

        List<RecordedRequest> all = mock.journal().all();

        assertThat(all).extracting(RecordedRequest::operation)
                .containsExactly("CreateCluster", "RegisterTaskDefinition", "RunTask");
        assertThat(all).allSatisfy(request -> {
            assertThat(request.account()).isEqualTo("123456789012");
            assertThat(request.region()).isEqualTo("us-east-1");
            assertThat(request.status()).isEqualTo(200);
            assertThat(request.errorCode()).isNull();
            assertThat(request.succeeded()).isTrue();
            assertThat(request.at()).isEqualTo(mock.clock().now());
        });
        assertThat(mock.journal().count()).isEqualTo(3);
    }

    @Test
    void keepsTheRequestAsTheSdkModelObjectAndTheBodyAsSent() {
        runTask(3);

        RecordedRequest recorded = mock.journal().last("RunTask").orElseThrow();

        RunTaskRequest request = recorded.requestAs(RunTaskRequest.class).orElseThrow();
        assertThat(request.cluster()).isEqualTo("prod");
        assertThat(request.taskDefinition()).isEqualTo("web");
        assertThat(request.count()).isEqualTo(3);
        assertThat(request.networkConfiguration().awsvpcConfiguration().subnets()).containsExactly(SUBNET);
        assertThat(recorded.requestAs(CreateClusterRequest.class)).isEmpty();
        assertThat(recorded.body()).contains("\"cluster\":\"prod\"", "\"count\":3");
    }

    @Test
    void findsRequestsByOperationTypeAndCondition() {
        ecs.createCluster(r -> r.clusterName("staging"));
        runTask(1);
        runTask(2);

        assertThat(mock.journal().count("CreateCluster")).isEqualTo(2);
        assertThat(mock.journal().count("DeleteCluster")).isZero();
        assertThat(mock.journal().requests(CreateClusterRequest.class)).extracting(CreateClusterRequest::clusterName)
                .containsExactly("prod", "staging");
        assertThat(mock.journal().requests(RunTaskRequest.class)).extracting(RunTaskRequest::count).containsExactly(1, 2);
        assertThat(mock.journal().of("RunTask")).hasSize(2);
        assertThat(mock.journal().find(r -> r.body().contains("staging")))
                .singleElement().extracting(RecordedRequest::operation).isEqualTo("CreateCluster");
        assertThat(mock.journal().last("RunTask").flatMap(r -> r.requestAs(RunTaskRequest.class)))
                .hasValueSatisfying(r -> assertThat(r.count()).isEqualTo(2));
        assertThat(mock.journal().last("StopTask")).isEmpty();
    }

    /** A count of a name no request can have would be 0 whatever the code did, and prove nothing. */
    @Test
    void anOperationNameThatNoRequestCanHaveIsRefused() {
        runTask(1);

        assertThatThrownBy(() -> mock.journal().count("runTask"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No ECS operation is called runTask (did you mean RunTask?); operations are named as in "
                        + "X-Amz-Target, e.g. RunTask or DescribeServices.");
        assertThatThrownBy(() -> mock.journal().of("RunTasks")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mock.journal().last("StartTasks")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRequestIdIsTheOneTheClientSaw() {
        CreateClusterResponse response = ecs.createCluster(r -> r.clusterName("staging"));

        assertThat(mock.journal().last("CreateCluster").orElseThrow().requestId())
                .isNotBlank()
                .isEqualTo(response.responseMetadata().requestId());
    }

    @Test
    void aRefusedRequestIsRecordedWithItsErrorCodeAndStatus() {
        ClusterNotFoundException error = catchThrowableOfType(ClusterNotFoundException.class,
                () -> ecs.runTask(r -> r.cluster("nowhere").taskDefinition("web")));

        RecordedRequest recorded = mock.journal().last("RunTask").orElseThrow();
        assertThat(recorded.succeeded()).isFalse();
        assertThat(recorded.status()).isEqualTo(400);
        assertThat(recorded.errorCode()).isEqualTo("ClusterNotFoundException");
        assertThat(recorded.requestId()).isEqualTo(error.requestId());
        assertThat(recorded.requestAs(RunTaskRequest.class)).hasValueSatisfying(r -> assertThat(r.cluster()).isEqualTo("nowhere"));
        assertThat(mock.journal().find(r -> !r.succeeded())).containsExactly(recorded);
    }

    @Test
    void aBodyThatIsNotJsonIsRecordedAsSentWithoutARequestObject() throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(mock.endpoint())
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.CreateCluster")
                .POST(HttpRequest.BodyPublishers.ofString("not json")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        RecordedRequest recorded = mock.journal().last("CreateCluster").orElseThrow();
        assertThat(recorded.request()).isNull();
        assertThat(recorded.body()).isEqualTo("not json");
        assertThat(recorded.errorCode()).isEqualTo("SerializationException");
        assertThat(mock.journal().requests(CreateClusterRequest.class)).extracting(CreateClusterRequest::clusterName)
                .containsExactly("prod");
    }

    @Test
    void eachRequestIsStampedWithTheMockClockAtItsAnswer() {
        Instant start = mock.clock().now();
        mock.clock().advance(Duration.ofSeconds(90));
        ecs.createCluster(r -> r.clusterName("later"));

        assertThat(mock.journal().of("CreateCluster")).extracting(RecordedRequest::at)
                .containsExactly(start, start.plusSeconds(90));
    }

    @Test
    void whatAllReturnsIsASnapshot() {
        List<RecordedRequest> before = mock.journal().all();

        ecs.listClusters(r -> { });

        assertThat(before).hasSize(2);
        assertThat(mock.journal().all()).hasSize(3);
        assertThatThrownBy(() -> before.clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void clearAndResetEmptyIt() {
        mock.journal().clear();
        assertThat(mock.journal().all()).isEmpty();

        ecs.listClusters(r -> { });
        assertThat(mock.journal().count()).isEqualTo(1);
        mock.reset();

        assertThat(mock.journal().all()).isEmpty();
        assertThat(mock.journal().count("ListClusters")).isZero();
    }

    @Test
    void keepsTheNewestRequestsUpToItsCapacityAndCountsTheDropped() {
        try (EcsMock small = EcsMock.builder().journalCapacity(3).build();
             EcsClient client = small.newClient(Transport.IN_MEMORY)) {
            for (int i = 1; i <= 5; i++) {
                String name = "c" + i;
                client.createCluster(r -> r.clusterName(name));
            }

            assertThat(small.journal().capacity()).isEqualTo(3);
            assertThat(small.journal().requests(CreateClusterRequest.class)).extracting(CreateClusterRequest::clusterName)
                    .containsExactly("c3", "c4", "c5");
            assertThat(small.journal().dropped()).isEqualTo(2);

            small.journal().clear();
            assertThat(small.journal().dropped()).isZero();
        }
    }

    @Test
    void aJournalKeepsAtLeastOneRequest() {
        assertThatThrownBy(() -> EcsMock.builder().journalCapacity(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The journal keeps at least one request: 0");
        assertThat(mock.journal().capacity()).isEqualTo(RequestJournal.DEFAULT_CAPACITY);
    }
}
