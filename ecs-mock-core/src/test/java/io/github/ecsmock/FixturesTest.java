package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TagResourceRequest;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * State a mock starts with and returns to on every reset: requests given on the builder as SDK
 * objects, or in a JSON file on the classpath, replayed unrecorded; a refused one fails the build.
 */
class FixturesTest extends EcsApiTest {
    private static final String PREFIX = "arn:aws:ecs:us-east-1:123456789012:";
    private static final String SUBNET = "subnet-0123456789abcdef0";

    private static RegisterTaskDefinitionRequest web() {
        return RegisterTaskDefinitionRequest.builder().family("web").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx:1.27")).build();
    }

    @Override
    protected EcsMock.Builder configure(EcsMock.Builder builder) {
        return builder
                .withCluster("prod")
                .withTaskDefinition(web())
                .withService(CreateServiceRequest.builder().cluster("prod").serviceName("web").taskDefinition("web")
                        .desiredCount(2).launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(SUBNET))).build())
                .withTasks(RunTaskRequest.builder().cluster("prod").taskDefinition("web").count(3).startedBy("nightly")
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(SUBNET))).build())
                .withRequest(TagResourceRequest.builder().resourceArn(PREFIX + "cluster/prod")
                        .tags(Tag.builder().key("env").value("production").build()).build())
                .withFixture("fixtures/platform.json");
    }

    @Test
    void theMockStartsWithTheFixtures() {
        assertThat(ecs.listClusters(r -> { }).clusterArns())
                .containsExactly(PREFIX + "cluster/prod", PREFIX + "cluster/platform");
        Service web = ecs.describeServices(r -> r.cluster("prod").services("web")).services().get(0);
        assertThat(web.taskDefinition()).isEqualTo(PREFIX + "task-definition/web:1");
        assertThat(web.runningCount()).isEqualTo(2);
        assertThat(ecs.listTasks(r -> r.cluster("prod").startedBy("nightly")).taskArns()).hasSize(3);
        assertThat(ecs.listTasks(r -> r.cluster("prod")).taskArns()).hasSize(5);
        assertThat(ecs.listTagsForResource(r -> r.resourceArn(PREFIX + "cluster/prod")).tags())
                .containsExactly(Tag.builder().key("env").value("production").build());
    }

    @Test
    void aFixtureFileHoldsRequestsInEcsJsonAsTheWireCarriesThem() {
        Cluster platform = ecs.describeClusters(r -> r.clusters("platform").include(ClusterField.TAGS)).clusters().get(0);
        assertThat(platform.tags()).containsExactly(Tag.builder().key("team").value("platform").build());
        TaskDefinition api = ecs.describeTaskDefinition(r -> r.taskDefinition("api")).taskDefinition();
        assertThat(api.containerDefinitions()).singleElement().satisfies(container -> {
            assertThat(container.image()).isEqualTo("registry.example.com/api:1.0");
            assertThat(container.portMappings()).extracting(PortMapping::containerPort).containsExactly(8080);
        });
        Service service = ecs.describeServices(r -> r.cluster("platform").services("api")).services().get(0);
        assertThat(service.runningCount()).isEqualTo(2);
        assertThat(service.launchType()).isEqualTo(LaunchType.FARGATE);
    }

    @Test
    void fixturesAreNotInTheJournal() {
        assertThat(mock.journal().all()).isEmpty();

        ecs.listClusters(r -> { });

        assertThat(mock.journal().all()).extracting(RecordedRequest::operation).containsExactly("ListClusters");
    }

    @Test
    void aResetPutsTheFixturesBackAndForgetsEverythingElse() {
        ecs.createCluster(r -> r.clusterName("scratch"));
        ecs.registerTaskDefinition(web());
        ecs.updateService(r -> r.cluster("prod").service("web").taskDefinition("web:2").desiredCount(1));
        ecs.deleteService(r -> r.cluster("platform").service("api").force(true));
        for (String taskArn : ecs.listTasks(r -> r.cluster("prod").startedBy("nightly")).taskArns()) {
            ecs.stopTask(r -> r.cluster("prod").task(taskArn));
        }

        mock.reset();

        assertThat(mock.journal().all()).isEmpty();
        assertThat(ecs.listClusters(r -> { }).clusterArns())
                .containsExactly(PREFIX + "cluster/prod", PREFIX + "cluster/platform");
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition("web")).taskDefinition().revision()).isEqualTo(1);
        Service web = ecs.describeServices(r -> r.cluster("prod").services("web")).services().get(0);
        assertThat(web.taskDefinition()).isEqualTo(PREFIX + "task-definition/web:1");
        assertThat(web.desiredCount()).isEqualTo(2);
        assertThat(ecs.describeServices(r -> r.cluster("platform").services("api")).services().get(0).status())
                .isEqualTo("ACTIVE");
        List<String> nightly = ecs.listTasks(r -> r.cluster("prod").startedBy("nightly")).taskArns();
        assertThat(nightly).hasSize(3);
        assertThat(ecs.describeTasks(r -> r.cluster("prod").tasks(nightly)).tasks()).extracting(Task::lastStatus)
                .containsOnly("RUNNING");
    }

    @Test
    void theFixturesBelongToTheDefaultAccountAndRegion() {
        assertThat(mock.view().clusters()).hasSize(2);
        assertThat(mock.view(EcsMock.DEFAULT_ACCOUNT, "eu-west-1").clusters()).isEmpty();
    }

    // ---------------------------------------------------------------- fixtures that do not work

    @Test
    void aRefusedFixtureFailsTheBuild() {
        EcsMock.Builder builder = EcsMock.builder().withService(CreateServiceRequest.builder().cluster("nowhere")
                .serviceName("web").taskDefinition("web").desiredCount(1).build());

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The fixture's CreateService request was refused: ")
                .hasMessageContaining("ClusterNotFoundException")
                .hasMessageContaining("Cluster not found.");
    }

    @Test
    void aRefusedRequestInAFixtureFileFailsTheBuild() {
        EcsMock.Builder builder = EcsMock.builder().withFixture("fixtures/refused.json");

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The fixture's CreateService request was refused: ")
                .hasMessageContaining("ClusterNotFoundException");
    }

    @Test
    void anOperationThatIsNotEcsFailsTheBuild() {
        EcsMock.Builder builder = EcsMock.builder().withFixture("/fixtures/unknown-operation.json");

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The fixture's CreateWidget request was refused: ")
                .hasMessageContaining("UnknownOperationException");
    }

    @Test
    void aFixtureFileMustBeAnArrayOfOneOperationObjects() {
        assertThatThrownBy(() -> EcsMock.builder().withFixture("fixtures/not-an-array.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The fixture fixtures/not-an-array.json should hold an array of requests, "
                        + "as in [{\"CreateCluster\": {\"clusterName\": \"dev\"}}]");
        assertThatThrownBy(() -> EcsMock.builder().withFixture("fixtures/two-operations.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("should hold one operation per object");
    }

    @Test
    void aFixtureFileMustBeOnTheClasspath() {
        assertThatThrownBy(() -> EcsMock.builder().withFixture("fixtures/absent.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No fixture fixtures/absent.json on the classpath");
    }

    @Test
    void fixturesAreReplayedUnderStrictAuthentication() {
        try (EcsMock strict = EcsMock.builder().credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
                .withCluster("prod").build();
             EcsClient client = strict.newClient(Transport.IN_MEMORY)) {
            assertThat(client.listClusters(r -> { }).clusterArns()).containsExactly(PREFIX + "cluster/prod");

            strict.reset();

            assertThat(strict.view().clusters()).extracting(Cluster::clusterName).containsExactly("prod");
        }
    }
}
