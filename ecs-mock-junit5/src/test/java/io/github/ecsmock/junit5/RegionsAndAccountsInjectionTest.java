package io.github.ecsmock.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ecsmock.EcsMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ecs.EcsAsyncClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/** Clients of other regions and accounts of the same mock, asked for on the parameter, see only their own resources. */
@ExtendWith(EcsMockExtension.class)
class RegionsAndAccountsInjectionTest {

    @Test
    void eachRegionAndAccountHasItsOwnClusters(EcsClient home, @EcsRegion("eu-west-1") EcsClient ireland,
                                               @EcsAccount("111122223333") EcsClient otherAccount,
                                               @EcsRegion("ap-southeast-2") @EcsAccount("111122223333") EcsAsyncClient sydney,
                                               EcsMock mock) {
        home.createCluster(r -> r.clusterName("dev"));
        ireland.createCluster(r -> r.clusterName("dev"));
        otherAccount.createCluster(r -> r.clusterName("shared"));
        sydney.createCluster(r -> r.clusterName("far")).join();

        assertThat(home.listClusters().clusterArns()).containsExactly("arn:aws:ecs:us-east-1:123456789012:cluster/dev");
        assertThat(ireland.listClusters().clusterArns()).containsExactly("arn:aws:ecs:eu-west-1:123456789012:cluster/dev");
        assertThat(otherAccount.listClusters().clusterArns()).containsExactly("arn:aws:ecs:us-east-1:111122223333:cluster/shared");
        assertThat(sydney.listClusters().join().clusterArns())
                .containsExactly("arn:aws:ecs:ap-southeast-2:111122223333:cluster/far");
        assertThat(mock.view("111122223333", "ap-southeast-2").clusters()).extracting(c -> c.clusterName()).containsExactly("far");
        assertThat(mock.view().clusters()).extracting(c -> c.clusterName()).containsExactly("dev");
    }

    @Test
    void theSameRegionAndAccountGiveTheSameClient(@EcsRegion("eu-west-1") EcsClient first, @EcsRegion("eu-west-1") EcsClient second,
                                                   EcsClient home) {
        assertThat(first).isSameAs(second).isNotSameAs(home);
        assertThat(first.serviceClientConfiguration().region().id()).isEqualTo("eu-west-1");
    }
}
