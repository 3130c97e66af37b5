package io.github.ecsmock.benchmarks;

import io.github.ecsmock.Transport;
import io.github.ecsmock.internal.server.LoopbackHttpClient;
import io.javalin.Javalin;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The processes of the cold-start measurement, each a fresh JVM:
 * <ul>
 * <li>{@code mock}: a test class's mock as the extension starts it by default, and its injected
 * client's first call (in memory; the HTTP server is not started, as nothing asks for it);</li>
 * <li>{@code client}: only builds the same kind of client, an EcsClient over an in-memory HTTP client,
 * the part that is the SDK's;</li>
 * <li>{@code sdk-floor}: that client and the same first call, answered by the SDK floor: what the SDK
 * alone spends on a first call (signing, marshalling, reading the answer), which the mock's share holds
 * too, so that the report can tell the two apart;</li>
 * <li>{@code mock-http} and {@code client-http}: the same with {@code transport = HTTP}: the server
 * started and the Apache client;</li>
 * <li>{@code floor}: a bare Javalin handler (the HTTP floor) and the same first call over HTTP, which is
 * what any in-process HTTP emulator on this stack pays before its own work.</li>
 * </ul>
 */
public final class ColdStart {
    private ColdStart() {
    }

    public static void main(String[] args) {
        String mode = args.length == 1 ? args[0] : "client";
        if (mode.equals("mock")) {
            TestClassStart.startAndFirstCall(TestClassStart.settings(Transport.IN_MEMORY));
        } else if (mode.equals("mock-http")) {
            TestClassStart.startAndFirstCall(TestClassStart.settings(Transport.HTTP));
        } else if (mode.equals("client")) {
            try (EcsClient ecs = sdkFloorClient(Map.of())) {
                ecs.serviceClientConfiguration();
            }
        } else if (mode.equals("sdk-floor")) {
            try (EcsClient ecs = sdkFloorClient(Map.of("DescribeClusters", MISSING_DEFAULT))) {
                ecs.describeClusters();
            }
        } else if (mode.equals("floor")) {
            Javalin floor = Floors.httpFloor(Map.of("DescribeClusters", MISSING_DEFAULT));
            try (EcsClient ecs = client(URI.create("http://127.0.0.1:" + floor.port()))) {
                ecs.describeClusters();
            } finally {
                floor.stop();
            }
        } else if (mode.equals("client-http")) {
            try (EcsClient ecs = client(Floors.NO_SERVER)) {
                ecs.serviceClientConfiguration();
            }
        } else {
            throw new IllegalArgumentException("Unknown mode " + mode);
        }
    }

    /** What a fresh mock answers a DescribeClusters without clusters: the default cluster is missing. */
    private static final byte[] MISSING_DEFAULT = ("{\"clusters\":[],\"failures\":[{\"arn\":"
            + "\"arn:aws:ecs:us-east-1:123456789012:cluster/default\",\"reason\":\"MISSING\"}]}").getBytes(StandardCharsets.UTF_8);

    private static EcsClient sdkFloorClient(Map<String, byte[]> answersByOperationName) {
        return Floors.client(Floors.NO_SERVER).httpClient(Floors.sdkFloor(answersByOperationName)).build();
    }

    private static EcsClient client(URI endpoint) {
        return Floors.client(endpoint).httpClientBuilder(LoopbackHttpClient.builder()).build();
    }
}
