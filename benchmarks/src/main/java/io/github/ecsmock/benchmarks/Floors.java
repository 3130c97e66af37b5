package io.github.ecsmock.benchmarks;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.EcsClientBuilder;

/**
 * The two floors beneath the mock, which answer every call with the bytes the mock would send and do
 * nothing else: the SDK floor, an in-memory HTTP client (what the SDK itself costs), and the HTTP floor,
 * a Javalin handler on loopback (what the SDK plus one HTTP round trip cost).
 */
public final class Floors {
    private static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";
    private static final String REQUEST_ID = "3cec799a-216a-11e7-a6b7-d7d9caa833a1";

    /** Where a client whose HTTP client answers in memory points: nothing listens there. */
    static final URI NO_SERVER = URI.create("http://127.0.0.1:9");

    private Floors() {
    }

    /**
     * A builder of the client the floors are called with, which the caller gives its HTTP client: the
     * SDK's defaults but for the endpoint, a fixed region and test credentials.
     */
    static EcsClientBuilder client(URI endpoint) {
        return EcsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
    }

    /** The canned answer of the operation a request names. */
    private static byte[] answerFor(Map<String, byte[]> byTarget, String target) {
        byte[] answer = byTarget.get(target);
        if (answer == null) {
            throw new IllegalStateException("No canned answer for " + target);
        }
        return answer;
    }

    /** An SDK HTTP client that answers at once from the canned bytes, by the request's X-Amz-Target. */
    public static SdkHttpClient sdkFloor(Map<String, byte[]> answersByOperationName) {
        return new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                return new ExecutableHttpRequest() {
                    @Override
                    public HttpExecuteResponse call() throws IOException {
                        if (request.contentStreamProvider().isPresent()) {
                            try (InputStream body = request.contentStreamProvider().get().newStream()) {
                                body.readAllBytes();
                            }
                        }
                        String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
                        byte[] answer = answerFor(answersByOperationName, target.substring(TARGET_PREFIX.length()));
                        return HttpExecuteResponse.builder()
                                .response(SdkHttpResponse.builder().statusCode(200)
                                        .putHeader("Content-Type", "application/x-amz-json-1.1")
                                        .putHeader("x-amzn-RequestId", REQUEST_ID)
                                        .putHeader("Content-Length", String.valueOf(answer.length)).build())
                                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer)))
                                .build();
                    }

                    @Override
                    public void abort() {
                    }
                };
            }

            @Override
            public void close() {
            }
        };
    }

    /** A Javalin server on loopback that answers POST / from the canned bytes; close it when done. */
    public static Javalin httpFloor(Map<String, byte[]> answersByOperationName) {
        QueuedThreadPool threads = new QueuedThreadPool(64, 2, 30_000);
        threads.setDaemon(true);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.startup.startupWatcherEnabled = false;
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.jetty.threadPool = threads;
            config.routes.post("/", ctx -> {
                ctx.bodyAsBytes();
                String target = ctx.header("X-Amz-Target");
                ctx.header("x-amzn-RequestId", REQUEST_ID);
                ctx.contentType("application/x-amz-json-1.1");
                ctx.result(answerFor(answersByOperationName, target.substring(TARGET_PREFIX.length())));
            });
        });
        return app.start("127.0.0.1", 0);
    }
}
