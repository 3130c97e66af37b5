package io.github.ecsmock.benchmarks;

import io.github.ecsmock.EcsMock;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The two processes of the cold-start measurement: {@code mock} starts a mock and answers its
 * client's first call; {@code client} only builds the same client, the part that is the SDK's.
 */
public final class ColdStart {
    private ColdStart() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("mock")) {
            try (EcsMock mock = EcsMock.builder().build().start(); EcsClient ecs = mock.newClient()) {
                ecs.describeClusters();
            }
        } else {
            try (EcsClient ecs = EcsClient.builder().endpointOverride(URI.create("http://127.0.0.1:9"))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .httpClientBuilder(Apache5HttpClient.builder()).build()) {
                ecs.serviceClientConfiguration();
            }
        }
    }
}
