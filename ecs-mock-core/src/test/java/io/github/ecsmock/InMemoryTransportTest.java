package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ecs.EcsAsyncClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Clients that reach the mock without a socket: every SDK step still runs (marshalling, signing,
 * error unmarshalling, retries, paginators, waiters), whether or not the HTTP server is started, and
 * side by side with HTTP clients of the same mock.
 */
@Timeout(60)
class InMemoryTransportTest extends EcsApiTest {
    private static final String PREFIX = "arn:aws:ecs:us-east-1:123456789012:";

    @Test
    void aSyncClientWorksWithoutTheHttpServer() {
        try (EcsMock unstarted = EcsMock.builder().build(); EcsClient client = unstarted.newClient(Transport.IN_MEMORY)) {
            Cluster created = client.createCluster(r -> r.clusterName("dev")).cluster();

            assertThat(unstarted.isRunning()).isFalse();
            assertThat(created.clusterArn()).isEqualTo(PREFIX + "cluster/dev");
            assertThat(client.describeClusters(r -> r.clusters("dev")).clusters()).extracting(Cluster::status)
                    .containsExactly("ACTIVE");
            assertThat(unstarted.view().clusters()).hasSize(1);
            assertThat(unstarted.journal().all()).extracting(RecordedRequest::operation)
                    .containsExactly("CreateCluster", "DescribeClusters");
            assertThat(unstarted.isRunning()).as("no client has asked for an endpoint").isFalse();

            URI endpoint = unstarted.endpoint();
            assertThat(unstarted.isRunning()).as("asking for the endpoint starts the server").isTrue();
            try (EcsClient overHttp = unstarted.newClient(Transport.HTTP)) {
                assertThat(overHttp.serviceClientConfiguration().endpointOverride()).contains(endpoint);
                assertThat(overHttp.listClusters().clusterArns()).containsExactly(PREFIX + "cluster/dev");
            }
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedAsOverHttp() {
        String huge = "x".repeat(1_200_000);
        try (EcsMock mock = EcsMock.builder().build(); EcsClient client = mock.newClient(Transport.IN_MEMORY)) {
            EcsException error = catchThrowableOfType(EcsException.class, () -> client.registerTaskDefinition(r -> r.family("big")
                    .containerDefinitions(c -> c.name("app").image("nginx").memory(512).command(huge))));

            assertThat(error.statusCode()).isEqualTo(413);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLargeException");
            assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("The request body is larger than ecs-mock accepts (1000000 bytes).");
            assertThat(mock.view().taskDefinitions()).isEmpty();
        }
    }

    @Test
    void aClientBuilderTakesAnHttpClientOfItsOwnOnceItsBuilderIsCleared() {
        try (EcsMock mock = EcsMock.builder().build();
             EcsClient client = mock.clientBuilder(Transport.IN_MEMORY).httpClientBuilder(null).httpClient(mock.inMemoryHttpClient())
                     .build()) {
            assertThat(client.createCluster(r -> r.clusterName("own")).cluster().status()).isEqualTo("ACTIVE");
        }
    }

    @Test
    void aClosedMockStartsNoServerAgain() {
        EcsMock mock = EcsMock.builder().build();
        mock.endpoint();
        mock.close();

        assertThat(mock.isRunning()).isFalse();
        assertThatThrownBy(mock::endpoint).isInstanceOf(IllegalStateException.class).hasMessage("This mock is closed: build a new one.");
        assertThatThrownBy(mock::start).isInstanceOf(IllegalStateException.class);
        assertThat(mock.isRunning()).isFalse();
    }

    @Test
    void aClosedClientRefusesRequests() {
        try (EcsMock mock = EcsMock.builder().build()) {
            EcsClient sync = mock.newClient(Transport.IN_MEMORY);
            EcsAsyncClient async = mock.newAsyncClient(Transport.IN_MEMORY);
            sync.close();
            async.close();

            assertThatThrownBy(sync::listClusters).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("This in-memory ecs-mock HTTP client is closed: ");
            assertThatThrownBy(() -> async.listClusters().join()).hasRootCauseInstanceOf(IllegalStateException.class);
            assertThat(mock.journal().all()).isEmpty();
        }
    }

    @Test
    void errorsReachTheSyncClientAsTheirExceptionClass() {
        try (EcsMock unstarted = EcsMock.builder().build(); EcsClient client = unstarted.newClient(Transport.IN_MEMORY)) {
            ClusterNotFoundException error = catchThrowableOfType(ClusterNotFoundException.class,
                    () -> client.runTask(r -> r.cluster("nowhere").taskDefinition("web")));

            assertThat(error.statusCode()).isEqualTo(400);
            assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Cluster not found.");
            assertThat(error.requestId()).isEqualTo(unstarted.journal().last("RunTask").orElseThrow().requestId());
        }
    }

    @Test
    void anAsyncClientWorksWithoutTheHttpServer() {
        try (EcsMock unstarted = EcsMock.builder().build(); EcsAsyncClient client = unstarted.newAsyncClient(Transport.IN_MEMORY)) {
            client.createCluster(r -> r.clusterName("dev")).join();

            assertThat(client.listClusters(r -> { }).join().clusterArns()).containsExactly(PREFIX + "cluster/dev");
            CompletionException failed = catchThrowableOfType(CompletionException.class,
                    () -> client.describeServices(r -> r.cluster("nowhere").services("web")).join());
            assertThat(failed.getCause()).isInstanceOfSatisfying(ClusterNotFoundException.class,
                    e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cluster not found."));
        }
    }

    @Test
    void httpAndInMemoryClientsShareOneMockAtTheSameTime() {
        try (EcsClient inMemory = mock.newClient(Transport.IN_MEMORY);
             EcsAsyncClient asyncInMemory = mock.newAsyncClient(Transport.IN_MEMORY)) {
            inMemory.createCluster(r -> r.clusterName("from-memory"));
            ecs.createCluster(r -> r.clusterName("from-http"));
            asyncInMemory.createCluster(r -> r.clusterName("from-async")).join();

            List<String> expected = List.of(PREFIX + "cluster/from-memory", PREFIX + "cluster/from-http",
                    PREFIX + "cluster/from-async");
            assertThat(ecs.listClusters(r -> { }).clusterArns()).containsExactlyElementsOf(expected);
            assertThat(inMemory.listClusters(r -> { }).clusterArns()).containsExactlyElementsOf(expected);
            assertThat(mock.journal().count("CreateCluster")).isEqualTo(3);
        }
    }

    @Test
    void aClientBuiltByTheTestCanUseTheInMemoryHttpClient() {
        try (EcsClient client = EcsClient.builder()
                .httpClient(mock.inMemoryHttpClient())
                .endpointOverride(URI.create("https://ecs.eu-central-1.amazonaws.com"))
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .build()) {
            String arn = client.createCluster(r -> r.clusterName("dev")).cluster().clusterArn();

            assertThat(arn).isEqualTo("arn:aws:ecs:eu-central-1:123456789012:cluster/dev");
            assertThat(mock.view(EcsMock.DEFAULT_ACCOUNT, "eu-central-1").clusters()).hasSize(1);
            assertThat(mock.view().clusters()).isEmpty();
        }
    }

    @Test
    void paginatorsAndTheSdkWaiterWorkInMemory() {
        try (EcsClient client = mock.newClient(Transport.IN_MEMORY)) {
            for (int i = 1; i <= 5; i++) {
                String name = "c" + i;
                client.createCluster(r -> r.clusterName(name));
            }

            List<String> arns = client.listClustersPaginator(r -> r.maxResults(2)).clusterArns().stream().toList();

            assertThat(arns).hasSize(5).doesNotHaveDuplicates();
            assertThat(mock.journal().count("ListClusters")).isEqualTo(3);

            client.registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("app").image("nginx:latest")));
            Task task = client.runTask(r -> r.cluster("c1").taskDefinition("web").launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0123456789abcdef0"))))
                    .tasks().get(0);
            WaiterResponse<DescribeTasksResponse> waited =
                    client.waiter().waitUntilTasksRunning(r -> r.cluster("c1").tasks(task.taskArn()));
            assertThat(waited.attemptsExecuted()).isEqualTo(1);
        }
    }

    @Test
    void theAsyncClientRetriesThrottledCallsInMemory() {
        mock.failNext("ListClusters").times(2).withThrottling();
        try (EcsAsyncClient client = EcsAsyncClient.builder()
                .httpClient(mock.inMemoryAsyncHttpClient())
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .backoffStrategy(BackoffStrategy.retryImmediately())
                        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                        .maxAttempts(3).build()))
                .build()) {
            assertThat(client.listClusters(r -> { }).join().clusterArns()).isEmpty();
        }

        assertThat(mock.journal().of("ListClusters")).extracting(RecordedRequest::errorCode)
                .containsExactly("ThrottlingException", "ThrottlingException", null);
    }

