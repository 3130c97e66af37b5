package io.github.ecsmock.internal.server;

import io.github.ecsmock.internal.protocol.EcsProtocol;
import io.github.ecsmock.internal.protocol.ProtocolRequest;
import io.github.ecsmock.internal.protocol.ProtocolResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The transport without a socket: HTTP clients for the SDK that hand each request straight to the
 * protocol. The SDK still marshals, signs, unmarshals, retries and waits as it would over the
 * network; only the bytes never leave the JVM.
 */
public final class InMemoryTransport {
    /**
     * The endpoint every in-memory client names, whether or not the mock's server runs, so that it does
     * not depend on what started first. It reaches nothing ({@code .invalid} never resolves): code that
     * takes an address from such a client, rather than from the mock's endpoint, fails plainly.
     */
    public static final URI ENDPOINT = URI.create("http://ecs-mock.invalid");

    private InMemoryTransport() {
    }

    /**
     * The synchronous client, for {@code EcsClient.builder().httpClient(...)}. Once closed it refuses
     * every request, as the SDK's own clients do: a client used after its test class ended is a mistake
     * in the test, which should fail, not quietly go on reaching a mock that is done.
     */
    public static SdkHttpClient syncClient(EcsProtocol protocol) {
        AtomicBoolean closed = new AtomicBoolean();
        return new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                return new ExecutableHttpRequest() {
                    @Override
                    public HttpExecuteResponse call() throws IOException {
                        refuseWhenClosed(closed);
                        byte[] body = request.contentStreamProvider().isPresent()
                                ? readAll(request.contentStreamProvider().get().newStream(), contentLength(request.httpRequest()))
                                : new byte[0];
                        // Lent: the SDK reads the body before the call returns to its caller and then closes it.
                        ProtocolResponse response = answer(protocol, request.httpRequest(), body, true);
                        return HttpExecuteResponse.builder()
                                .response(toSdk(response))
                                .responseBody(AbortableInputStream.create(response.bodyStream()))
                                .build();
                    }

                    @Override
                    public void abort() {
                        // Answered in one step on the caller's thread; nothing is in flight to abort.
                    }
                };
            }

            @Override
            public String clientName() {
                return "ecs-mock-in-memory";
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
    }

    /** The asynchronous client, for {@code EcsAsyncClient.builder().httpClient(...)}; closed like the synchronous one. */
    public static SdkAsyncHttpClient asyncClient(EcsProtocol protocol) {
        AtomicBoolean closed = new AtomicBoolean();
        return new SdkAsyncHttpClient() {
            @Override
            public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                if (closed.get()) {
                    IllegalStateException refused = closedClient();
                    request.responseHandler().onError(refused);
                    done.completeExceptionally(refused);
                    return done;
                }
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                request.requestContentPublisher().subscribe(new Subscriber<>() {
                    @Override
                    public void onSubscribe(Subscription subscription) {
                        subscription.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(ByteBuffer buffer) {
                        byte[] bytes = new byte[buffer.remaining()];
                        buffer.get(bytes);
                        body.writeBytes(bytes);
                    }

                    @Override
                    public void onError(Throwable error) {
                        request.responseHandler().onError(error);
                        done.completeExceptionally(error);
                    }

                    @Override
                    public void onComplete() {
                        try {
                            ProtocolResponse response = answer(protocol, request.request(), body.toByteArray(), false);
                            request.responseHandler().onHeaders(toSdk(response));
                            request.responseHandler().onStream(oneBuffer(response.body()));
                            done.complete(null);
                        } catch (RuntimeException error) {
                            request.responseHandler().onError(error);
                            done.completeExceptionally(error);
                        }
                    }
                });
                return done;
            }

            @Override
            public String clientName() {
                return "ecs-mock-in-memory-async";
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
    }

    /**
     * A builder of {@link #syncClient}, for {@code EcsClient.builder().httpClientBuilder(...)}: an HTTP
     * client made by the SDK from a builder is the SDK client's own and is closed with it, where one
     * given ready-made stays open, so only this way does closing the EcsClient close the transport.
     */
    public static SdkHttpClient.Builder<?> syncClientBuilder(EcsProtocol protocol) {
        return new SyncBuilder(protocol);
    }

    /** The asynchronous counterpart of {@link #syncClientBuilder}. */
    public static SdkAsyncHttpClient.Builder<?> asyncClientBuilder(EcsProtocol protocol) {
        return new AsyncBuilder(protocol);
    }

    private record SyncBuilder(EcsProtocol protocol) implements SdkHttpClient.Builder<SyncBuilder> {
        @Override
        public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
            return syncClient(protocol);
        }
    }

    private record AsyncBuilder(EcsProtocol protocol) implements SdkAsyncHttpClient.Builder<AsyncBuilder> {
        @Override
        public SdkAsyncHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
            return asyncClient(protocol);
        }
    }

