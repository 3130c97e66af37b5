package io.github.ecsmock.benchmarks;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.Transport;
import io.github.ecsmock.internal.server.LoopbackHttpClient;
import io.javalin.Javalin;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The processes of the cold-start measurement: {@code mock} starts a mock and answers its client's
 * first call; {@code client} only builds the same client, the part that is the SDK's; {@code floor}
 * starts a bare Javalin handler (the HTTP floor) and makes the same first call to it, which is what
 * any in-process HTTP emulator on this stack pays before its own work; {@code memory} builds a mock
 * that does not listen and answers the first call of an in-memory client, the mock without HTTP.
 */
public final class ColdStart {
    private ColdStart() {
    }

    public static void main(String[] args) {
        String mode = args.length == 1 ? args[0] : "client";
        if (mode.equals("mock")) {
            try (EcsMock mock = EcsMock.builder().build().start(); EcsClient ecs = mock.newClient()) {
                ecs.describeClusters();
            }
        } else if (mode.equals("memory")) {
            try (EcsMock mock = EcsMock.builder().build(); EcsClient ecs = mock.newClient(Transport.IN_MEMORY)) {
                ecs.describeClusters();
            }
        } else if (mode.equals("floor")) {
            Javalin floor = Floors.httpFloor(Map.of("DescribeClusters", MISSING_DEFAULT));
            try (EcsClient ecs = client(URI.create("http://127.0.0.1:" + floor.port()))) {
                ecs.describeClusters();
            } finally {
                floor.stop();
            }
        } else {
            try (EcsClient ecs = client(URI.create("http://127.0.0.1:9"))) {
                ecs.serviceClientConfiguration();
            }
        }
    }

    /** What a fresh mock answers a DescribeClusters without clusters: the default cluster is missing. */
    private static final byte[] MISSING_DEFAULT = ("{\"clusters\":[],\"failures\":[{\"arn\":"
            + "\"arn:aws:ecs:us-east-1:123456789012:cluster/default\",\"reason\":\"MISSING\"}]}").getBytes(StandardCharsets.UTF_8);

    private static EcsClient client(URI endpoint) {
        return EcsClient.builder().endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(LoopbackHttpClient.builder()).build();
    }
}