    @Test
    void anInMemoryClientKeepsWorkingWhenTheServerStops() {
        try (EcsMock own = EcsMock.builder().build().start(); EcsClient client = own.newClient(Transport.IN_MEMORY)) {
            client.createCluster(r -> r.clusterName("before"));

            own.stop();

            client.createCluster(r -> r.clusterName("after"));
            assertThat(client.listClusters(r -> { }).clusterArns())
                    .containsExactly(PREFIX + "cluster/before", PREFIX + "cluster/after");
            try (EcsClient later = own.newClient(Transport.IN_MEMORY)) {
                assertThat(later.listClusters(r -> { }).clusterArns()).hasSize(2);
            }
        }
    }

    @Test
    void signaturesAreVerifiedInMemoryUnderStrictAuthentication() {
        try (EcsMock strict = EcsMock.builder().credentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY").build();
             EcsClient signed = strict.newClient(Transport.IN_MEMORY);
             EcsClient wrong = EcsClient.builder()
                     .httpClient(strict.inMemoryHttpClient())
                     .endpointOverride(URI.create("http://127.0.0.1:9"))
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(
                             AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "not-the-secret")))
                     .build()) {
            assertThat(signed.createCluster(r -> r.clusterName("dev")).cluster().status()).isEqualTo("ACTIVE");

            EcsException error = catchThrowableOfType(EcsException.class, () -> wrong.listClusters(r -> { }));

            assertThat(error.statusCode()).isEqualTo(403);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
        }
    }

    @Test
    void manyThreadsCanShareAnInMemoryClient() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (EcsClient client = mock.newClient(Transport.IN_MEMORY)) {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int t = thread;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        String name = "t" + t + "-" + i;
                        client.createCluster(r -> r.clusterName(name));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }

            List<String> expected = IntStream.range(0, 8).boxed()
                    .flatMap(t -> IntStream.range(0, 25).mapToObj(i -> "t" + t + "-" + i)).collect(Collectors.toList());
            assertThat(mock.view().clusters()).extracting(Cluster::clusterName).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(mock.journal().count("CreateCluster")).isEqualTo(200);
        } finally {
            threads.shutdownNow();
        }
    }
}
