package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ecsmock.internal.protocol.CallerScope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The account and region read from a SigV4 Authorization header, beside the client-level tests in
 * {@link RegionsAndAccountsTest}: the malformed scopes that a client never sends fall back to the
 * defaults, as the expression the reader replaced did.
 */
class CallerScopeTest {

    @ParameterizedTest(name = "[{index}] {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "AWS4-HMAC-SHA256 Credential=test/20261204/eu-west-1/ecs/aws4_request, SignedHeaders=host, Signature=ab | 123456789012 | eu-west-1",
            "AWS4-HMAC-SHA256 Credential=111122223333/20261204/ap-south-1/ecs/aws4_request, SignedHeaders=host | 111122223333 | ap-south-1",
            "AWS4-HMAC-SHA256 Credential=11112222333/20261204/ap-south-1/ecs/aws4_request | 123456789012 | ap-south-1",
            "AWS4-HMAC-SHA256 Credential=1111222233334/20261204/ap-south-1/ecs/aws4_request | 123456789012 | ap-south-1",
            "Credential=test/20261204/us-west-2/ecs/aws4_request | 123456789012 | us-west-2",
            "AWS4-HMAC-SHA256 Credential=test/2026124/eu-west-1/ecs/aws4_request | 123456789012 | us-east-1",
            "AWS4-HMAC-SHA256 Credential=test/2026120x/eu-west-1/ecs/aws4_request | 123456789012 | us-east-1",
            "AWS4-HMAC-SHA256 Credential=/20261204/eu-west-1/ecs/aws4_request | 123456789012 | us-east-1",
            "AWS4-HMAC-SHA256 Credential=test/20261204//ecs/aws4_request | 123456789012 | us-east-1",
            "AWS4-HMAC-SHA256 Credential=test/20261204/eu-west-1/ecs/aws5_request | 123456789012 | us-east-1",
            "AWS4-HMAC-SHA256 Credential=test/20261204/eu-west-1/ecs | 123456789012 | us-east-1",
            "AWS4-HMAC-SHA256 Credential=te st/20261204/eu-west-1/ecs/aws4_request | 123456789012 | us-east-1",
            "AWS4-HMAC-SHA256 Credential=test/20261204/eu,west-1/ecs/aws4_request | 123456789012 | us-east-1",
            "Credential=bad, Credential=222233334444/20261204/sa-east-1/ecs/aws4_request | 222233334444 | sa-east-1",
            "Bearer some-token | 123456789012 | us-east-1",
            "'' | 123456789012 | us-east-1",
    })
    void accountAndRegionComeFromTheCredentialScope(String authorization, String account, String region) {
        assertThat(CallerScope.of(authorization, "123456789012", "us-east-1")).isEqualTo(new CallerScope(account, region));
    }
}
