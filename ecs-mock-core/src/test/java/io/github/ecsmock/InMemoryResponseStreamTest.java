package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;

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
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;
import software.amazon.awssdk.http.async.SdkHttpContentPublisher;

/**
 * The in-memory async client's response body keeps the reactive-streams rules whatever its subscriber
 * asks: one terminal signal at most (1.7), nothing after a cancel (3.6), an error for a request of zero
 * (3.9). The SDK's own subscribers never try these; another subscriber may.
 */
class InMemoryResponseStreamTest {

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
