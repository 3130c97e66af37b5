package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.CreateDaemonResponse;
import software.amazon.awssdk.services.ecs.model.DaemonDeployment;
import software.amazon.awssdk.services.ecs.model.DaemonDeploymentStatus;
import software.amazon.awssdk.services.ecs.model.DaemonDeploymentSummary;
import software.amazon.awssdk.services.ecs.model.DaemonDetail;
import software.amazon.awssdk.services.ecs.model.DaemonNotActiveException;
import software.amazon.awssdk.services.ecs.model.DaemonNotFoundException;
import software.amazon.awssdk.services.ecs.model.DaemonPropagateTags;
import software.amazon.awssdk.services.ecs.model.DaemonRevision;
import software.amazon.awssdk.services.ecs.model.DaemonSummary;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinition;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinitionRevisionFilter;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinitionStatusFilter;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinitionSummary;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonResponse;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonRevisionsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListDaemonTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.ListDaemonsResponse;
import software.amazon.awssdk.services.ecs.model.Resource;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;
import software.amazon.awssdk.services.ecs.model.UpdateDaemonResponse;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/**
 * The daemon operations through the real client: daemon task definitions with revisions, daemons
 * running one task per ACTIVE container instance, their deployments and revisions, the errors of
 * each rule, paging, tags and the SDK's daemon waiters under the immediate lifecycle.
 */
class DaemonsTest extends EcsApiTest {
    private static final String PREFIX = "arn:aws:ecs:us-east-1:123456789012:";
    private static final String CLUSTER_ARN = PREFIX + "cluster/prod";
    private static final String PROVIDER = PREFIX + "capacity-provider/my-capacity-provider";
    private static final String AGENT_1 = PREFIX + "daemon-task-definition/monitoring-agent:1";
    private static final String AGENT_2 = PREFIX + "daemon-task-definition/monitoring-agent:2";
    private static final String DAEMON_ARN = PREFIX + "daemon/prod/my-monitoring-daemon";

    @BeforeEach
    void cluster() {
        ecs.createCluster(r -> r.clusterName("prod"));
    }

    private String registerAgent(String image) {
        return ecs.registerDaemonTaskDefinition(r -> r.family("monitoring-agent").cpu("256").memory("512")
                .containerDefinitions(c -> c.name("cloudwatch-agent").image(image).cpu(256).memory(512)))
                .daemonTaskDefinitionArn();
    }

    private ContainerInstance instance(String ec2InstanceId) {
        return ecs.registerContainerInstance(r -> r.cluster("prod").instanceIdentityDocument(
                "{\"instanceId\":\"" + ec2InstanceId + "\",\"availabilityZone\":\"us-east-1a\",\"instanceType\":\"m5.large\"}"))
                .containerInstance();
    }

    private CreateDaemonResponse createDaemon(String definitionArn) {
        return ecs.createDaemon(r -> r.clusterArn(CLUSTER_ARN).daemonName("my-monitoring-daemon")
                .daemonTaskDefinitionArn(definitionArn).capacityProviderArns(PROVIDER));
    }

    private DaemonDetail describe(String daemonArn) {
        return ecs.describeDaemon(r -> r.daemonArn(daemonArn)).daemon();
    }

    private DaemonDeployment deployment(String deploymentArn) {
        return ecs.describeDaemonDeployments(r -> r.daemonDeploymentArns(deploymentArn)).daemonDeployments().get(0);
    }

