package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.ecs.EcsAsyncClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClientException;

/**
 * Clients of other regions and accounts of one mock, over either transport: each (account, region)
 * has its own state, visible through {@code mock.view(account, region)} and in the journal.
 */
class RegionsAndAccountsTest extends EcsApiTest {
    private static final String OTHER_ACCOUNT = "111122223333";

    /** A region is part of every ARN; one that could be no region's name would make ARNs with fields of their own. */
    @Test
    void aCredentialScopeWithARegionThatIsNoRegionIsRefused() throws Exception {
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(mock.endpoint())
                        .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.CreateCluster")
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261205/x:y/ecs/aws4_request, "
                                + "SignedHeaders=host, Signature=0")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"clusterName\":\"r\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("\"__type\":\"InvalidSignatureException\"")
                .contains("Credential should be scoped to a valid region.");
        assertThat(mock.view(EcsMock.DEFAULT_ACCOUNT, "x:y").clusters()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aClientOfAnotherRegionSeesOnlyThatRegion(Transport transport) {
        try (EcsClient ireland = mock.newClient("eu-west-1", EcsMock.DEFAULT_ACCOUNT, transport)) {
            String arn = ireland.createCluster(r -> r.clusterName("dev")).cluster().clusterArn();
            ecs.createCluster(r -> r.clusterName("home"));

            assertThat(arn).isEqualTo("arn:aws:ecs:eu-west-1:123456789012:cluster/dev");
            assertThat(ireland.listClusters(r -> { }).clusterArns()).containsExactly(arn);
            assertThat(ecs.listClusters(r -> { }).clusterArns())
                    .containsExactly("arn:aws:ecs:us-east-1:123456789012:cluster/home");
            assertThat(mock.view(EcsMock.DEFAULT_ACCOUNT, "eu-west-1").clusters()).extracting(Cluster::clusterArn)
                    .containsExactly(arn);
            assertThat(mock.view().clusters()).extracting(Cluster::clusterName).containsExactly("home");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aClientOfAnotherAccountActsAsThatAccount(Transport transport) {
        try (EcsClient other = mock.newClient(EcsMock.DEFAULT_REGION, OTHER_ACCOUNT, transport)) {
            String arn = other.createCluster(r -> r.clusterName("dev")).cluster().clusterArn();
            ecs.createCluster(r -> r.clusterName("dev"));

            assertThat(arn).isEqualTo("arn:aws:ecs:us-east-1:111122223333:cluster/dev");
            assertThat(other.listClusters(r -> { }).clusterArns()).containsExactly(arn);
            assertThat(mock.view(OTHER_ACCOUNT, "us-east-1").clusters()).extracting(Cluster::clusterArn).containsExactly(arn);
            assertThat(mock.view().clusters()).extracting(Cluster::clusterArn)
                    .containsExactly("arn:aws:ecs:us-east-1:123456789012:cluster/dev");
            RecordedRequest recorded = mock.journal().of("CreateCluster").get(0);
            assertThat(recorded.account()).isEqualTo(OTHER_ACCOUNT);
            assertThat(recorded.region()).isEqualTo("us-east-1");
        }
    }

    @Test
    void anArnOfAnotherAccountOrRegionIsNotFound() {
        try (EcsClient other = mock.newClient("eu-west-1", OTHER_ACCOUNT, Transport.IN_MEMORY)) {
            String arn = other.createCluster(r -> r.clusterName("dev")).cluster().clusterArn();

            assertThat(ecs.describeClusters(r -> r.clusters(arn)).failures())
                    .singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
            assertThat(other.describeClusters(r -> r.clusters(arn)).clusters()).hasSize(1);
        }
    }

    @Test
    void theJournalNamesTheAccountAndRegionOfEachRequest() {
        try (EcsClient ireland = mock.newClient("eu-west-1", OTHER_ACCOUNT, Transport.HTTP);
             EcsClient tokyo = mock.newClient("ap-northeast-1", EcsMock.DEFAULT_ACCOUNT, Transport.IN_MEMORY)) {
            ireland.listClusters(r -> { });
            tokyo.listClusters(r -> { });
            ecs.listClusters(r -> { });

            assertThat(mock.journal().all()).extracting(RecordedRequest::account, RecordedRequest::region).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(OTHER_ACCOUNT, "eu-west-1"),
                    org.assertj.core.groups.Tuple.tuple(EcsMock.DEFAULT_ACCOUNT, "ap-northeast-1"),
                    org.assertj.core.groups.Tuple.tuple(EcsMock.DEFAULT_ACCOUNT, "us-east-1"));
        }
    }

    @ParameterizedTest
    @CsvSource({"cn-north-1, aws-cn", "us-gov-west-1, aws-us-gov", "eu-central-1, aws"})
    void arnsFollowThePartitionOfTheRegion(String region, String partition) {
        try (EcsClient client = mock.newClient(region, OTHER_ACCOUNT, Transport.IN_MEMORY)) {
            String arn = client.createCluster(r -> r.clusterName("dev")).cluster().clusterArn();

            assertThat(arn).isEqualTo("arn:" + partition + ":ecs:" + region + ":111122223333:cluster/dev");
        }
    }

    @Test
    void asyncClientsOfOtherRegionsAndAccountsToo() {
        try (EcsAsyncClient overHttp = mock.newAsyncClient("eu-west-1", OTHER_ACCOUNT, Transport.HTTP);
             EcsAsyncClient inMemory = mock.newAsyncClient("eu-west-1", OTHER_ACCOUNT, Transport.IN_MEMORY)) {
            overHttp.createCluster(r -> r.clusterName("a")).join();
            inMemory.createCluster(r -> r.clusterName("b")).join();

            assertThat(mock.view(OTHER_ACCOUNT, "eu-west-1").clusters()).extracting(Cluster::clusterName)
                    .containsExactly("a", "b");
            assertThat(mock.view().clusters()).isEmpty();
        }
    }

    @Test
    void aViewOfAnUnusedAccountAndRegionIsEmpty() {
        ecs.createCluster(r -> r.clusterName("dev"));

        EcsView view = mock.view("444455556666", "sa-east-1");

        assertThat(view.account()).isEqualTo("444455556666");
        assertThat(view.region()).isEqualTo("sa-east-1");
        assertThat(view.clusters()).isEmpty();
        assertThat(view.taskDefinitions()).isEmpty();
    }

    @Test
    void aResetForgetsEveryAccountAndRegion() {
        try (EcsClient other = mock.newClient("eu-west-1", OTHER_ACCOUNT, Transport.IN_MEMORY)) {
            other.createCluster(r -> r.clusterName("dev"));

            mock.reset();

            assertThat(mock.view(OTHER_ACCOUNT, "eu-west-1").clusters()).isEmpty();
            assertThat(other.listClusters(r -> { }).clusterArns()).isEmpty();
        }
    }

    @Test
    void faultsApplyToEveryAccountAndRegion() {
        mock.failNext("CreateCluster").withError("ClientException", "No clusters today.");
        try (EcsClient other = mock.newClient("eu-west-1", OTHER_ACCOUNT, Transport.IN_MEMORY)) {
            assertThatThrownBy(() -> other.createCluster(r -> r.clusterName("dev"))).isInstanceOf(ClientException.class);
            assertThat(ecs.createCluster(r -> r.clusterName("dev")).cluster().status()).isEqualTo("ACTIVE");
        }
    }

    @Test
    void theDefaultAccountAndRegionAreTheMocks() {
        try (EcsMock own = EcsMock.builder().region("eu-north-1").account("999988887777").build();
             EcsClient client = own.newClient(Transport.IN_MEMORY)) {
            String arn = client.createCluster(r -> r.clusterName("dev")).cluster().clusterArn();

            assertThat(arn).isEqualTo("arn:aws:ecs:eu-north-1:999988887777:cluster/dev");
            assertThat(own.view().clusters()).hasSize(1);
            assertThat(own.view().account()).isEqualTo("999988887777");
        }
    }
}
