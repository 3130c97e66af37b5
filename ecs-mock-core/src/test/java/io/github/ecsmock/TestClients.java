package io.github.ecsmock;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Clients a test builds itself, as a user does when {@link EcsMock#newClient()} is not configurable
 * enough: the SDK's retries either off (to see the error a throttled or failed call gets) or on
 * without back-off sleeps (to see the retries succeed, without waiting for them).
 */
final class TestClients {
    private TestClients() {
    }

    /** A client over HTTP that does not retry at all. */
    static EcsClient notRetrying(EcsMock mock) {
        return over(mock, AwsRetryStrategy.doNotRetry());
    }

    /** A client over HTTP with the SDK's standard retries (3 attempts), retrying at once instead of backing off. */
    static EcsClient retryingImmediately(EcsMock mock) {
        return over(mock, AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .backoffStrategy(BackoffStrategy.retryImmediately())
                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                .maxAttempts(3)
                .build());
    }

    private static EcsClient over(EcsMock mock, RetryStrategy retries) {
        return EcsClient.builder()
                .endpointOverride(mock.endpoint())
                .region(Region.of(mock.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(EcsMock.TEST_ACCESS_KEY, EcsMock.TEST_ACCESS_KEY)))
                .httpClientBuilder(Apache5HttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(retries))
                .build();
    }
}