    private List<Task> daemonTasks(String desiredStatus) {
        List<String> arns = ecs.listTasks(r -> r.cluster("prod").desiredStatus(desiredStatus)).taskArns();
        if (arns.isEmpty()) {
            return List.of();
        }
        return ecs.describeTasks(r -> r.cluster("prod").tasks(arns).include(TaskField.TAGS)).tasks();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static <T extends EcsException> T failure(Class<T> type, ThrowingCallable call, String message) {
        T error = catchThrowableOfType(call, type);
        assertThat(error).as("expected %s", type.getSimpleName()).isNotNull();
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(message);
        return error;
    }

    // ---------------------------------------------------------------- daemon task definitions

    @Nested
    class DaemonTaskDefinitions {

        @Test
        void registeringAgainMakesTheNextRevisionOfTheFamily() {
            assertThat(registerAgent("public.ecr.aws/cloudwatch-agent/cloudwatch-agent:1")).isEqualTo(AGENT_1);
            assertThat(registerAgent("public.ecr.aws/cloudwatch-agent/cloudwatch-agent:2")).isEqualTo(AGENT_2);

            DaemonTaskDefinition latest = ecs.describeDaemonTaskDefinition(r -> r.daemonTaskDefinition("monitoring-agent"))
                    .daemonTaskDefinition();

            assertThat(latest.daemonTaskDefinitionArn()).isEqualTo(AGENT_2);
            assertThat(latest.family()).isEqualTo("monitoring-agent");
            assertThat(latest.revision()).isEqualTo(2);
            assertThat(latest.statusAsString()).isEqualTo("ACTIVE");
            assertThat(latest.cpu()).isEqualTo("256");
            assertThat(latest.memory()).isEqualTo("512");
            assertThat(latest.registeredBy()).isEqualTo("arn:aws:iam::123456789012:root");
            assertThat(latest.registeredAt()).isEqualTo(mock.clock().now());
            assertThat(latest.deleteRequestedAt()).isNull();
            assertThat(latest.containerDefinitions()).singleElement().satisfies(container -> {
                assertThat(container.name()).isEqualTo("cloudwatch-agent");
                assertThat(container.image()).isEqualTo("public.ecr.aws/cloudwatch-agent/cloudwatch-agent:2");
            });
        }

        @Test
        void aRevisionIsFoundByFamilyAndRevisionAndByArn() {
            registerAgent("agent:1");
            registerAgent("agent:2");

            assertThat(ecs.describeDaemonTaskDefinition(r -> r.daemonTaskDefinition("monitoring-agent:1"))
                    .daemonTaskDefinition().daemonTaskDefinitionArn()).isEqualTo(AGENT_1);
            assertThat(ecs.describeDaemonTaskDefinition(r -> r.daemonTaskDefinition(AGENT_1))
                    .daemonTaskDefinition().containerDefinitions().get(0).image()).isEqualTo("agent:1");
        }

        @Test
        void describingAnUnknownDefinitionIsAClientException() {
            registerAgent("agent:1");
            String message = "Unable to describe daemon task definition.";

            failure(ClientException.class, () -> ecs.describeDaemonTaskDefinition(r -> r.daemonTaskDefinition("unknown")), message);
            failure(ClientException.class, () -> ecs.describeDaemonTaskDefinition(r -> r.daemonTaskDefinition("monitoring-agent:7")),
                    message);
            failure(ClientException.class, () -> ecs.describeDaemonTaskDefinition(r -> r.daemonTaskDefinition(
                    "arn:aws:ecs:eu-west-1:123456789012:daemon-task-definition/monitoring-agent:1")), message);
        }

        @Test
        void registrationChecksTheFamilyAndTheContainers() {
            failure(ClientException.class, () -> ecs.registerDaemonTaskDefinition(r -> r.family("monitoring agent")
                    .containerDefinitions(c -> c.name("a").image("agent"))), "Family contains invalid characters.");
            failure(ClientException.class, () -> ecs.registerDaemonTaskDefinition(r -> r.family("agent")
                    .containerDefinitions(List.of())), "Container list cannot be empty.");
            failure(ClientException.class, () -> ecs.registerDaemonTaskDefinition(r -> r.family("agent")
                    .containerDefinitions(c -> c.image("agent"))), "Container.name should not be null or empty.");
            failure(ClientException.class, () -> ecs.registerDaemonTaskDefinition(r -> r.family("agent")
                    .containerDefinitions(c -> c.name("a").image("agent"), c -> c.name("a").image("other"))),
                    "Container names must be unique within a Daemon Task Definition.");
            List<Tag> tooMany = IntStream.rangeClosed(1, 51).mapToObj(i -> tag("k" + i, "v")).toList();
            failure(InvalidParameterException.class, () -> ecs.registerDaemonTaskDefinition(r -> r.family("agent").tags(tooMany)
                    .containerDefinitions(c -> c.name("a").image("agent"))), "tags can have at most 50 items.");

            assertThat(ecs.listDaemonTaskDefinitions(r -> r.status(DaemonTaskDefinitionStatusFilter.ALL)).daemonTaskDefinitions())
                    .isEmpty();
        }

        @Test
        void tagsGivenAtRegistrationAreListedAndTagResourceWorksOnTheRevision() {
            String arn = ecs.registerDaemonTaskDefinition(r -> r.family("agent").tags(tag("team", "observability"))
                    .containerDefinitions(c -> c.name("a").image("agent"))).daemonTaskDefinitionArn();

            ecs.tagResource(r -> r.resourceArn(arn).tags(tag("env", "prod")));

            assertThat(ecs.listTagsForResource(r -> r.resourceArn(arn)).tags())
                    .containsExactly(tag("team", "observability"), tag("env", "prod"));
        }

        @Test
        void deletingARevisionNobodyRunsMakesItDeleted() {
            registerAgent("agent:1");

            String deleted = ecs.deleteDaemonTaskDefinition(r -> r.daemonTaskDefinition("monitoring-agent:1"))
                    .daemonTaskDefinitionArn();

            assertThat(deleted).isEqualTo(AGENT_1);
            DaemonTaskDefinition definition = ecs.describeDaemonTaskDefinition(r -> r.daemonTaskDefinition(AGENT_1))
                    .daemonTaskDefinition();
            assertThat(definition.statusAsString()).isEqualTo("DELETED");
            assertThat(definition.deleteRequestedAt()).isEqualTo(mock.clock().now());
            // A family alone means its latest ACTIVE revision, and there is none now.
            failure(ClientException.class, () -> ecs.describeDaemonTaskDefinition(r -> r.daemonTaskDefinition("monitoring-agent")),
                    "Unable to describe daemon task definition.");

            mock.clock().advance(Duration.ofHours(1).plusSeconds(1));
            failure(ClientException.class, () -> ecs.describeDaemonTaskDefinition(r -> r.daemonTaskDefinition(AGENT_1)),
                    "Unable to describe daemon task definition.");
        }

        @Test
        void aRevisionThatAnActiveDaemonRunsStaysDeleteInProgressUntilTheDaemonMovesOff() {
            registerAgent("agent:1");
            registerAgent("agent:2");
            createDaemon(AGENT_1);

            ecs.deleteDaemonTaskDefinition(r -> r.daemonTaskDefinition(AGENT_1));
            assertThat(ecs.describeDaemonTaskDefinition(r -> r.daemonTaskDefinition(AGENT_1)).daemonTaskDefinition().statusAsString())
                    .isEqualTo("DELETE_IN_PROGRESS");

            ecs.updateDaemon(r -> r.daemonArn(DAEMON_ARN).daemonTaskDefinitionArn(AGENT_2).capacityProviderArns(PROVIDER));
            assertThat(ecs.describeDaemonTaskDefinition(r -> r.daemonTaskDefinition(AGENT_1)).daemonTaskDefinition().statusAsString())
                    .isEqualTo("DELETED");
        }

        @Test
        void deletionErrors() {
            registerAgent("agent:1");
            failure(ClientException.class, () -> ecs.deleteDaemonTaskDefinition(r -> r.daemonTaskDefinition("monitoring-agent")),
                    "Revision is missing.");
            failure(ClientException.class, () -> ecs.deleteDaemonTaskDefinition(r -> r.daemonTaskDefinition("monitoring-agent:9")),
                    "The specified daemon task definition does not exist.");
            ecs.deleteDaemonTaskDefinition(r -> r.daemonTaskDefinition("monitoring-agent:1"));
            failure(ClientException.class, () -> ecs.deleteDaemonTaskDefinition(r -> r.daemonTaskDefinition(AGENT_1)),
                    "The specified daemon task definition is in the process of being deleted.");
        }

        @Test
        void listingFiltersByStatusFamilyAndRevisionAndSorts() {
            for (String family : List.of("b-agent", "a-agent", "b-agent", "c-log")) {
                ecs.registerDaemonTaskDefinition(r -> r.family(family).containerDefinitions(c -> c.name("a").image("x")));
            }
            ecs.deleteDaemonTaskDefinition(r -> r.daemonTaskDefinition("c-log:1"));
            String p = PREFIX + "daemon-task-definition/";

            assertThat(arns(ecs.listDaemonTaskDefinitions(r -> { })))
                    .containsExactly(p + "a-agent:1", p + "b-agent:1", p + "b-agent:2");
            assertThat(arns(ecs.listDaemonTaskDefinitions(r -> r.sort(SortOrder.DESC))))
                    .containsExactly(p + "b-agent:2", p + "b-agent:1", p + "a-agent:1");
            assertThat(arns(ecs.listDaemonTaskDefinitions(r -> r.familyPrefix("b-"))))
                    .containsExactly(p + "b-agent:1", p + "b-agent:2");
            assertThat(arns(ecs.listDaemonTaskDefinitions(r -> r.family("a-agent")))).containsExactly(p + "a-agent:1");
            assertThat(arns(ecs.listDaemonTaskDefinitions(r -> r.revision(DaemonTaskDefinitionRevisionFilter.LAST_REGISTERED))))
                    .containsExactly(p + "a-agent:1", p + "b-agent:2");
            assertThat(arns(ecs.listDaemonTaskDefinitions(r -> r.status(DaemonTaskDefinitionStatusFilter.ALL))))
                    .containsExactly(p + "a-agent:1", p + "b-agent:1", p + "b-agent:2", p + "c-log:1");
            assertThat(ecs.listDaemonTaskDefinitions(r -> r.status(DaemonTaskDefinitionStatusFilter.ALL).family("c-log"))
                    .daemonTaskDefinitions()).singleElement().satisfies(summary -> {
                        assertThat(summary.statusAsString()).isEqualTo("DELETED");
                        assertThat(summary.deleteRequestedAt()).isNotNull();
                        assertThat(summary.registeredBy()).isEqualTo("arn:aws:iam::123456789012:root");
                    });
            failure(InvalidParameterException.class, () -> ecs.listDaemonTaskDefinitions(r -> r.family("a").familyPrefix("a")),
                    "family and familyPrefix cannot both be specified.");
        }

        @Test
        void listingPagesWithTokens() {
            for (int i = 0; i < 5; i++) {
                registerAgent("agent:" + i);
            }
            List<String> seen = new ArrayList<>();
            String token = null;
            int pages = 0;
            do {
                String next = token;
                ListDaemonTaskDefinitionsResponse page = ecs.listDaemonTaskDefinitions(r -> r.maxResults(2).nextToken(next));
                seen.addAll(arns(page));
                token = page.nextToken();
                pages++;
            } while (token != null);

            assertThat(pages).isEqualTo(3);
            assertThat(seen).hasSize(5).doesNotHaveDuplicates();
            ListDaemonTaskDefinitionsResponse newest = ecs.listDaemonTaskDefinitions(r -> r.sort(SortOrder.DESC).maxResults(2));
            ListDaemonTaskDefinitionsResponse older = ecs.listDaemonTaskDefinitions(r -> r.sort(SortOrder.DESC).maxResults(2)
                    .nextToken(newest.nextToken()));
            assertThat(arns(newest)).containsExactly(PREFIX + "daemon-task-definition/monitoring-agent:5",
                    PREFIX + "daemon-task-definition/monitoring-agent:4");
            assertThat(arns(older)).containsExactly(PREFIX + "daemon-task-definition/monitoring-agent:3",
                    PREFIX + "daemon-task-definition/monitoring-agent:2");
            failure(InvalidParameterException.class, () -> ecs.listDaemonTaskDefinitions(r -> r.nextToken("bogus")),
                    "Invalid token bogus");
            failure(InvalidParameterException.class, () -> ecs.listDaemonTaskDefinitions(r -> r.maxResults(101)),
                    "maxResults must be between 1 and 100.");
        }

        private List<String> arns(ListDaemonTaskDefinitionsResponse response) {
            return response.daemonTaskDefinitions().stream().map(DaemonTaskDefinitionSummary::arn).toList();
        }
    }

    // ---------------------------------------------------------------- daemons

    @Nested
    class Lifecycle {

        @Test
        void aDaemonRunsOneTaskOnEachActiveInstance() {
            ContainerInstance first = instance("i-0000000000000000a");
            ContainerInstance second = instance("i-0000000000000000b");
            registerAgent("agent:1");

            CreateDaemonResponse created = createDaemon(AGENT_1);

            assertThat(created.daemonArn()).isEqualTo(DAEMON_ARN);
            assertThat(created.statusAsString()).isEqualTo("ACTIVE");
            assertThat(created.createdAt()).isEqualTo(mock.clock().now());
            assertThat(created.deploymentArn()).matches(PREFIX.replace(".", "\\.")
                    + "daemon-deployment/prod/my-monitoring-daemon/[A-Za-z0-9]{16}");
            List<Task> tasks = daemonTasks("RUNNING");
            assertThat(tasks).hasSize(2).allSatisfy(task -> {
                assertThat(task.lastStatus()).isEqualTo("RUNNING");
                assertThat(task.group()).isEqualTo("daemon:my-monitoring-daemon");
                assertThat(task.taskDefinitionArn()).isEqualTo(AGENT_1);
                assertThat(task.containers()).singleElement().satisfies(c -> assertThat(c.image()).isEqualTo("agent:1"));
            });
            assertThat(tasks).extracting(Task::containerInstanceArn)
                    .containsExactlyInAnyOrder(first.containerInstanceArn(), second.containerInstanceArn());

            DaemonDetail daemon = describe(DAEMON_ARN);
            assertThat(daemon.clusterArn()).isEqualTo(CLUSTER_ARN);
            assertThat(daemon.statusAsString()).isEqualTo("ACTIVE");
            assertThat(daemon.deploymentArn()).isEqualTo(created.deploymentArn());
            assertThat(daemon.currentRevisions()).singleElement().satisfies(revision -> {
                assertThat(revision.arn()).matches(PREFIX.replace(".", "\\.")
                        + "daemon-revision/prod/my-monitoring-daemon/[0-9]{19}");
                assertThat(revision.totalRunningCount()).isEqualTo(2);
                assertThat(revision.totalWithoutDaemonCount()).isZero();
                assertThat(revision.capacityProviders()).singleElement().satisfies(provider -> {
                    assertThat(provider.arn()).isEqualTo(PROVIDER);
                    assertThat(provider.runningCount()).isEqualTo(2);
                });
            });
        }

        @Test
        void listTasksByDaemonNameListsOnlyThatDaemonsTasks() {
            instance("i-0000000000000000a");
            instance("i-0000000000000000b");
            registerAgent("agent:1");
            createDaemon(AGENT_1);
            ecs.registerTaskDefinition(r -> r.family("job").containerDefinitions(c -> c.name("job").image("job").memory(64)));
            String other = ecs.runTask(r -> r.cluster("prod").taskDefinition("job").launchType(LaunchType.EC2))
                    .tasks().get(0).taskArn();

            List<String> ofDaemon = ecs.listTasks(r -> r.cluster("prod").daemonName("my-monitoring-daemon")).taskArns();

            assertThat(ofDaemon).hasSize(2).doesNotContain(other)
                    .containsExactlyInAnyOrderElementsOf(daemonTasks("RUNNING").stream()
                            .filter(task -> task.group().equals("daemon:my-monitoring-daemon")).map(Task::taskArn).toList());
            assertThat(ecs.listTasks(r -> r.cluster("prod")).taskArns()).hasSize(3);
            assertThat(ecs.listTasks(r -> r.cluster("prod").daemonName("no-such-daemon")).taskArns()).isEmpty();
        }

        @Test
        void anInstanceThatRegistersLaterGetsTheDaemonTask() {
            registerAgent("agent:1");
            createDaemon(AGENT_1);
            assertThat(describe(DAEMON_ARN).currentRevisions().get(0).totalRunningCount()).isZero();

            ContainerInstance late = instance("i-0000000000000000c");

            assertThat(daemonTasks("RUNNING")).singleElement()
                    .satisfies(task -> assertThat(task.containerInstanceArn()).isEqualTo(late.containerInstanceArn()));
            assertThat(describe(DAEMON_ARN).currentRevisions().get(0).totalRunningCount()).isEqualTo(1);
        }

        @Test
        void aTaskThatCannotStartKeepsTheDeploymentInProgressAndIsTriedAgain() {
            instance("i-0000000000000000a");
            registerAgent("agent:1");
            mock.failTasksOf("monitoring-agent:1");
            String deploymentArn = createDaemon(AGENT_1).deploymentArn();
            int stoppedBefore = daemonTasks("STOPPED").size();

            assertThat(deployment(deploymentArn).statusAsString()).isEqualTo("IN_PROGRESS");
            assertThat(daemonTasks("RUNNING")).isEmpty();

            mock.clearFaults();
            mock.clock().advance(Duration.ofSeconds(30));
            assertThat(daemonTasks("RUNNING")).hasSize(1);
            assertThat(daemonTasks("STOPPED")).hasSize(stoppedBefore);
            assertThat(deployment(deploymentArn).statusAsString()).isEqualTo("SUCCESSFUL");
        }

        @Test
        void anInstanceWithoutRoomForTheTaskIsCountedWithoutTheDaemon() {
            ecs.registerContainerInstance(r -> r.cluster("prod")
                    .instanceIdentityDocument("{\"instanceId\":\"i-0000000000000000d\"}")
                    .totalResources(Resource.builder().name("CPU").type("INTEGER").integerValue(128).build(),
                            Resource.builder().name("MEMORY").type("INTEGER").integerValue(4096).build()));
            registerAgent("agent:1");

            String deploymentArn = createDaemon(AGENT_1).deploymentArn();

            assertThat(daemonTasks("RUNNING")).isEmpty();
            assertThat(describe(DAEMON_ARN).currentRevisions().get(0).totalWithoutDaemonCount()).isEqualTo(1);
            DaemonDeployment deployment = deployment(deploymentArn);
            assertThat(deployment.statusAsString()).isEqualTo("SUCCESSFUL");
            assertThat(deployment.targetDaemonRevision().totalWithoutDaemonInstanceCount()).isEqualTo(1);
            assertThat(deployment.targetDaemonRevision().capacityProviders().get(0).withoutDaemonInstanceCount()).isEqualTo(1);
        }

        @Test
        void aStoppedDaemonTaskIsStartedAgainAfterADelay() {
            instance("i-0000000000000000a");
            registerAgent("agent:1");
            createDaemon(AGENT_1);
            Task task = daemonTasks("RUNNING").get(0);

            ecs.stopTask(r -> r.cluster("prod").task(task.taskArn()));
            assertThat(daemonTasks("RUNNING")).isEmpty();

            mock.clock().advance(Duration.ofSeconds(30));
            assertThat(daemonTasks("RUNNING")).singleElement()
                    .satisfies(restarted -> assertThat(restarted.taskArn()).isNotEqualTo(task.taskArn()));
        }

        @Test
        void theFirstDeploymentSucceedsAndIsListed() {
            instance("i-0000000000000000a");
            registerAgent("agent:1");
            String deploymentArn = createDaemon(AGENT_1).deploymentArn();

            DaemonDeployment deployment = deployment(deploymentArn);

            assertThat(deployment.daemonDeploymentArn()).isEqualTo(deploymentArn);
            assertThat(deployment.clusterArn()).isEqualTo(CLUSTER_ARN);
            assertThat(deployment.status()).isEqualTo(DaemonDeploymentStatus.SUCCESSFUL);
            assertThat(deployment.createdAt()).isEqualTo(mock.clock().now());
            assertThat(deployment.startedAt()).isEqualTo(mock.clock().now());
            assertThat(deployment.finishedAt()).isEqualTo(mock.clock().now());
            assertThat(deployment.stoppedAt()).isNull();
            assertThat(deployment.sourceDaemonRevisions()).isEmpty();
            assertThat(deployment.targetDaemonRevision().arn()).isEqualTo(describe(DAEMON_ARN).currentRevisions().get(0).arn());
            assertThat(deployment.targetDaemonRevision().totalRunningInstanceCount()).isEqualTo(1);
            assertThat(deployment.deploymentConfiguration().bakeTimeInMinutes()).isZero();
            assertThat(deployment.deploymentConfiguration().alarms().enable()).isFalse();
            assertThat(deployment.alarms().statusAsString()).isEqualTo("DISABLED");
            assertThat(deployment.circuitBreaker().statusAsString()).isEqualTo("MONITORING_COMPLETE");

            assertThat(ecs.listDaemonDeployments(r -> r.daemonArn(DAEMON_ARN)).daemonDeployments()).singleElement()
                    .satisfies(summary -> {
                        assertThat(summary.daemonDeploymentArn()).isEqualTo(deploymentArn);
                        assertThat(summary.daemonArn()).isEqualTo(DAEMON_ARN);
                        assertThat(summary.statusAsString()).isEqualTo("SUCCESSFUL");
                        assertThat(summary.targetDaemonRevisionArn()).isEqualTo(deployment.targetDaemonRevision().arn());
                    });
        }

        @Test
        void anUpdateReplacesEveryTaskWithTheNewRevision() {
            instance("i-0000000000000000a");
            instance("i-0000000000000000b");
            registerAgent("agent:1");
            registerAgent("agent:2");
            String firstDeployment = createDaemon(AGENT_1).deploymentArn();
            String firstRevision = describe(DAEMON_ARN).currentRevisions().get(0).arn();
            mock.clock().advance(Duration.ofMinutes(1));

            UpdateDaemonResponse updated = ecs.updateDaemon(r -> r.daemonArn(DAEMON_ARN).daemonTaskDefinitionArn(AGENT_2)
                    .capacityProviderArns(PROVIDER).propagateTags(DaemonPropagateTags.DAEMON).enableExecuteCommand(true)
                    .deploymentConfiguration(c -> c.drainPercent(25.0).bakeTimeInMinutes(5)));

            assertThat(updated.statusAsString()).isEqualTo("ACTIVE");
            assertThat(updated.updatedAt()).isEqualTo(mock.clock().now());
            assertThat(updated.createdAt()).isBefore(updated.updatedAt());
            assertThat(updated.deploymentArn()).isNotEqualTo(firstDeployment);
            assertThat(daemonTasks("RUNNING")).hasSize(2)
                    .allSatisfy(task -> assertThat(task.taskDefinitionArn()).isEqualTo(AGENT_2));
            assertThat(daemonTasks("STOPPED")).hasSize(2).allSatisfy(task -> {
                assertThat(task.taskDefinitionArn()).isEqualTo(AGENT_1);
                assertThat(task.stoppedReason()).isEqualTo("Task replaced by a new daemon revision.");
            });

            DaemonDeployment second = deployment(updated.deploymentArn());
            assertThat(second.statusAsString()).isEqualTo("SUCCESSFUL");
            assertThat(second.sourceDaemonRevisions()).singleElement().satisfies(source -> {
                assertThat(source.arn()).isEqualTo(firstRevision);
                assertThat(source.totalRunningInstanceCount()).isZero();
            });
            assertThat(second.targetDaemonRevision().totalRunningInstanceCount()).isEqualTo(2);
            assertThat(second.deploymentConfiguration().drainPercent()).isEqualTo(25.0);
            assertThat(deployment(firstDeployment).statusAsString()).isEqualTo("SUCCESSFUL");

            String secondRevision = second.targetDaemonRevision().arn();
            DescribeDaemonRevisionsResponse revisions = ecs.describeDaemonRevisions(r -> r.daemonRevisionArns(
                    firstRevision, secondRevision, PREFIX + "daemon-revision/prod/my-monitoring-daemon/1"));
            assertThat(revisions.daemonRevisions()).extracting(DaemonRevision::daemonTaskDefinitionArn).containsExactly(AGENT_1, AGENT_2);
            assertThat(revisions.daemonRevisions().get(1)).satisfies(revision -> {
                assertThat(revision.daemonArn()).isEqualTo(DAEMON_ARN);
                assertThat(revision.clusterArn()).isEqualTo(CLUSTER_ARN);
                assertThat(revision.propagateTagsAsString()).isEqualTo("DAEMON");
                assertThat(revision.enableExecuteCommand()).isTrue();
                assertThat(revision.enableECSManagedTags()).isFalse();
                assertThat(revision.containerImages()).singleElement().satisfies(image -> {
                    assertThat(image.containerName()).isEqualTo("cloudwatch-agent");
                    assertThat(image.image()).isEqualTo("agent:2");
                    assertThat(image.imageDigest()).matches("sha256:[0-9a-f]{64}");
                });
            });
            assertThat(revisions.failures()).singleElement().satisfies(failure -> {
                assertThat(failure.arn()).isEqualTo(PREFIX + "daemon-revision/prod/my-monitoring-daemon/1");
                assertThat(failure.reason()).isEqualTo("MISSING");
            });
            assertThat(ecs.listDaemonDeployments(r -> r.daemonArn(DAEMON_ARN)).daemonDeployments())
                    .extracting(DaemonDeploymentSummary::daemonDeploymentArn).containsExactly(updated.deploymentArn(), firstDeployment);
        }

        @Test
        void deletingStopsTheTasksAndTheDaemonGoesAfterARetentionPeriod() {
            instance("i-0000000000000000a");
            registerAgent("agent:1");
            createDaemon(AGENT_1);

            var deleted = ecs.deleteDaemon(r -> r.daemonArn(DAEMON_ARN));

            assertThat(deleted.statusAsString()).isEqualTo("DELETE_IN_PROGRESS");
            assertThat(daemonTasks("RUNNING")).isEmpty();
            assertThat(daemonTasks("STOPPED")).singleElement()
                    .satisfies(task -> assertThat(task.stoppedReason()).isEqualTo("Daemon deleted."));
            DaemonDeployment drain = deployment(deleted.deploymentArn());
            assertThat(drain.statusAsString()).isEqualTo("SUCCESSFUL");
            assertThat(drain.targetDaemonRevision()).isNull();
            assertThat(drain.sourceDaemonRevisions()).hasSize(1);
            assertThat(describe(DAEMON_ARN).statusAsString()).isEqualTo("DELETE_IN_PROGRESS");
            assertThat(describe(DAEMON_ARN).currentRevisions()).isEmpty();

            failure(DaemonNotActiveException.class, () -> ecs.deleteDaemon(r -> r.daemonArn(DAEMON_ARN)), "Daemon was not ACTIVE.");
            failure(DaemonNotActiveException.class, () -> ecs.updateDaemon(r -> r.daemonArn(DAEMON_ARN)
                    .daemonTaskDefinitionArn(AGENT_1).capacityProviderArns(PROVIDER)), "Daemon was not ACTIVE.");

            mock.clock().advance(Duration.ofHours(1).plusSeconds(1));
            failure(DaemonNotFoundException.class, () -> describe(DAEMON_ARN), "Daemon not found.");
            assertThat(ecs.describeDaemonDeployments(r -> r.daemonDeploymentArns(deleted.deploymentArn())).failures())
                    .singleElement().satisfies(failure -> assertThat(failure.reason()).isEqualTo("MISSING"));
        }

        @Test
        void aDeletedDaemonsNameCanBeUsedAgain() {
            registerAgent("agent:1");
            createDaemon(AGENT_1);
            ecs.deleteDaemon(r -> r.daemonArn(DAEMON_ARN));

            CreateDaemonResponse again = createDaemon(AGENT_1);

            assertThat(again.daemonArn()).isEqualTo(DAEMON_ARN);
            assertThat(describe(DAEMON_ARN).statusAsString()).isEqualTo("ACTIVE");
        }

        @Test
        void tagsArePropagatedToTheTasksWhenAsked() {
            instance("i-0000000000000000a");
            registerAgent("agent:1");
            ecs.createDaemon(r -> r.clusterArn(CLUSTER_ARN).daemonName("my-monitoring-daemon").daemonTaskDefinitionArn(AGENT_1)
                    .capacityProviderArns(PROVIDER).tags(tag("team", "observability"))
                    .propagateTags(DaemonPropagateTags.DAEMON).enableECSManagedTags(true));

            assertThat(ecs.listTagsForResource(r -> r.resourceArn(DAEMON_ARN)).tags()).containsExactly(tag("team", "observability"));
            assertThat(daemonTasks("RUNNING")).singleElement().satisfies(task -> assertThat(task.tags()).containsExactly(
                    tag("team", "observability"), tag("aws:ecs:clusterName", "prod"), tag("aws:ecs:daemonName", "my-monitoring-daemon")));
        }

        @Test
        void aDaemonIsTaggedAndUntaggedByItsArnUntilItIsDeleted() {
            registerAgent("agent:1");
            createDaemon(AGENT_1);

            ecs.tagResource(r -> r.resourceArn(DAEMON_ARN).tags(tag("team", "observability"), tag("env", "prod")));
            ecs.untagResource(r -> r.resourceArn(DAEMON_ARN).tagKeys("env"));

            assertThat(ecs.listTagsForResource(r -> r.resourceArn(DAEMON_ARN)).tags()).containsExactly(tag("team", "observability"));
            ecs.deleteDaemon(r -> r.daemonArn(DAEMON_ARN));
            failure(InvalidParameterException.class, () -> ecs.listTagsForResource(r -> r.resourceArn(DAEMON_ARN)),
                    "The specified resource could not be found.");
        }

        @Test
        void theSameClientTokenGivesBackTheSameDaemon() {
            registerAgent("agent:1");
            CreateDaemonResponse first = ecs.createDaemon(r -> r.clusterArn(CLUSTER_ARN).daemonName("my-monitoring-daemon")
                    .daemonTaskDefinitionArn(AGENT_1).capacityProviderArns(PROVIDER).clientToken("token-1"));

            CreateDaemonResponse second = ecs.createDaemon(r -> r.clusterArn(CLUSTER_ARN).daemonName("my-monitoring-daemon")
                    .daemonTaskDefinitionArn(AGENT_1).capacityProviderArns(PROVIDER).clientToken("token-1"));

            assertThat(second.daemonArn()).isEqualTo(first.daemonArn());
            assertThat(second.deploymentArn()).isEqualTo(first.deploymentArn());
            assertThat(second.createdAt()).isEqualTo(first.createdAt());
            assertThat(ecs.listDaemonDeployments(r -> r.daemonArn(DAEMON_ARN)).daemonDeployments()).hasSize(1);
            failure(InvalidParameterException.class, () -> createDaemon(AGENT_1), "Creation of daemon was not idempotent.");
        }
    }

    // ---------------------------------------------------------------- errors

    @Nested
    class Errors {

        @Test
        void createRefusesAMissingClusterOrDefinitionAndUnusableCapacityProviders() {
            registerAgent("agent:1");
            failure(ClusterNotFoundException.class, () -> ecs.createDaemon(r -> r.clusterArn(PREFIX + "cluster/nope")
                    .daemonName("d").daemonTaskDefinitionArn(AGENT_1).capacityProviderArns(PROVIDER)), "Cluster not found.");
            failure(ClientException.class, () -> createDaemon(AGENT_2), "DaemonTaskDefinition not found.");
            failure(InvalidParameterException.class, () -> ecs.createDaemon(r -> r.clusterArn(CLUSTER_ARN).daemonName("d")
                    .daemonTaskDefinitionArn(AGENT_1).capacityProviderArns(PREFIX + "capacity-provider/FARGATE")),
                    "ECS Managed Daemons is only supported for Amazon ECS Managed Instances Capacity Providers.");
            failure(InvalidParameterException.class, () -> ecs.createDaemon(r -> r.clusterArn(CLUSTER_ARN).daemonName("d")
                    .daemonTaskDefinitionArn(AGENT_1).capacityProviderArns("my-capacity-provider")),
                    "The capacity provider ARN provided is invalid: my-capacity-provider");
            failure(InvalidParameterException.class, () -> ecs.createDaemon(r -> r.clusterArn(CLUSTER_ARN).daemonName("d")
                    .daemonTaskDefinitionArn(AGENT_1).capacityProviderArns(List.of())),
                    "capacityProviderArns must contain at least 1 item.");
            failure(InvalidParameterException.class, () -> ecs.createDaemon(r -> r.clusterArn(CLUSTER_ARN).daemonName("my daemon")
                    .daemonTaskDefinitionArn(AGENT_1).capacityProviderArns(PROVIDER)),
                    "Daemon name can only contain up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens.");
            failure(InvalidParameterException.class, () -> ecs.createDaemon(r -> r.clusterArn(CLUSTER_ARN).daemonName("d")
                    .daemonTaskDefinitionArn(AGENT_1).capacityProviderArns(PROVIDER)
                    .deploymentConfiguration(c -> c.bakeTimeInMinutes(-1))),
                    "bakeTimeInMinutes must be greater than or equal to 0.");

            ecs.deleteDaemonTaskDefinition(r -> r.daemonTaskDefinition(AGENT_1));
            failure(ClientException.class, () -> createDaemon(AGENT_1), "DaemonTaskDefinition is inactive");
            assertThat(ecs.listDaemons(r -> r.clusterArn(CLUSTER_ARN)).daemonSummariesList()).isEmpty();
        }

        @Test
        void anUnknownDaemonIsNotFoundAndAnArnOfAMissingClusterIsClusterNotFound() {
            failure(DaemonNotFoundException.class, () -> describe(DAEMON_ARN), "Daemon not found.");
            failure(DaemonNotFoundException.class, () -> ecs.updateDaemon(r -> r.daemonArn(DAEMON_ARN)
                    .daemonTaskDefinitionArn(AGENT_1).capacityProviderArns(PROVIDER)), "Daemon not found.");
            failure(DaemonNotFoundException.class, () -> ecs.deleteDaemon(r -> r.daemonArn(DAEMON_ARN)), "Daemon not found.");
            failure(DaemonNotFoundException.class, () -> describe("arn:aws:ecs:eu-west-1:123456789012:daemon/prod/my-monitoring-daemon"),
                    "Daemon not found.");
            failure(ClusterNotFoundException.class, () -> describe(PREFIX + "daemon/other/my-monitoring-daemon"), "Cluster not found.");
            failure(InvalidParameterException.class, () -> describe("my-monitoring-daemon"),
                    "The daemon ARN provided is invalid: my-monitoring-daemon");
        }

        @Test
        void describingTooManyDeploymentsOrRevisionsIsRefused() {
            List<String> arns = IntStream.range(0, 21).mapToObj(i -> PREFIX + "daemon-deployment/prod/d/" + i).toList();

            failure(InvalidParameterException.class, () -> ecs.describeDaemonDeployments(r -> r.daemonDeploymentArns(arns)),
                    "daemonDeploymentArns can have at most 20 items.");
            failure(InvalidParameterException.class, () -> ecs.describeDaemonRevisions(r -> r.daemonRevisionArns(arns)),
                    "daemonRevisionArns can have at most 20 items.");
            failure(InvalidParameterException.class, () -> ecs.describeDaemonRevisions(r -> r.daemonRevisionArns(List.of())),
                    "daemonRevisionArns must contain at least 1 item.");
        }

        @Test
        void unknownDeploymentsAreFailuresMissing() {
            String unknown = PREFIX + "daemon-deployment/prod/my-monitoring-daemon/xY9zA8bC7dE6fG5h";

            DescribeDaemonDeploymentsResponse response = ecs.describeDaemonDeployments(r -> r.daemonDeploymentArns(unknown));

            assertThat(response.daemonDeployments()).isEmpty();
            assertThat(response.failures()).singleElement().satisfies(failure -> {
                assertThat(failure.arn()).isEqualTo(unknown);
                assertThat(failure.reason()).isEqualTo("MISSING");
            });
        }

        @Test
        void listingInAMissingClusterIsClusterNotFound() {
            failure(ClusterNotFoundException.class, () -> ecs.listDaemons(r -> r.clusterArn(PREFIX + "cluster/nope")),
                    "Cluster not found.");
            failure(ClusterNotFoundException.class, () -> ecs.listDaemons(r -> { }), "Cluster not found.");
            failure(ClusterNotFoundException.class, () -> ecs.listDaemonDeployments(r -> r.daemonArn(PREFIX + "daemon/nope/d")),
                    "Cluster not found.");
            assertThat(ecs.listDaemonDeployments(r -> r.daemonArn(DAEMON_ARN)).daemonDeployments()).isEmpty();
        }
    }

    // ---------------------------------------------------------------- listing

    @Nested
    class Listing {

        @Test
        void listDaemonsPagesThroughTheDaemonsOfTheCluster() {
            registerAgent("agent:1");
            for (String name : List.of("d-a", "d-b", "d-c")) {
                ecs.createDaemon(r -> r.clusterArn(CLUSTER_ARN).daemonName(name).daemonTaskDefinitionArn(AGENT_1)
                        .capacityProviderArns(PROVIDER));
            }
            ecs.createCluster(r -> r.clusterName("other"));
            ecs.createDaemon(r -> r.clusterArn("other").daemonName("d-z").daemonTaskDefinitionArn(AGENT_1)
                    .capacityProviderArns(PROVIDER));

            ListDaemonsResponse first = ecs.listDaemons(r -> r.clusterArn(CLUSTER_ARN).maxResults(2));
            ListDaemonsResponse second = ecs.listDaemons(r -> r.clusterArn(CLUSTER_ARN).maxResults(2).nextToken(first.nextToken()));

            assertThat(first.daemonSummariesList()).extracting(DaemonSummary::daemonArn)
                    .containsExactly(PREFIX + "daemon/prod/d-a", PREFIX + "daemon/prod/d-b");
            assertThat(second.daemonSummariesList()).extracting(DaemonSummary::daemonArn).containsExactly(PREFIX + "daemon/prod/d-c");
            assertThat(second.nextToken()).isNull();
            assertThat(first.daemonSummariesList().get(0).statusAsString()).isEqualTo("ACTIVE");
            assertThat(ecs.listDaemons(r -> r.clusterArn("other")).daemonSummariesList()).hasSize(1);
            failure(InvalidParameterException.class, () -> ecs.listDaemons(r -> r.clusterArn(CLUSTER_ARN).nextToken("bogus")),
                    "Invalid token bogus");
        }

        @Test
        void listDaemonsFiltersByCapacityProvider() {
            registerAgent("agent:1");
            ecs.createDaemon(r -> r.clusterArn(CLUSTER_ARN).daemonName("d-a").daemonTaskDefinitionArn(AGENT_1)
                    .capacityProviderArns(PROVIDER));
            ecs.createDaemon(r -> r.clusterArn(CLUSTER_ARN).daemonName("d-b").daemonTaskDefinitionArn(AGENT_1)
                    .capacityProviderArns(PREFIX + "capacity-provider/other"));

            assertThat(ecs.listDaemons(r -> r.clusterArn(CLUSTER_ARN).capacityProviderArns(PREFIX + "capacity-provider/other"))
                    .daemonSummariesList()).extracting(DaemonSummary::daemonArn).containsExactly(PREFIX + "daemon/prod/d-b");
        }

        @Test
        void listDaemonDeploymentsFiltersByStatusAndPages() {
            registerAgent("agent:1");
            registerAgent("agent:2");
            String first = createDaemon(AGENT_1).deploymentArn();
            String second = ecs.updateDaemon(r -> r.daemonArn(DAEMON_ARN).daemonTaskDefinitionArn(AGENT_2)
                    .capacityProviderArns(PROVIDER)).deploymentArn();
            String third = ecs.updateDaemon(r -> r.daemonArn(DAEMON_ARN).daemonTaskDefinitionArn(AGENT_1)
                    .capacityProviderArns(PROVIDER)).deploymentArn();

            var page1 = ecs.listDaemonDeployments(r -> r.daemonArn(DAEMON_ARN).maxResults(2));
            var page2 = ecs.listDaemonDeployments(r -> r.daemonArn(DAEMON_ARN).maxResults(2).nextToken(page1.nextToken()));

            assertThat(page1.daemonDeployments()).extracting(DaemonDeploymentSummary::daemonDeploymentArn).containsExactly(third, second);
            assertThat(page2.daemonDeployments()).extracting(DaemonDeploymentSummary::daemonDeploymentArn).containsExactly(first);
            assertThat(page2.nextToken()).isNull();
            assertThat(ecs.listDaemonDeployments(r -> r.daemonArn(DAEMON_ARN).status(DaemonDeploymentStatus.STOPPED))
                    .daemonDeployments()).isEmpty();
            assertThat(ecs.listDaemonDeployments(r -> r.daemonArn(DAEMON_ARN)
                    .createdAt(c -> c.after(mock.clock().now().minusSeconds(1)))).daemonDeployments()).hasSize(3);
            assertThat(ecs.listDaemonDeployments(r -> r.daemonArn(DAEMON_ARN)
                    .createdAt(c -> c.before(mock.clock().now()))).daemonDeployments()).isEmpty();
        }
    }

    // ---------------------------------------------------------------- waiters

    @Nested
    class Waiters {
        private final EcsWaiter waiter = ecs.waiter();

        @Test
        void daemonTaskDefinitionActiveSucceedsOnTheFirstPoll() {
            registerAgent("agent:1");

            WaiterResponse<DescribeDaemonTaskDefinitionResponse> waited =
                    waiter.waitUntilDaemonTaskDefinitionActive(r -> r.daemonTaskDefinition(AGENT_1));

            assertThat(waited.attemptsExecuted()).isEqualTo(1);
            assertThat(waited.matched().response()).hasValueSatisfying(response ->
                    assertThat(response.daemonTaskDefinition().statusAsString()).isEqualTo("ACTIVE"));
        }

        @Test
        void daemonTaskDefinitionDeletedSucceedsOnTheFirstPoll() {
            registerAgent("agent:1");
            ecs.deleteDaemonTaskDefinition(r -> r.daemonTaskDefinition(AGENT_1));

            WaiterResponse<DescribeDaemonTaskDefinitionResponse> waited =
                    waiter.waitUntilDaemonTaskDefinitionDeleted(r -> r.daemonTaskDefinition(AGENT_1));

            assertThat(waited.attemptsExecuted()).isEqualTo(1);
            assertThat(waited.matched().response()).hasValueSatisfying(response ->
                    assertThat(response.daemonTaskDefinition().statusAsString()).isEqualTo("DELETED"));
        }

        @Test
        void daemonActiveSucceedsOnTheFirstPoll() {
            instance("i-0000000000000000a");
            registerAgent("agent:1");
            createDaemon(AGENT_1);

            WaiterResponse<DescribeDaemonResponse> waited = waiter.waitUntilDaemonActive(r -> r.daemonArn(DAEMON_ARN));

            assertThat(waited.attemptsExecuted()).isEqualTo(1);
            assertThat(waited.matched().response()).hasValueSatisfying(response ->
                    assertThat(response.daemon().statusAsString()).isEqualTo("ACTIVE"));
        }

        @Test
        void daemonActiveFailsAtOnceForADeletedDaemon() {
            registerAgent("agent:1");
            createDaemon(AGENT_1);
            ecs.deleteDaemon(r -> r.daemonArn(DAEMON_ARN));

            Throwable failed = catchThrowableOfType(() -> waiter.waitUntilDaemonActive(r -> r.daemonArn(DAEMON_ARN)),
                    software.amazon.awssdk.core.exception.SdkClientException.class);

            assertThat(failed).isNotNull();
        }

        @Test
        void daemonDeploymentStoppedSucceedsOnTheFirstPollForADeploymentOvertakenByAnUpdate() {
            instance("i-0000000000000000a");
            registerAgent("agent:1");
            registerAgent("agent:2");
            mock.failTasksOf("monitoring-agent:1", "CannotPullContainerError: pull image manifest has been retried 5 time(s)");
            String first = createDaemon(AGENT_1).deploymentArn();
            assertThat(deployment(first).statusAsString()).isEqualTo("IN_PROGRESS");

            String second = ecs.updateDaemon(r -> r.daemonArn(DAEMON_ARN).daemonTaskDefinitionArn(AGENT_2)
                    .capacityProviderArns(PROVIDER)).deploymentArn();

            WaiterResponse<DescribeDaemonDeploymentsResponse> waited =
                    waiter.waitUntilDaemonDeploymentStopped(r -> r.daemonDeploymentArns(first));
            assertThat(waited.attemptsExecuted()).isEqualTo(1);
            assertThat(waited.matched().response()).hasValueSatisfying(response ->
                    assertThat(response.daemonDeployments()).singleElement().satisfies(d -> {
                        assertThat(d.statusAsString()).isEqualTo("STOPPED");
                        assertThat(d.stoppedAt()).isEqualTo(mock.clock().now());
                    }));
            assertThat(deployment(second).statusAsString()).isEqualTo("SUCCESSFUL");
        }

        @Test
        void daemonDeploymentSuccessfulSucceedsOnTheFirstPoll() {
            instance("i-0000000000000000a");
            instance("i-0000000000000000b");
            registerAgent("agent:1");
            registerAgent("agent:2");
            createDaemon(AGENT_1);
            String update = ecs.updateDaemon(r -> r.daemonArn(DAEMON_ARN).daemonTaskDefinitionArn(AGENT_2)
                    .capacityProviderArns(PROVIDER)).deploymentArn();

            WaiterResponse<DescribeDaemonDeploymentsResponse> waited =
                    waiter.waitUntilDaemonDeploymentSuccessful(r -> r.daemonDeploymentArns(update));

            assertThat(waited.attemptsExecuted()).isEqualTo(1);
            assertThat(waited.matched().response()).hasValueSatisfying(response ->
                    assertThat(response.daemonDeployments()).singleElement()
                            .satisfies(d -> assertThat(d.targetDaemonRevision().totalRunningInstanceCount()).isEqualTo(2)));
        }
    }
}