    private static void refuseWhenClosed(AtomicBoolean closed) {
        if (closed.get()) {
            throw closedClient();
        }
    }

    private static IllegalStateException closedClient() {
        return new IllegalStateException("This in-memory ecs-mock HTTP client is closed: its EcsClient was closed, by a test or "
                + "the code under test, or its test class has ended. An injected client is shared by the tests of its class; "
                + "code that closes its client needs one of its own: mock.newClient(Transport.IN_MEMORY).");
    }

    /**
     * The protocol's answer, with the HTTP server's limit on the body, so that both transports refuse
     * alike; {@code lent} for a caller that reads the answer from a stream and closes it.
     */
    private static ProtocolResponse answer(EcsProtocol protocol, SdkHttpRequest request, byte[] body, boolean lent) {
        if (body.length > EcsProtocol.MAX_REQUEST_BYTES) {
            return protocol.tooLarge();
        }
        ProtocolRequest asked = toProtocol(request, body);
        return lent ? protocol.handleLent(asked) : protocol.handle(asked);
    }

    private static ProtocolRequest toProtocol(SdkHttpRequest request, byte[] body) {
        Map<String, String> headers = ProtocolRequest.newHeaders();
        request.forEachHeader((name, values) -> headers.put(name, values.size() == 1 ? values.get(0) : String.join(",", values)));
        if (!headers.containsKey("Host")) {
            headers.put("Host", request.host() + (request.port() == 80 || request.port() == 443 ? "" : ":" + request.port()));
        }
        StringBuilder query = new StringBuilder();
        request.forEachRawQueryParameter((name, values) -> values.forEach(value ->
                query.append(query.length() == 0 ? "" : "&").append(name).append('=').append(value == null ? "" : value)));
        String path = request.encodedPath().isEmpty() ? "/" : request.encodedPath();
        return new ProtocolRequest(request.method().name(), path, query.toString(), headers, body);
    }

    private static SdkHttpResponse toSdk(ProtocolResponse response) {
        return SdkHttpResponse.builder()
                .statusCode(response.status())
                .putHeader("Content-Type", ProtocolResponse.CONTENT_TYPE)
                .putHeader("x-amzn-RequestId", response.requestId())
                .putHeader("Content-Length", String.valueOf(response.bodyLength()))
                .build();
    }

    /** The Content-Length the SDK set, or -1. */
    private static int contentLength(SdkHttpRequest request) {
        try {
            return request.firstMatchingHeader("Content-Length").map(Integer::parseInt).orElse(-1);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The whole body. Read at its announced length where there is one, into an array of that size;
     * reading to the end in 8 KB steps allocated and copied some 9 KB for a body of a few hundred bytes.
     */
    private static byte[] readAll(InputStream in, int length) throws IOException {
        try (InputStream stream = in) {
            if (length < 0) {
                return stream.readAllBytes();
            }
            byte[] announced = stream.readNBytes(length);
            int next = stream.read();
            if (next < 0) {
                return announced;
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream(announced.length + 1024);
            all.writeBytes(announced);
            all.write(next);
            stream.transferTo(all);
            return all.toByteArray();
        }
    }

    /**
     * A publisher of one buffer, as the SDK reads a response body. One terminal signal at most, and
     * none after a cancel (reactive streams 1.7 and 3.6): the first request decides, with the buffer
     * and completion, or with an error for a request of zero or less (3.9).
     */
    private static Publisher<ByteBuffer> oneBuffer(byte[] bytes) {
        return subscriber -> subscriber.onSubscribe(new Subscription() {
            private final AtomicBoolean finished = new AtomicBoolean();

            @Override
            public void request(long n) {
                if (!finished.compareAndSet(false, true)) {
                    return;
                }
                if (n <= 0) {
                    subscriber.onError(new IllegalArgumentException("Reactive Streams 3.9: request a positive number"));
                } else {
                    subscriber.onNext(ByteBuffer.wrap(bytes));
                    subscriber.onComplete();
                }
            }

            @Override
            public void cancel() {
                finished.set(true);
            }
        });
    }
}
