package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.ClusterContainsContainerInstancesException;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceField;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceStatus;
import software.amazon.awssdk.services.ecs.model.DescribeContainerInstancesResponse;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.MissingVersionException;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.NoUpdateAvailableException;
import software.amazon.awssdk.services.ecs.model.Resource;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.UpdateInProgressException;

/**
 * RegisterContainerInstance, DescribeContainerInstances, ListContainerInstances,
 * UpdateContainerInstancesState, DeregisterContainerInstance and UpdateContainerAgent through the
 * real client: what an instance shows, how its status moves, and what ECS refuses.
 */
class ContainerInstancesTest extends EcsApiTest {
    private static final String CLUSTER_ARN = "arn:aws:ecs:us-east-1:123456789012:cluster/prod";
    private static final String INSTANCE_ARN_PREFIX = "arn:aws:ecs:us-east-1:123456789012:container-instance/prod/";

    @BeforeEach
    void cluster() {
        ecs.createCluster(r -> r.clusterName("prod"));
    }

    private ContainerInstance register(String ec2InstanceId, String zone) {
        return ecs.registerContainerInstance(r -> r.cluster("prod").instanceIdentityDocument(
                "{\"instanceId\":\"" + ec2InstanceId + "\",\"availabilityZone\":\"" + zone
                        + "\",\"instanceType\":\"m5.large\",\"imageId\":\"ami-0abcdef1234567890\",\"region\":\"us-east-1\"}"))
                .containerInstance();
    }

    private void runBridgeTask(String containerInstanceArn) {
        ecs.registerTaskDefinition(r -> r.family("worker").networkMode(NetworkMode.BRIDGE)
                .requiresCompatibilities(Compatibility.EC2)
                .containerDefinitions(c -> c.name("app").image("busybox").cpu(256).memory(512)));
        ecs.startTask(r -> r.cluster("prod").taskDefinition("worker").containerInstances(containerInstanceArn));
    }

    private static String value(ContainerInstance instance, String attribute) {
        return instance.attributes().stream().filter(a -> a.name().equals(attribute)).map(Attribute::value).findFirst().orElse(null);
    }

