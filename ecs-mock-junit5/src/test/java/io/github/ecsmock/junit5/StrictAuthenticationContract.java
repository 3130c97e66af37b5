package io.github.ecsmock.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ecsmock.EcsMock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Under strict authentication the injected clients sign with the configured credentials and are
 * answered: over the in-memory transport ({@link StrictAuthenticationExtensionTest}) and over HTTP
 * ({@link StrictAuthenticationOverHttpExtensionTest}), where the signature also covers the Host
 * header of a real connection.
 */
abstract class StrictAuthenticationContract {
    static EcsMockExtension.Builder strict() {
        return EcsMockExtension.builder().credentials("AKIDTEAM", "team-secret").credentials("111122223333", "other-account-secret");
    }

    @Test
    void theInjectedClientSignsWithTheConfiguredCredentials(EcsClient ecs, EcsMock mock) {
        assertThat(mock.authenticates()).isTrue();
        assertThat(ecs.createCluster(r -> r.clusterName("signed")).cluster().status()).isEqualTo("ACTIVE");
    }

    @Test
    void anotherAccountsClientSignsWithThatAccountsCredentials(EcsClient ecs, @EcsAccount("111122223333") EcsClient other) {
        ecs.createCluster(r -> r.clusterName("home"));

        assertThat(other.createCluster(r -> r.clusterName("away")).cluster().clusterArn())
                .isEqualTo("arn:aws:ecs:us-east-1:111122223333:cluster/away");
        assertThat(other.listClusters().clusterArns()).containsExactly("arn:aws:ecs:us-east-1:111122223333:cluster/away");
        assertThat(ecs.listClusters().clusterArns()).containsExactly("arn:aws:ecs:us-east-1:123456789012:cluster/home");
    }
}
