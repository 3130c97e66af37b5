package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.EcsException;

/** With credentials configured, the mock verifies SigV4 signatures and answers as AWS does when they fail. */
class StrictAuthenticationTest extends EcsApiTest {
    @Override
    protected EcsMock.Builder configure(EcsMock.Builder builder) {
        return builder.credentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
                .credentials("AKIDSECOND", "second-secret");
    }

    private EcsClient clientWith(String accessKey, String secret) {
        return EcsClient.builder()
                .endpointOverride(mock.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .httpClientBuilder(Apache5HttpClient.builder())
                .build();
    }

    @Test
    void requestsSignedWithKnownCredentialsAreAnswered() {
        assertThat(mock.authenticates()).isTrue();
        assertThat(ecs.createCluster(r -> r.clusterName("signed")).cluster().status()).isEqualTo("ACTIVE");
        try (EcsClient second = clientWith("AKIDSECOND", "second-secret")) {
            assertThat(second.listClusters().clusterArns()).hasSize(1);
        }
    }

    @Test
    void aClientOfAnotherAccountNeedsCredentialsNamedForThatAccount() {
        assertThatThrownBy(() -> mock.newClient("us-east-1", "111122223333", Transport.HTTP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Under strict authentication a client of account 111122223333 signs with credentials whose "
                        + "access key id is that account; give the mock credentials(\"111122223333\", secret) too.");
        assertThatThrownBy(() -> mock.newClient("us-east-1", "42", Transport.HTTP))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("An AWS account id is 12 digits: 42");
    }

    @Test
    void aWrongSecretIsAnInvalidSignature() {
        try (EcsClient wrong = clientWith("AKIAIOSFODNN7EXAMPLE", "not-the-secret")) {
            EcsException error = catchThrowableOfType(EcsException.class, () -> wrong.createCluster(r -> r.clusterName("nope")));

            assertThat(error.statusCode()).isEqualTo(403);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
            assertThat(error.awsErrorDetails().errorMessage()).startsWith("The request signature we calculated does not match "
                    + "the signature you provided.");
        }
        assertThat(mock.view().clusters()).isEmpty();
    }

    @Test
    void anUnknownAccessKeyIsAnUnrecognizedClient() {
        try (EcsClient stranger = clientWith("AKIDSTRANGER", "whatever")) {
            EcsException error = catchThrowableOfType(EcsException.class, () -> stranger.listClusters());

            assertThat(error.statusCode()).isEqualTo(403);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("The security token included in the request is invalid.");
        }
    }

    @Test
    void anUnsignedRequestIsMissingItsAuthenticationToken() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mock.endpoint() + "/"))
                .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"__type\":\"MissingAuthenticationTokenException\",\"message\":\"Missing Authentication Token\"}");
    }

    @Test
    void aBodyChangedAfterSigningNoLongerMatchesItsSignature() {
        try (SdkHttpClient apache = Apache5HttpClient.builder().build();
             EcsClient tampering = EcsClient.builder()
                     .endpointOverride(mock.endpoint())
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(
                             AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
                     .httpClient(replacingInBody(apache, "before", "behind"))
                     .build()) {
            assertThat(tampering.createCluster(r -> r.clusterName("untouched")).cluster().clusterName()).isEqualTo("untouched");

            EcsException error = catchThrowableOfType(EcsException.class, () -> tampering.createCluster(r -> r.clusterName("before")));

            assertThat(error.statusCode()).isEqualTo(403);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
        }
        assertThat(mock.view().clusters()).extracting(Cluster::clusterName).containsExactly("untouched");
    }

    /** Passes each request on after the SDK signed it, with {@code from} in its body replaced by {@code to}. */
    private static SdkHttpClient replacingInBody(SdkHttpClient delegate, String from, String to) {
        return new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                byte[] changed;
                try (InputStream body = request.contentStreamProvider().orElseThrow().newStream()) {
                    changed = new String(body.readAllBytes(), StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return delegate.prepareRequest(HttpExecuteRequest.builder().request(request.httpRequest())
                        .contentStreamProvider(() -> new ByteArrayInputStream(changed)).build());
            }

            @Override
            public void close() {
            }
        };
    }
}