    private static Resource resource(List<Resource> resources, String name) {
        return resources.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Nested
    class Register {
        @Test
        void anInstanceGetsAnArnIdResourcesAndTheAgentsAttributes() {
            ContainerInstance instance = register("i-0a1b2c3d4e5f60718", "us-east-1b");

            assertThat(instance.containerInstanceArn()).matches(INSTANCE_ARN_PREFIX.replace(".", "\\.") + "[0-9a-f]{32}");
            assertThat(instance.ec2InstanceId()).isEqualTo("i-0a1b2c3d4e5f60718");
            assertThat(instance.status()).isEqualTo("ACTIVE");
            assertThat(instance.agentConnected()).isTrue();
            assertThat(instance.runningTasksCount()).isZero();
            assertThat(instance.pendingTasksCount()).isZero();
            assertThat(instance.versionInfo().agentVersion()).isNotBlank();
            assertThat(instance.registeredAt()).isEqualTo(mock.clock().now());
            assertThat(resource(instance.registeredResources(), "CPU").integerValue()).isEqualTo(2048);
            assertThat(resource(instance.registeredResources(), "MEMORY").integerValue()).isEqualTo(3705);
            assertThat(resource(instance.registeredResources(), "PORTS").stringSetValue())
                    .containsExactly("22", "2375", "2376", "51678", "51679");
            assertThat(instance.remainingResources()).isEqualTo(instance.registeredResources());
            assertThat(value(instance, "ecs.availability-zone")).isEqualTo("us-east-1b");
            assertThat(value(instance, "ecs.instance-type")).isEqualTo("m5.large");
            assertThat(value(instance, "ecs.ami-id")).isEqualTo("ami-0abcdef1234567890");
            assertThat(value(instance, "ecs.os-type")).isEqualTo("linux");
            assertThat(instance.attributes()).extracting(Attribute::name).contains("ecs.capability.task-eni");
        }

        @Test
        void resourcesAndAttributesComeFromTheRequest() {
            ContainerInstance instance = ecs.registerContainerInstance(r -> r.cluster("prod")
                    .totalResources(
                            Resource.builder().name("CPU").type("INTEGER").integerValue(4096).build(),
                            Resource.builder().name("MEMORY").type("INTEGER").integerValue(15_000).build(),
                            Resource.builder().name("PORTS").type("STRINGSET").stringSetValue("22").build())
                    .attributes(Attribute.builder().name("stack").value("blue").build(),
                            Attribute.builder().name("ecs.capability.gpu").build())
                    .versionInfo(v -> v.agentVersion("1.80.0").agentHash("a1b2c3d4").dockerVersion("DockerVersion: 20.10.25")))
                    .containerInstance();

            assertThat(resource(instance.registeredResources(), "CPU").integerValue()).isEqualTo(4096);
            assertThat(resource(instance.registeredResources(), "MEMORY").integerValue()).isEqualTo(15_000);
            assertThat(resource(instance.registeredResources(), "PORTS").stringSetValue()).containsExactly("22");
            assertThat(value(instance, "stack")).isEqualTo("blue");
            assertThat(instance.attributes()).contains(Attribute.builder().name("ecs.capability.gpu").build());
            assertThat(instance.versionInfo().agentVersion()).isEqualTo("1.80.0");
            assertThat(instance.ec2InstanceId()).matches("i-[0-9a-f]{17}");
        }

        @Test
        void theSameEc2InstanceRegisteringAgainGetsItsContainerInstanceBack() {
            ContainerInstance first = register("i-0123456789abcdef0", "us-east-1a");
            ContainerInstance again = register("i-0123456789abcdef0", "us-east-1a");

            assertThat(again.containerInstanceArn()).isEqualTo(first.containerInstanceArn());
            assertThat(ecs.listContainerInstances(r -> r.cluster("prod")).containerInstanceArns()).hasSize(1);
        }

        /** ECS-EXAMPLES.md, section 5: a running EC2 task is at version 2, a stopped one at 4 or more. */
        @Test
        void aBridgeTaskOnAnInstanceCountsOneVersionPerReportedStatus() {
            String instance = register("i-0123456789abcdef0", "us-east-1a").containerInstanceArn();
            ecs.registerTaskDefinition(r -> r.family("worker").networkMode(NetworkMode.BRIDGE)
                    .requiresCompatibilities(Compatibility.EC2)
                    .containerDefinitions(c -> c.name("app").image("busybox").cpu(256).memory(512)));

            software.amazon.awssdk.services.ecs.model.Task running = ecs.startTask(r -> r.cluster("prod")
                    .taskDefinition("worker").containerInstances(instance)).tasks().get(0);
            assertThat(running.lastStatus()).isEqualTo("RUNNING");
            assertThat(running.version()).isEqualTo(2);

            ecs.stopTask(r -> r.cluster("prod").task(running.taskArn()));
            software.amazon.awssdk.services.ecs.model.Task stopped = ecs.describeTasks(r -> r.cluster("prod")
                    .tasks(running.taskArn())).tasks().get(0);
            assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
            assertThat(stopped.version()).as("stop asked 3, STOPPING 4, STOPPED 5").isEqualTo(5);
        }

        @Test
        void theClusterCountsRegisteredInstances() {
            register("i-0000000000000000a", "us-east-1a");
            register("i-0000000000000000b", "us-east-1b");

            assertThat(ecs.describeClusters(r -> r.clusters("prod")).clusters().get(0).registeredContainerInstancesCount())
                    .isEqualTo(2);
        }

        @Test
        void tagsAreKeptAndListed() {
            String arn = ecs.registerContainerInstance(r -> r.cluster("prod").tags(Tag.builder().key("team").value("infra").build()))
                    .containerInstance().containerInstanceArn();

            assertThat(ecs.listTagsForResource(r -> r.resourceArn(arn)).tags())
                    .containsExactly(Tag.builder().key("team").value("infra").build());
            assertThat(ecs.describeContainerInstances(r -> r.cluster("prod").containerInstances(arn)
                    .include(ContainerInstanceField.TAGS)).containerInstances().get(0).tags()).hasSize(1);
        }

        @Test
        void anUnknownClusterIsRefused() {
            assertThatThrownBy(() -> ecs.registerContainerInstance(r -> r.cluster("nowhere")))
                    .isInstanceOf(ClusterNotFoundException.class).hasMessageContaining("Cluster not found.");
        }

        @Test
        void aNegativeResourceIsRefused() {
            assertThatThrownBy(() -> ecs.registerContainerInstance(r -> r.cluster("prod")
                    .totalResources(Resource.builder().name("MEMORY").type("INTEGER").integerValue(-1).build())))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("Resource MEMORY must have a non-negative integerValue.");
        }

        @Test
        void moreThanTenCustomAttributesAreRefused() {
            List<Attribute> eleven = java.util.stream.IntStream.range(0, 11)
                    .mapToObj(i -> Attribute.builder().name("custom" + i).value("v").build()).toList();

            assertThatThrownBy(() -> ecs.registerContainerInstance(r -> r.cluster("prod").attributes(eleven)))
                    .isInstanceOf(software.amazon.awssdk.services.ecs.model.AttributeLimitExceededException.class)
                    .hasMessageContaining("You can apply up to 10 custom attributes for each resource.");
        }

        @Test
        void reRegisteringByArnReturnsTheInstanceAndAnUnknownArnIsRefused() {
            String arn = register("i-0fedcba9876543210", "us-east-1a").containerInstanceArn();

            assertThat(ecs.registerContainerInstance(r -> r.cluster("prod").containerInstanceArn(arn))
                    .containerInstance().containerInstanceArn()).isEqualTo(arn);
            assertThatThrownBy(() -> ecs.registerContainerInstance(r -> r.cluster("prod")
                    .containerInstanceArn(INSTANCE_ARN_PREFIX + "0123456789abcdef0123456789abcdef")))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("The referenced container instance was not found.");
        }
    }

    @Nested
    class Describe {
        @Test
        void unknownInstancesAreFailuresNotErrors() {
            String arn = register("i-0aaaaaaaaaaaaaaaa", "us-east-1a").containerInstanceArn();
            String id = arn.substring(arn.lastIndexOf('/') + 1);

            DescribeContainerInstancesResponse answer = ecs.describeContainerInstances(r -> r.cluster("prod")
                    .containerInstances(id, "0123456789abcdef0123456789abcdef"));

            assertThat(answer.containerInstances()).extracting(ContainerInstance::containerInstanceArn).containsExactly(arn);
            assertThat(answer.failures()).extracting(f -> f.arn(), f -> f.reason())
                    .containsExactly(tuple(INSTANCE_ARN_PREFIX + "0123456789abcdef0123456789abcdef", "MISSING"));
        }

        @Test
        void anInstanceOfAnotherClusterIsMissing() {
            ecs.createCluster(r -> r.clusterName("other"));
            String arn = register("i-0bbbbbbbbbbbbbbbb", "us-east-1a").containerInstanceArn();

            assertThat(ecs.describeContainerInstances(r -> r.cluster("other").containerInstances(arn)).failures())
                    .extracting(f -> f.reason()).containsExactly("MISSING");
        }

        @Test
        void healthIsShownWhenAskedFor() {
            String arn = register("i-0cccccccccccccccc", "us-east-1a").containerInstanceArn();

            ContainerInstance instance = ecs.describeContainerInstances(r -> r.cluster("prod").containerInstances(arn)
                    .include(ContainerInstanceField.CONTAINER_INSTANCE_HEALTH)).containerInstances().get(0);

            assertThat(instance.healthStatus().overallStatusAsString()).isEqualTo("OK");
            assertThat(instance.healthStatus().details()).extracting(d -> d.typeAsString()).containsExactly("CONTAINER_RUNTIME");
            assertThat(ecs.describeContainerInstances(r -> r.cluster("prod").containerInstances(arn))
                    .containerInstances().get(0).healthStatus()).isNull();
        }

        @Test
        void anEmptyListIsRefused() {
            assertThatThrownBy(() -> ecs.describeContainerInstances(r -> r.cluster("prod").containerInstances(List.of())))
                    .isInstanceOf(InvalidParameterException.class);
        }
    }

    @Nested
    class ListThem {
        @Test
        void listsInRegistrationOrderAndPagesWithTheSdkPaginator() {
            List<String> registered = java.util.stream.IntStream.range(0, 7)
                    .mapToObj(i -> register(String.format("i-%017x", i + 1), "us-east-1a").containerInstanceArn()).toList();

            assertThat(ecs.listContainerInstances(r -> r.cluster("prod")).containerInstanceArns()).containsExactlyElementsOf(registered);
            assertThat(ecs.listContainerInstancesPaginator(r -> r.cluster("prod").maxResults(3)).containerInstanceArns())
                    .containsExactlyElementsOf(registered);
            assertThat(ecs.listContainerInstances(r -> r.cluster("prod").maxResults(3)).nextToken()).isNotNull();
        }

        @Test
        void filtersByStatusAndLeavesOutDeregisteredByDefault() {
            String active = register("i-00000000000000001", "us-east-1a").containerInstanceArn();
            String draining = register("i-00000000000000002", "us-east-1a").containerInstanceArn();
            String gone = register("i-00000000000000003", "us-east-1a").containerInstanceArn();
            ecs.updateContainerInstancesState(r -> r.cluster("prod").containerInstances(draining).status(ContainerInstanceStatus.DRAINING));
            ecs.deregisterContainerInstance(r -> r.cluster("prod").containerInstance(gone));

            assertThat(ecs.listContainerInstances(r -> r.cluster("prod")).containerInstanceArns()).containsExactly(active, draining);
            assertThat(ecs.listContainerInstances(r -> r.cluster("prod").status(ContainerInstanceStatus.DRAINING))
                    .containerInstanceArns()).containsExactly(draining);
        }

        @Test
        void filtersWithTheClusterQueryLanguage() {
            String a = register("i-0000000000000000a", "us-east-1a").containerInstanceArn();
            String b = register("i-0000000000000000b", "us-east-1b").containerInstanceArn();
            String c = ecs.registerContainerInstance(r -> r.cluster("prod")
                    .instanceIdentityDocument("{\"instanceId\":\"i-0000000000000000c\",\"availabilityZone\":\"us-east-1c\","
                            + "\"instanceType\":\"t3.micro\"}")
                    .attributes(Attribute.builder().name("stack").value("green").build())).containerInstance().containerInstanceArn();

            assertThat(filter("attribute:ecs.instance-type == t3.micro")).containsExactly(c);
            assertThat(filter("attribute:ecs.availability-zone in [us-east-1a, us-east-1b]")).containsExactly(a, b);
            assertThat(filter("attribute:ecs.instance-type =~ m5.* and attribute:ecs.availability-zone != us-east-1a"))
                    .containsExactly(b);
            assertThat(filter("attribute:stack exists")).containsExactly(c);
            assertThat(filter("not(attribute:stack exists)")).containsExactly(a, b);
            assertThat(filter("ec2InstanceId in ['i-0000000000000000a', 'i-0000000000000000c']")).containsExactly(a, c);
            assertThat(filter("(attribute:stack == green or ec2InstanceId == i-0000000000000000a) && runningTasksCount == 0"))
                    .containsExactly(a, c);
            assertThat(filter("registeredAt >= 2000-01-01")).containsExactly(a, b, c);
            assertThat(filter("agentVersion < 1.14.5")).isEmpty();
        }

        @Test
        void filtersByTaskGroup() {
            String busy = register("i-0000000000000000a", "us-east-1a").containerInstanceArn();
            String idle = register("i-0000000000000000b", "us-east-1a").containerInstanceArn();
            runBridgeTask(busy);

            assertThat(filter("task:group == family:worker")).containsExactly(busy);
            assertThat(filter("not(task:group == family:worker)")).containsExactly(idle);
            assertThat(filter("runningTasksCount > 0")).containsExactly(busy);
        }

        @Test
        void aMalformedFilterIsAClearError() {
            assertThatThrownBy(() -> filter("attribute:ecs.instance-type =="))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Invalid filter expression");
            assertThatThrownBy(() -> filter("colour == blue"))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("'colour' is not a subject");
            assertThatThrownBy(() -> filter("attribute:a in b"))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("in and not_in take a list");
            assertThatThrownBy(() -> filter("attribute:a =~ ("))
                    .isInstanceOf(InvalidParameterException.class);
        }

        /** What no one writes but a fuzzer does: refused or answered, never a server error. */
        @Test
        void aDeeplyNestedFilterIsRefusedAndALongChainIsAnswered() {
            String arn = register("i-0aaaaaaaaaaaaaaaa", "us-east-1a").containerInstanceArn();

            assertThatThrownBy(() -> filter("(".repeat(5_000) + "agentConnected == true" + ")".repeat(5_000)))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("nest at most 32 deep");
            assertThatThrownBy(() -> filter("not ".repeat(5_000) + "agentConnected == true"))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("nest at most 32 deep");
            assertThat(filter("((not (agentConnected == false)))")).containsExactly(arn);
            assertThat(filter(String.join(" and ", java.util.Collections.nCopies(20_000, "agentConnected == true"))))
                    .containsExactly(arn);
            assertThat(filter(String.join(" or ", java.util.Collections.nCopies(20_000, "agentConnected == false"))))
                    .isEmpty();
        }

        private List<String> filter(String expression) {
            return ecs.listContainerInstances(r -> r.cluster("prod").filter(expression)).containerInstanceArns();
        }
    }

    @Nested
    class ChangeState {
        @Test
        void drainingAndBack() {
            String arn = register("i-0dddddddddddddddd", "us-east-1a").containerInstanceArn();

            var drained = ecs.updateContainerInstancesState(r -> r.cluster("prod").containerInstances(arn)
                    .status(ContainerInstanceStatus.DRAINING));
            assertThat(drained.containerInstances()).extracting(ContainerInstance::status).containsExactly("DRAINING");
            assertThat(drained.failures()).isEmpty();
            long version = drained.containerInstances().get(0).version();

            var back = ecs.updateContainerInstancesState(r -> r.cluster("prod").containerInstances(arn)
                    .status(ContainerInstanceStatus.ACTIVE));
            assertThat(back.containerInstances().get(0).status()).isEqualTo("ACTIVE");
            assertThat(back.containerInstances().get(0).version()).isGreaterThan(version);
        }

        @Test
        void unknownAndDeregisteredInstancesAreFailures() {
            String gone = register("i-0eeeeeeeeeeeeeeee", "us-east-1a").containerInstanceArn();
            ecs.deregisterContainerInstance(r -> r.cluster("prod").containerInstance(gone));

            var answer = ecs.updateContainerInstancesState(r -> r.cluster("prod")
                    .containerInstances(gone, "0123456789abcdef0123456789abcdef").status(ContainerInstanceStatus.DRAINING));

            assertThat(answer.containerInstances()).isEmpty();
            assertThat(answer.failures()).extracting(f -> f.reason()).containsExactly("INACTIVE", "MISSING");
        }

        @Test
        void onlyActiveAndDrainingCanBeAskedFor() {
            String arn = register("i-0ffffffffffffffff", "us-east-1a").containerInstanceArn();

            assertThatThrownBy(() -> ecs.updateContainerInstancesState(r -> r.cluster("prod").containerInstances(arn)
                    .status(ContainerInstanceStatus.REGISTERING)))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("Container instances can only be set to ACTIVE or DRAINING.");
        }
    }

    @Nested
    class Deregister {
        @Test
        void anIdleInstanceBecomesInactiveStaysDescribableThenIsGone() {
            String arn = register("i-01111111111111111", "us-east-1a").containerInstanceArn();

            ContainerInstance answer = ecs.deregisterContainerInstance(r -> r.cluster("prod").containerInstance(arn)).containerInstance();

            assertThat(answer.status()).isEqualTo("INACTIVE");
            assertThat(answer.agentConnected()).isFalse();
            assertThat(ecs.describeContainerInstances(r -> r.cluster("prod").containerInstances(arn)).containerInstances())
                    .extracting(ContainerInstance::status).containsExactly("INACTIVE");
            assertThat(ecs.describeClusters(r -> r.clusters("prod")).clusters().get(0).registeredContainerInstancesCount()).isZero();

            mock.clock().advance(Duration.ofHours(1));

            assertThat(ecs.describeContainerInstances(r -> r.cluster("prod").containerInstances(arn)).failures())
                    .extracting(f -> f.reason()).containsExactly("MISSING");
        }

        @Test
        void anInstanceWithTasksIsRefusedUnlessForced() {
            String arn = register("i-02222222222222222", "us-east-1a").containerInstanceArn();
            runBridgeTask(arn);

            assertThatThrownBy(() -> ecs.deregisterContainerInstance(r -> r.cluster("prod").containerInstance(arn)))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Found running tasks on the instance.");

            ContainerInstance forced = ecs.deregisterContainerInstance(r -> r.cluster("prod").containerInstance(arn).force(true))
                    .containerInstance();
            assertThat(forced.status()).isEqualTo("INACTIVE");
            // The task is orphaned, not stopped.
            assertThat(ecs.listTasks(r -> r.cluster("prod")).taskArns()).hasSize(1);
        }

        @Test
        void anUnknownInstanceIsRefused() {
            assertThatThrownBy(() -> ecs.deregisterContainerInstance(r -> r.cluster("prod")
                    .containerInstance("0123456789abcdef0123456789abcdef")))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("The referenced container instance was not found.");
        }

        @Test
        void aClusterWithRegisteredInstancesCannotBeDeleted() {
            String arn = register("i-03333333333333333", "us-east-1a").containerInstanceArn();

            assertThatThrownBy(() -> ecs.deleteCluster(r -> r.cluster("prod")))
                    .isInstanceOf(ClusterContainsContainerInstancesException.class)
                    .hasMessageContaining("The Cluster cannot be deleted while Container Instances are active or draining.");

            ecs.deregisterContainerInstance(r -> r.cluster("prod").containerInstance(arn));
            assertThat(ecs.deleteCluster(r -> r.cluster("prod")).cluster().status()).isEqualTo("INACTIVE");
        }
    }

    @Nested
    class AgentUpdate {
        @Test
        void anInstanceOnTheLatestAgentHasNoUpdate() {
            String arn = register("i-04444444444444444", "us-east-1a").containerInstanceArn();

            assertThatThrownBy(() -> ecs.updateContainerAgent(r -> r.cluster("prod").containerInstance(arn)))
                    .isInstanceOf(NoUpdateAvailableException.class)
                    .hasMessageContaining("There is no update available for your container agent.");
        }

        @Test
        void anOlderAgentIsUpdatedAndTheUpdateReportsItsProgress() {
            String arn = ecs.registerContainerInstance(r -> r.cluster("prod")
                    .versionInfo(v -> v.agentVersion("1.70.0").agentHash("0badc0de").dockerVersion("DockerVersion: 20.10.17")))
                    .containerInstance().containerInstanceArn();

            ContainerInstance answer = ecs.updateContainerAgent(r -> r.cluster("prod").containerInstance(arn)).containerInstance();

            assertThat(answer.agentUpdateStatusAsString()).isEqualTo("PENDING");
            ContainerInstance after = ecs.describeContainerInstances(r -> r.cluster("prod").containerInstances(arn))
                    .containerInstances().get(0);
            assertThat(after.agentUpdateStatusAsString()).isEqualTo("UPDATED");
            assertThat(after.versionInfo().agentVersion()).isNotEqualTo("1.70.0");
            assertThatThrownBy(() -> ecs.updateContainerAgent(r -> r.cluster("prod").containerInstance(arn)))
                    .isInstanceOf(NoUpdateAvailableException.class);
        }

        @Test
        void anAgentWithoutAVersionCannotBeUpdated() {
            String arn = ecs.registerContainerInstance(r -> r.cluster("prod").versionInfo(v -> v.agentHash("0badc0de")))
                    .containerInstance().containerInstanceArn();

            assertThatThrownBy(() -> ecs.updateContainerAgent(r -> r.cluster("prod").containerInstance(arn)))
                    .isInstanceOf(MissingVersionException.class);
        }
    }

    @Nested
    class SteppedAgentUpdate extends EcsApiTest {
        @Override
        protected EcsMock.Builder configure(EcsMock.Builder builder) {
            return builder.lifecycle(Lifecycle.stepped(Duration.ofSeconds(10)));
        }

        @Test
        void theUpdateWalksItsStatusesOnTheClockAndASecondUpdateMeanwhileIsRefused() {
            ecs.createCluster(r -> r.clusterName("prod"));
            String arn = ecs.registerContainerInstance(r -> r.cluster("prod")
                    .versionInfo(v -> v.agentVersion("1.70.0").agentHash("0badc0de").dockerVersion("DockerVersion: 20.10.17")))
                    .containerInstance().containerInstanceArn();
            ecs.updateContainerAgent(r -> r.cluster("prod").containerInstance(arn));

            assertThatThrownBy(() -> ecs.updateContainerAgent(r -> r.cluster("prod").containerInstance(arn)))
                    .isInstanceOf(UpdateInProgressException.class);
            List<String> seen = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                mock.clock().advance(Duration.ofSeconds(10));
                seen.add(ecs.describeContainerInstances(r -> r.cluster("prod").containerInstances(arn))
                        .containerInstances().get(0).agentUpdateStatusAsString());
            }
            assertThat(seen).containsExactly("STAGING", "STAGED", "UPDATING", "UPDATED");
        }

        /** The model: runningTasksCount counts tasks whose desiredStatus is RUNNING, pendingTasksCount those PENDING. */
        @Test
        void anInstanceCountsAsRunningWhatIsMeantToRunAndNoLongerWhatIsToldToStop() {
            ecs.createCluster(r -> r.clusterName("prod"));
            String arn = ecs.registerContainerInstance(r -> r.cluster("prod")).containerInstance().containerInstanceArn();
            ecs.registerTaskDefinition(r -> r.family("worker").networkMode(NetworkMode.BRIDGE)
                    .requiresCompatibilities(Compatibility.EC2)
                    .containerDefinitions(c -> c.name("app").image("busybox").cpu(256).memory(512)));
            String task = ecs.startTask(r -> r.cluster("prod").taskDefinition("worker").containerInstances(arn))
                    .tasks().get(0).taskArn();

            ContainerInstance starting = describe(arn);
            assertThat(starting.pendingTasksCount()).isEqualTo(1);
            assertThat(starting.runningTasksCount()).isEqualTo(1);

            mock.clock().advance(Duration.ofSeconds(20));
            ecs.stopTask(r -> r.cluster("prod").task(task));
            ContainerInstance stopping = describe(arn);
            assertThat(ecs.describeTasks(r -> r.cluster("prod").tasks(task)).tasks().get(0).lastStatus()).isEqualTo("RUNNING");
            assertThat(stopping.runningTasksCount()).isZero();
            assertThat(stopping.pendingTasksCount()).isZero();
        }

        private ContainerInstance describe(String arn) {
            return ecs.describeContainerInstances(r -> r.cluster("prod").containerInstances(arn)).containerInstances().get(0);
        }
    }

