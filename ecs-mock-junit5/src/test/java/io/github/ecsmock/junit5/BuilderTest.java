package io.github.ecsmock.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.ValidationProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;

/** The builder's settings reach the mock and the clients it injects. */
class BuilderTest {
    @RegisterExtension
    static EcsMockExtension ecsMock = EcsMockExtension.builder()
            .region("ap-southeast-2")
            .account("111122223333")
            .validation(ValidationProfile.STRICT)
            .build();

    @Test
    void regionAndAccountShapeTheArns(EcsClient ecs) {
        assertThat(ecs.createCluster(r -> r.clusterName("dev")).cluster().clusterArn())
                .isEqualTo("arn:aws:ecs:ap-southeast-2:111122223333:cluster/dev");
    }

    @Test
    void theStrictProfileRejectsWhatAwsRejects(EcsClient ecs) {
        assertThatThrownBy(() -> ecs.registerTaskDefinition(r -> r.family("web")
                        .containerDefinitions(c -> c.name("nginx").image("nginx:latest"))))
                .isInstanceOf(ClientException.class)
                .hasMessageStartingWith("Invalid setting for container 'nginx'. At least one of 'memory' or "
                        + "'memoryReservation' must be specified.");
    }

    @Test
    void theFieldGivesTheSameMockAsTheParameter(EcsMock mock) {
        assertThat(ecsMock.mock()).isSameAs(mock);
        assertThat(mock.account()).isEqualTo("111122223333");
        assertThat(mock.validationProfile()).isEqualTo(ValidationProfile.STRICT);
    }

    @Test
    void badSettingsFailWhenTheExtensionIsBuilt() {
        assertThatThrownBy(() -> EcsMockExtension.builder().account("not-an-account").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12 digits");
    }
}
