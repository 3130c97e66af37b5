package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;
import software.amazon.awssdk.http.async.SdkHttpContentPublisher;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;

/**
 * The in-memory clients' response bodies. The async client's keeps the reactive-streams rules whatever
 * its subscriber asks: one terminal signal at most (1.7), nothing after a cancel (3.6), an error for a
 * request of zero (3.9). The sync client's is read from the array the answer was written in, which goes
 * back to the mock when the stream is closed: an answer not yet read stays as it was whatever else the
 * mock answers meanwhile, and a closed stream reads as ended. The SDK's own readers never try these;
 * another reader, or an interceptor that calls the mock before the SDK reads, may.
 */
class InMemoryResponseStreamTest {

    @Test
    void aSyncAnswerNotYetReadStaysAsItWasWhileTheMockAnswersOtherCalls() throws IOException {
        try (EcsMock mock = EcsMock.builder().build(); EcsClient client = mock.newClient(Transport.IN_MEMORY)) {
            client.createCluster(r -> r.clusterName("first"));
            client.createCluster(r -> r.clusterName("second"));
            SdkHttpClient http = mock.inMemoryHttpClient();

            HttpExecuteResponse unread = call(http, "DescribeClusters", "{\"clusters\":[\"first\"]}");
            for (int i = 0; i < 3; i++) {
                try (InputStream other = call(http, "DescribeClusters", "{\"clusters\":[\"second\"]}").responseBody().orElseThrow()) {
                    assertThat(new String(other.readAllBytes(), StandardCharsets.UTF_8)).contains("cluster/second").doesNotContain("cluster/first");
                }
            }

            String first = new String(unread.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(first).startsWith("{\"clusters\":[{\"clusterArn\":\"arn:aws:ecs:us-east-1:123456789012:cluster/first\"")
                    .doesNotContain("second").endsWith("\"failures\":[]}");
            assertThat(unread.httpResponse().firstMatchingHeader("Content-Length")).contains(String.valueOf(first.length()));
        }
    }

    @Test
    void aClosedSyncAnswerReadsAsEnded() throws IOException {
        try (EcsMock mock = EcsMock.builder().build()) {
            InputStream body = call(mock.inMemoryHttpClient(), "ListClusters", "{}").responseBody().orElseThrow();
            assertThat(body.read()).isEqualTo('{');

            body.close();

            assertThat(body.read()).isEqualTo(-1);
            assertThat(body.readAllBytes()).isEmpty();
        }
    }

    @Test
    void anInterceptorThatCallsTheMockBeforeTheSdkReadsLeavesTheAnswerIntact() {
        try (EcsMock mock = EcsMock.builder().build(); EcsClient helper = mock.newClient(Transport.IN_MEMORY)) {
            helper.createCluster(r -> r.clusterName("app"));
            helper.createCluster(r -> r.clusterName("other"));
            List<String> seenMeanwhile = new CopyOnWriteArrayList<>();
            ExecutionInterceptor callsAgain = new ExecutionInterceptor() {
                @Override
                public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
                    if (context.request() instanceof DescribeClustersRequest describe && describe.clusters().contains("app")) {
                        seenMeanwhile.add(helper.describeClusters(r -> r.clusters("other")).clusters().get(0).clusterName());
                    }
                }
            };
            try (EcsClient client = EcsClient.builder().httpClient(mock.inMemoryHttpClient()).endpointOverride(mock.endpoint())
                    .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .overrideConfiguration(c -> c.addExecutionInterceptor(callsAgain)).build()) {
                List<Cluster> clusters = client.describeClusters(r -> r.clusters("app")).clusters();

                assertThat(seenMeanwhile).containsExactly("other");
                assertThat(clusters).extracting(Cluster::clusterName, Cluster::clusterArn)
                        .containsExactly(tuple("app", "arn:aws:ecs:us-east-1:123456789012:cluster/app"));
            }
        }
    }

    /** One call through the sync in-memory HTTP client, its body left unread. */
    private static HttpExecuteResponse call(SdkHttpClient http, String operation, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).protocol("http").host("localhost")
                .encodedPath("/").putHeader("X-Amz-Target", "AmazonEC2ContainerServiceV20141113." + operation)
                .putHeader("Content-Length", String.valueOf(body.length)).build();
        return http.prepareRequest(HttpExecuteRequest.builder().request(request)
                .contentStreamProvider(() -> new ByteArrayInputStream(body)).build()).call();
    }

    @Test
    void aBadRequestEndsTheStreamWithOneErrorAndNothingAfter() {
        assertThat(signals(subscription -> {
            subscription.request(0);
            subscription.request(1);
        })).containsExactly("error");
    }

    @Test
    void aRequestAfterCompletionSendsNothing() {
        assertThat(signals(subscription -> {
            subscription.request(1);
            subscription.request(0);
            subscription.request(1);
        })).containsExactly("next", "complete");
    }

    @Test
    void nothingComesAfterACancel() {
        assertThat(signals(subscription -> {
            subscription.cancel();
            subscription.request(-1);
            subscription.request(1);
        })).isEmpty();
    }

    /** A request body of one buffer, sent on the first request. */
    private static SdkHttpContentPublisher oneShot(byte[] body) {
        return new SdkHttpContentPublisher() {
            @Override
            public Optional<Long> contentLength() {
                return Optional.of((long) body.length);
            }

            @Override
            public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
                subscriber.onSubscribe(new Subscription() {
                    private boolean sent;

                    @Override
                    public void request(long n) {
                        if (!sent) {
                            sent = true;
                            subscriber.onNext(ByteBuffer.wrap(body));
                            subscriber.onComplete();
                        }
                    }

                    @Override
                    public void cancel() {
                        sent = true;
                    }
                });
            }
        };
    }

    /** The signals a subscriber doing {@code asks} on the body of a ListClusters answer receives. */
    private static List<String> signals(Consumer<Subscription> asks) {
        List<String> signals = new CopyOnWriteArrayList<>();
        try (EcsMock mock = EcsMock.builder().build()) {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).protocol("http").host("localhost")
                    .encodedPath("/").putHeader("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters")
                    .putHeader("Content-Length", String.valueOf(body.length)).build();
            mock.inMemoryAsyncHttpClient().execute(AsyncExecuteRequest.builder().request(request)
                    .requestContentPublisher(oneShot(body))
                    .responseHandler(new SdkAsyncHttpResponseHandler() {
                        @Override
                        public void onHeaders(SdkHttpResponse headers) {
                        }

                        @Override
                        public void onStream(Publisher<ByteBuffer> stream) {
                            stream.subscribe(new Subscriber<>() {
                                @Override
                                public void onSubscribe(Subscription subscription) {
                                    asks.accept(subscription);
                                }

                                @Override
                                public void onNext(ByteBuffer buffer) {
                                    signals.add("next");
                                }

                                @Override
                                public void onError(Throwable error) {
                                    signals.add("error");
                                }

                                @Override
                                public void onComplete() {
                                    signals.add("complete");
                                }
                            });
                        }

                        @Override
                        public void onError(Throwable error) {
                            signals.add("handler error");
                        }
                    }).build()).join();
        }
        return signals;
    }
}
