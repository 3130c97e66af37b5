package io.github.ecsmock.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ecsmock.EcsMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;

/** Under strict authentication the injected clients sign with the configured credentials and are answered. */
class StrictAuthenticationExtensionTest {
    @RegisterExtension
    static EcsMockExtension ecsMock = EcsMockExtension.builder().credentials("AKIDTEAM", "team-secret").build();

    @Test
    void theInjectedClientSignsWithTheConfiguredCredentials(EcsClient ecs, EcsMock mock) {
        assertThat(mock.authenticates()).isTrue();
        assertThat(ecs.createCluster(r -> r.clusterName("signed")).cluster().status()).isEqualTo("ACTIVE");
    }
}