    @Test
    void listTasksFiltersByContainerInstance() {
        String a = register("i-06666666666666666", "us-east-1a").containerInstanceArn();
        String b = register("i-07777777777777777", "us-east-1b").containerInstanceArn();
        runBridgeTask(a);
        String onA = ecs.listTasks(r -> r.cluster("prod")).taskArns().get(0);
        ecs.startTask(r -> r.cluster("prod").taskDefinition("worker").containerInstances(b));

        assertThat(ecs.listTasks(r -> r.cluster("prod").containerInstance(a)).taskArns()).containsExactly(onA);
        assertThat(ecs.listTasks(r -> r.cluster("prod").containerInstance(a.substring(a.lastIndexOf('/') + 1))).taskArns())
                .containsExactly(onA);
        assertThat(ecs.listTasks(r -> r.cluster("prod").containerInstance("0123456789abcdef0123456789abcdef")).taskArns()).isEmpty();
    }

    @Test
    void theClusterStatisticsStayTrueAsTasksComeAndGo() {
        String arn = register("i-05555555555555555", "us-east-1a").containerInstanceArn();
        runBridgeTask(arn);

        ContainerInstance busy = ecs.describeContainerInstances(r -> r.cluster("prod").containerInstances(arn)).containerInstances().get(0);
        assertThat(busy.runningTasksCount()).isEqualTo(1);
        assertThat(resource(busy.remainingResources(), "CPU").integerValue()).isEqualTo(2048 - 256);
        assertThat(resource(busy.remainingResources(), "MEMORY").integerValue()).isEqualTo(3705 - 512);
        assertThat(ecs.describeClusters(r -> r.clusters("prod").include(ClusterField.STATISTICS)).clusters().get(0)
                .statistics().stream().collect(Collectors.toMap(s -> s.name(), s -> s.value())))
                .containsEntry("runningEC2TasksCount", "1");

        String task = ecs.listTasks(r -> r.cluster("prod")).taskArns().get(0);
        ecs.stopTask(r -> r.cluster("prod").task(task));

        ContainerInstance idle = ecs.describeContainerInstances(r -> r.cluster("prod").containerInstances(arn)).containerInstances().get(0);
        assertThat(idle.runningTasksCount()).isZero();
        assertThat(idle.remainingResources()).isEqualTo(idle.registeredResources());
        assertThat(ecs.describeClusters(r -> r.clusters("prod")).clusters().get(0).clusterArn()).isEqualTo(CLUSTER_ARN);
    }
}
