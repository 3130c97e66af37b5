package io.github.ecsmock.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;

/** Strict authentication with clients over HTTP. */
class StrictAuthenticationOverHttpExtensionTest extends StrictAuthenticationContract {
    @RegisterExtension
    static EcsMockExtension ecsMock = strict().transport(Transport.HTTP).build();

    @Test
    void theClientsGoOverHttp(EcsClient ecs, EcsMock mock) {
        assertThat(mock.isRunning()).isTrue();
        assertThat(ecs.serviceClientConfiguration().endpointOverride()).contains(mock.endpoint());
    }
}
