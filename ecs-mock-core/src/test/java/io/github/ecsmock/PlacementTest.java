package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceStatus;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementConstraintType;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;
import software.amazon.awssdk.services.ecs.model.PlacementStrategyType;
import software.amazon.awssdk.services.ecs.model.Resource;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.SchedulingStrategy;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.StartTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Where EC2 tasks go: RunTask, StartTask and services on registered container instances, by CPU,
 * memory and host ports, with constraints and strategies, and what ECS reports when nothing fits.
 */
class PlacementTest extends EcsApiTest {

    @BeforeEach
    void clusterAndDefinitions() {
        ecs.createCluster(r -> r.clusterName("prod"));
        // 1 vCPU and 1 GiB, no host port.
        ecs.registerTaskDefinition(r -> r.family("worker").networkMode(NetworkMode.BRIDGE).requiresCompatibilities(Compatibility.EC2)
                .containerDefinitions(c -> c.name("app").image("busybox").cpu(1024).memory(1024)));
        // A web server on host port 8080.
        ecs.registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.BRIDGE).requiresCompatibilities(Compatibility.EC2)
                .containerDefinitions(c -> c.name("nginx").image("nginx").cpu(128).memory(128)
                        .portMappings(p -> p.containerPort(80).hostPort(8080))));
        // Dynamic host ports.
        ecs.registerTaskDefinition(r -> r.family("api").networkMode(NetworkMode.BRIDGE).requiresCompatibilities(Compatibility.EC2)
                .containerDefinitions(c -> c.name("api").image("api").cpu(128).memory(128)
                        .portMappings(p -> p.containerPort(8080).hostPort(0))));
    }

    /** An instance with 2 vCPU and 4 GiB in a zone, with extra attributes. */
    private String instance(String ec2InstanceId, String zone, Attribute... attributes) {
        return instance(ec2InstanceId, zone, 2048, 4096, attributes);
    }

    private String instance(String ec2InstanceId, String zone, int cpu, int memory, Attribute... attributes) {
        return ecs.registerContainerInstance(r -> r.cluster("prod")
                .instanceIdentityDocument("{\"instanceId\":\"" + ec2InstanceId + "\",\"availabilityZone\":\"" + zone
                        + "\",\"instanceType\":\"m5.large\"}")
                .totalResources(Resource.builder().name("CPU").type("INTEGER").integerValue(cpu).build(),
                        Resource.builder().name("MEMORY").type("INTEGER").integerValue(memory).build())
                .attributes(attributes))
                .containerInstance().containerInstanceArn();
    }

    private RunTaskResponse run(String family, int count) {
        return ecs.runTask(r -> r.cluster("prod").taskDefinition(family).count(count).launchType(LaunchType.EC2));
    }

    private static Map<String, Long> tasksPerInstance(List<Task> tasks) {
        return tasks.stream().collect(Collectors.groupingBy(Task::containerInstanceArn, Collectors.counting()));
    }

    private ContainerInstance describe(String arn) {
        return ecs.describeContainerInstances(r -> r.cluster("prod").containerInstances(arn)).containerInstances().get(0);
    }

    private static int remaining(ContainerInstance instance, String resource) {
        return instance.remainingResources().stream().filter(r -> r.name().equals(resource)).findFirst().orElseThrow().integerValue();
    }

    private static Attribute attribute(String name, String value) {
        return Attribute.builder().name(name).value(value).build();
    }

    @Nested
    class RunTask {
        @Test
        void anEc2TaskInAClusterWithoutInstancesIsRefused() {
            assertThatThrownBy(() -> run("worker", 1))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("No Container Instances were found in your cluster.");
        }

        @Test
        void aTaskRunsOnAnInstanceAndShowsIt() {
            String arn = instance("i-0000000000000000a", "us-east-1b");

            Task task = run("worker", 1).tasks().get(0);

            assertThat(task.containerInstanceArn()).isEqualTo(arn);
            assertThat(task.launchTypeAsString()).isEqualTo("EC2");
            assertThat(task.availabilityZone()).isEqualTo("us-east-1b");
            assertThat(task.lastStatus()).isEqualTo("RUNNING");
            assertThat(task.platformVersion()).isNull();
            assertThat(task.ephemeralStorage()).isNull();
            assertThat(task.fargateEphemeralStorage()).isNull();
            assertThat(task.containers().get(0).runtimeId()).matches("[0-9a-f]{64}");
            assertThat(remaining(describe(arn), "CPU")).isEqualTo(1024);
            assertThat(remaining(describe(arn), "MEMORY")).isEqualTo(3072);
        }

        @Test
        void whatDoesNotFitIsReportedAsResourceFailures() {
            String arn = instance("i-0000000000000000a", "us-east-1a");

            RunTaskResponse answer = run("worker", 3);

            assertThat(answer.tasks()).hasSize(2);
            assertThat(answer.failures()).extracting(Failure::arn, Failure::reason).containsExactly(tuple(arn, "RESOURCE:CPU"));
        }

        @Test
        void memoryRunsOutBeforeCpu() {
            String arn = instance("i-0000000000000000a", "us-east-1a", 8192, 2048);

            RunTaskResponse answer = run("worker", 3);

            assertThat(answer.tasks()).hasSize(2);
            assertThat(answer.failures()).extracting(Failure::arn, Failure::reason).containsExactly(tuple(arn, "RESOURCE:MEMORY"));
        }

        @Test
        void aFixedHostPortIsTakenOncePerInstance() {
            String a = instance("i-0000000000000000a", "us-east-1a");
            String b = instance("i-0000000000000000b", "us-east-1b");

            RunTaskResponse answer = run("web", 3);

            assertThat(tasksPerInstance(answer.tasks())).containsOnlyKeys(a, b).values().containsOnly(1L);
            // One failure for each instance that turned the third task away, as ECS names them.
            assertThat(answer.failures()).extracting(Failure::arn, Failure::reason)
                    .containsExactlyInAnyOrder(tuple(a, "RESOURCE:PORTS"), tuple(b, "RESOURCE:PORTS"));
            Task task = answer.tasks().get(0);
            assertThat(task.containers().get(0).networkBindings()).containsExactly(NetworkBinding.builder()
                    .bindIP("0.0.0.0").containerPort(80).hostPort(8080).protocol("tcp").build());
            assertThat(describe(task.containerInstanceArn()).remainingResources().stream()
                    .filter(r -> r.name().equals("PORTS")).findFirst().orElseThrow().stringSetValue()).contains("8080");
        }

        @Test
        void dynamicHostPortsAreHandedOutFromTheEphemeralRange() {
            instance("i-0000000000000000a", "us-east-1a");

            List<Task> tasks = run("api", 3).tasks();

            assertThat(tasks).extracting(t -> t.containers().get(0).networkBindings().get(0).hostPort())
                    .containsExactly(49153, 49154, 49155);
        }

        @Test
        void memberOfKeepsTasksToMatchingInstances() {
            instance("i-0000000000000000a", "us-east-1a");
            String big = instance("i-0000000000000000b", "us-east-1b", attribute("size", "big"));

            RunTaskResponse answer = ecs.runTask(r -> r.cluster("prod").taskDefinition("worker").count(2).launchType(LaunchType.EC2)
                    .placementConstraints(c -> c.type(PlacementConstraintType.MEMBER_OF).expression("attribute:size == big")));

            assertThat(answer.tasks()).extracting(Task::containerInstanceArn).containsExactly(big, big);
        }

        /** The model's limit on an expression; a service made with a longer one once failed half-made. */
        @Test
        void aMemberOfExpressionLongerThan2000CharactersIsRefusedAndMakesNothing() {
            instance("i-0000000000000000a", "us-east-1a");
            String longest = String.join(" or ", java.util.Collections.nCopies(80, "attribute:size == big"));
            String tooLong = longest + " or attribute:size == big";
            assertThat(longest.length()).isLessThanOrEqualTo(2000);
            assertThat(tooLong.length()).isGreaterThan(2000);

            assertThat(ecs.runTask(r -> r.cluster("prod").taskDefinition("worker").launchType(LaunchType.EC2)
                    .placementConstraints(c -> c.type(PlacementConstraintType.MEMBER_OF).expression(longest))).failures())
                    .extracting(Failure::reason).containsExactly("MemberOf placement constraint unsatisfied.");
            assertThatThrownBy(() -> ecs.createService(r -> r.cluster("prod").serviceName("api").taskDefinition("worker")
                    .desiredCount(1).launchType(LaunchType.EC2)
                    .placementConstraints(c -> c.type(PlacementConstraintType.MEMBER_OF).expression(tooLong))))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageStartingWith("A memberOf expression can have at most 2000 characters; this one has " + tooLong.length() + ".");
            assertThat(ecs.listServices(r -> r.cluster("prod")).serviceArns()).isEmpty();
        }

        @Test
        void anUnsatisfiableMemberOfIsAFailurePerInstance() {
            String a = instance("i-0000000000000000a", "us-east-1a");

            RunTaskResponse answer = ecs.runTask(r -> r.cluster("prod").taskDefinition("worker").launchType(LaunchType.EC2)
                    .placementConstraints(c -> c.type(PlacementConstraintType.MEMBER_OF).expression("attribute:size == big")));

            assertThat(answer.tasks()).isEmpty();
            assertThat(answer.failures()).extracting(Failure::arn, Failure::reason)
                    .containsExactly(tuple(a, "MemberOf placement constraint unsatisfied."));
        }

        @Test
        void distinctInstancePutsEachTaskOfTheGroupOnItsOwnInstance() {
            String a = instance("i-0000000000000000a", "us-east-1a");
            String b = instance("i-0000000000000000b", "us-east-1b");

            RunTaskResponse answer = ecs.runTask(r -> r.cluster("prod").taskDefinition("api").count(3).launchType(LaunchType.EC2)
                    .placementConstraints(c -> c.type(PlacementConstraintType.DISTINCT_INSTANCE)));

            assertThat(answer.tasks()).extracting(Task::containerInstanceArn).containsExactlyInAnyOrder(a, b);
            assertThat(answer.failures()).extracting(Failure::reason).containsOnly("DistinctInstance placement constraint unsatisfied.");
        }

        @Test
        void binpackFillsTheFullestInstanceFirst() {
            instance("i-0000000000000000a", "us-east-1a", 4096, 8192);
            String small = instance("i-0000000000000000b", "us-east-1b", 4096, 3072);

            RunTaskResponse answer = ecs.runTask(r -> r.cluster("prod").taskDefinition("worker").count(3).launchType(LaunchType.EC2)
                    .placementStrategy(s -> s.type(PlacementStrategyType.BINPACK).field("memory")));

            assertThat(answer.tasks()).extracting(Task::containerInstanceArn).containsExactly(small, small, small);
        }

        @Test
        void spreadByInstanceBalancesTheGroup() {
            String a = instance("i-0000000000000000a", "us-east-1a", 8192, 8192);
            String b = instance("i-0000000000000000b", "us-east-1a", 8192, 8192);
            String c = instance("i-0000000000000000c", "us-east-1b", 8192, 8192);

            RunTaskResponse answer = ecs.runTask(r -> r.cluster("prod").taskDefinition("api").count(6).launchType(LaunchType.EC2)
                    .placementStrategy(s -> s.type(PlacementStrategyType.SPREAD).field("instanceId")));

            assertThat(tasksPerInstance(answer.tasks())).containsEntry(a, 2L).containsEntry(b, 2L).containsEntry(c, 2L);
        }

        @Test
        void spreadByZoneBalancesZonesNotInstances() {
            instance("i-0000000000000000a", "us-east-1a", 8192, 8192);
            instance("i-0000000000000000b", "us-east-1a", 8192, 8192);
            String c = instance("i-0000000000000000c", "us-east-1b", 8192, 8192);

            RunTaskResponse answer = ecs.runTask(r -> r.cluster("prod").taskDefinition("api").count(4).launchType(LaunchType.EC2)
                    .placementStrategy(s -> s.type(PlacementStrategyType.SPREAD).field("attribute:ecs.availability-zone")));

            assertThat(answer.tasks().stream().filter(t -> t.containerInstanceArn().equals(c)).count()).isEqualTo(2);
            assertThat(answer.tasks()).extracting(Task::availabilityZone).containsOnly("us-east-1a", "us-east-1b");
        }

        @Test
        void randomPlacementIsTheSameForTheSameSeed() {
            List<String> first = placements(42);
            List<String> second = placements(42);

            assertThat(first).hasSize(10).isEqualTo(second);
            // Random, not one fixed choice: the tasks spread, and another seed places them otherwise.
            assertThat(Set.copyOf(first)).hasSizeGreaterThan(1);
            assertThat(placements(7)).isNotEqualTo(first);
        }

        private List<String> placements(long seed) {
            try (EcsMock seeded = EcsMock.builder().seed(seed).build(); EcsClient client = seeded.newClient(Transport.IN_MEMORY)) {
                client.createCluster(r -> r.clusterName("prod"));
                client.registerTaskDefinition(r -> r.family("api").networkMode(NetworkMode.BRIDGE)
                        .containerDefinitions(c -> c.name("api").image("api").cpu(16).memory(16)));
                for (int i = 0; i < 5; i++) {
                    String id = "i-000000000000000" + i + "0";
                    client.registerContainerInstance(r -> r.cluster("prod")
                            .instanceIdentityDocument("{\"instanceId\":\"" + id + "\"}"));
                }
                List<String> ids = client.listContainerInstances(r -> r.cluster("prod")).containerInstanceArns();
                return client.runTask(r -> r.cluster("prod").taskDefinition("api").count(10).launchType(LaunchType.EC2))
                        .tasks().stream().map(t -> String.valueOf(ids.indexOf(t.containerInstanceArn()))).toList();
            }
        }

        @Test
        void drainingAndDeregisteredInstancesTakeNoNewTasks() {
            String a = instance("i-0000000000000000a", "us-east-1a");
            String b = instance("i-0000000000000000b", "us-east-1b");
            String c = instance("i-0000000000000000c", "us-east-1c");
            ecs.updateContainerInstancesState(r -> r.cluster("prod").containerInstances(a).status(ContainerInstanceStatus.DRAINING));
            ecs.deregisterContainerInstance(r -> r.cluster("prod").containerInstance(b));

            assertThat(run("api", 4).tasks()).extracting(Task::containerInstanceArn).containsOnly(c);
        }

        @Test
        void theTaskDefinitionsOwnConstraintsApply() {
            instance("i-0000000000000000a", "us-east-1a");
            String gpu = instance("i-0000000000000000b", "us-east-1b", attribute("gpu", "yes"));
            ecs.registerTaskDefinition(r -> r.family("trainer").networkMode(NetworkMode.BRIDGE)
                    .placementConstraints(c -> c.type("memberOf").expression("attribute:gpu == yes"))
                    .containerDefinitions(c -> c.name("t").image("trainer").memory(128)));

            assertThat(run("trainer", 2).tasks()).extracting(Task::containerInstanceArn).containsOnly(gpu);
        }

        @Test
        void aTaskDefinitionsBadConstraintIsRefusedAtRegistration() {
            assertThatThrownBy(() -> ecs.registerTaskDefinition(r -> r.family("trainer").networkMode(NetworkMode.BRIDGE)
                    .placementConstraints(c -> c.type("memberOf").expression("attribute:gpu =="))
                    .containerDefinitions(c -> c.name("t").image("trainer").memory(128))))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Invalid filter expression");
            assertThatThrownBy(() -> ecs.registerTaskDefinition(r -> r.family("trainer").networkMode(NetworkMode.BRIDGE)
                    .placementConstraints(c -> c.type("memberOf"))
                    .containerDefinitions(c -> c.name("t").image("trainer").memory(128))))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("An expression must be specified for a memberOf placement constraint.");
            assertThat(ecs.listTaskDefinitionFamilies(r -> r.familyPrefix("trainer")).families()).isEmpty();
        }

        @Test
        void badConstraintsAndStrategiesAreRefused() {
            instance("i-0000000000000000a", "us-east-1a");

            assertThatThrownBy(() -> ecs.runTask(r -> r.cluster("prod").taskDefinition("worker").launchType(LaunchType.EC2)
                    .placementConstraints(c -> c.type(PlacementConstraintType.MEMBER_OF))))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("memberOf");
            assertThatThrownBy(() -> ecs.runTask(r -> r.cluster("prod").taskDefinition("worker").launchType(LaunchType.EC2)
                    .placementConstraints(c -> c.type(PlacementConstraintType.MEMBER_OF).expression("attribute:x ~~ y"))))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Invalid filter expression");
            assertThatThrownBy(() -> ecs.runTask(r -> r.cluster("prod").taskDefinition("worker").launchType(LaunchType.EC2)
                    .placementConstraints(c -> c.type(PlacementConstraintType.DISTINCT_INSTANCE).expression("attribute:x == y"))))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("distinctInstance");
            assertThatThrownBy(() -> ecs.runTask(r -> r.cluster("prod").taskDefinition("worker").launchType(LaunchType.EC2)
                    .placementStrategy(s -> s.type(PlacementStrategyType.BINPACK).field("disk"))))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Invalid field for binpack placement strategy: disk");
            assertThatThrownBy(() -> ecs.runTask(r -> r.cluster("prod").taskDefinition("worker").launchType(LaunchType.EC2)
                    .placementStrategy(s -> s.type(PlacementStrategyType.SPREAD))))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("spread");
            List<PlacementStrategy> six = java.util.Collections.nCopies(6, PlacementStrategy.builder().type("random").build());
            assertThatThrownBy(() -> ecs.runTask(r -> r.cluster("prod").taskDefinition("worker").launchType(LaunchType.EC2)
                    .placementStrategy(six)))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("at most 5");
        }

        @Test
        void resourcesComeBackWhenTasksStop() {
            String arn = instance("i-0000000000000000a", "us-east-1a");
            List<Task> tasks = run("worker", 2).tasks();
            assertThat(run("worker", 1).failures()).extracting(Failure::reason).containsExactly("RESOURCE:CPU");

            ecs.stopTask(r -> r.cluster("prod").task(tasks.get(0).taskArn()));

            assertThat(run("worker", 1).tasks()).extracting(Task::containerInstanceArn).containsExactly(arn);
        }
    }

    @Nested
    class StartTask {
        @Test
        void startsOneTaskOnEachNamedInstance() {
            String a = instance("i-0000000000000000a", "us-east-1a");
            String b = instance("i-0000000000000000b", "us-east-1b");
            String bId = b.substring(b.lastIndexOf('/') + 1);

            StartTaskResponse answer = ecs.startTask(r -> r.cluster("prod").taskDefinition("worker").containerInstances(a, bId)
                    .startedBy("nightly"));

            assertThat(answer.tasks()).extracting(Task::containerInstanceArn).containsExactly(a, b);
            assertThat(answer.tasks()).extracting(Task::startedBy).containsOnly("nightly");
            assertThat(answer.failures()).isEmpty();
        }

        @Test
        void missingInactiveAndFullInstancesAreFailures() {
            String full = instance("i-0000000000000000a", "us-east-1a", 512, 4096);
            String gone = instance("i-0000000000000000b", "us-east-1b");
            ecs.deregisterContainerInstance(r -> r.cluster("prod").containerInstance(gone));

            StartTaskResponse answer = ecs.startTask(r -> r.cluster("prod").taskDefinition("worker")
                    .containerInstances(full, gone, "0123456789abcdef0123456789abcdef"));

            assertThat(answer.tasks()).isEmpty();
            assertThat(answer.failures()).extracting(Failure::arn, Failure::reason).containsExactlyInAnyOrder(
                    tuple(full, "RESOURCE:CPU"), tuple(gone, "INACTIVE"),
                    tuple("arn:aws:ecs:us-east-1:123456789012:container-instance/prod/0123456789abcdef0123456789abcdef", "MISSING"));
        }

        @Test
        void aDrainingInstanceNamedOnPurposeStillTakesTheTask() {
            String a = instance("i-0000000000000000a", "us-east-1a");
            ecs.updateContainerInstancesState(r -> r.cluster("prod").containerInstances(a).status(ContainerInstanceStatus.DRAINING));

            assertThat(ecs.startTask(r -> r.cluster("prod").taskDefinition("worker").containerInstances(a)).tasks()).hasSize(1);
        }

        @Test
        void anAwsvpcTaskOnAnInstanceGetsItsOwnNetworkInterface() {
            String a = instance("i-0000000000000000a", "us-east-1a");
            ecs.registerTaskDefinition(r -> r.family("vpc").networkMode(NetworkMode.AWSVPC)
                    .containerDefinitions(c -> c.name("app").image("app").memory(128).portMappings(p -> p.containerPort(80))));

            Task task = ecs.startTask(r -> r.cluster("prod").taskDefinition("vpc").containerInstances(a)
                    .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0abc")))).tasks().get(0);

            assertThat(task.containerInstanceArn()).isEqualTo(a);
            assertThat(task.attachments()).extracting(at -> at.type()).containsExactly("ElasticNetworkInterface");
            // An awsvpc task binds no host port: its port is on its own interface.
            assertThat(task.containers().get(0).networkBindings()).isEmpty();
            assertThat(describe(a).remainingResources().stream().filter(r -> r.name().equals("PORTS")).findFirst()
                    .orElseThrow().stringSetValue()).doesNotContain("80");
        }
    }

    @Nested
    class Services {
        private Service service(String name) {
            return ecs.describeServices(r -> r.cluster("prod").services(name)).services().get(0);
        }

        @Test
        void aServiceSpreadsAcrossZonesThenInstancesByDefault() {
            String a = instance("i-0000000000000000a", "us-east-1a");
            String b = instance("i-0000000000000000b", "us-east-1b");
            String c = instance("i-0000000000000000c", "us-east-1c");

            ecs.createService(r -> r.cluster("prod").serviceName("api").taskDefinition("api").desiredCount(6)
                    .launchType(LaunchType.EC2));

            List<Task> tasks = ecs.describeTasks(r -> r.cluster("prod")
                    .tasks(ecs.listTasks(t -> t.cluster("prod").serviceName("api")).taskArns())).tasks();
            assertThat(tasksPerInstance(tasks)).containsEntry(a, 2L).containsEntry(b, 2L).containsEntry(c, 2L);
            assertThat(service("api").runningCount()).isEqualTo(6);
        }

        @Test
        void aServiceWithoutRoomSaysWhyAndPlacesOnceAnInstanceArrives() {
            String a = instance("i-0000000000000000a", "us-east-1a");

            ecs.createService(r -> r.cluster("prod").serviceName("workers").taskDefinition("worker").desiredCount(3)
                    .launchType(LaunchType.EC2));

            Service waiting = service("workers");
            assertThat(waiting.runningCount()).isEqualTo(2);
            String id = a.substring(a.lastIndexOf('/') + 1);
            assertThat(waiting.events()).extracting(e -> e.message()).contains("(service workers) was unable to place a task "
                    + "because no container instance met all of its requirements. The closest matching container-instance " + id
                    + " has insufficient CPU units available. For more information, see the Troubleshooting section of the "
                    + "Amazon ECS Developer Guide.");

            instance("i-0000000000000000b", "us-east-1b");

            assertThat(service("workers").runningCount()).isEqualTo(3);
        }

        @Test
        void aServiceInAClusterWithoutInstancesSaysSo() {
            ecs.createService(r -> r.cluster("prod").serviceName("workers").taskDefinition("worker").desiredCount(1)
                    .launchType(LaunchType.EC2));

            assertThat(service("workers").events()).extracting(e -> e.message()).anyMatch(m -> m.contains(
                    "Reason: No Container Instances were found in your cluster."));
        }

        @Test
        void aServiceWithAnUnmetConstraintNamesIt() {
            String a = instance("i-0000000000000000a", "us-east-1a");

            ecs.createService(r -> r.cluster("prod").serviceName("workers").taskDefinition("worker").desiredCount(1)
                    .launchType(LaunchType.EC2)
                    .placementConstraints(PlacementConstraint.builder().type("memberOf").expression("attribute:pool == batch").build()));

            String id = a.substring(a.lastIndexOf('/') + 1);
            assertThat(service("workers").events()).extracting(e -> e.message()).anyMatch(m -> m.contains(
                    "The closest matching container-instance " + id + " encountered error \"MemberOf placement constraint unsatisfied.\"."));
        }

        @Test
        void aServiceWithBadPlacementIsRefusedAndNotCreated() {
            assertThatThrownBy(() -> ecs.createService(r -> r.cluster("prod").serviceName("workers").taskDefinition("worker")
                    .desiredCount(1).launchType(LaunchType.EC2).placementConstraints(c -> c.type(PlacementConstraintType.MEMBER_OF))))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("An expression must be specified for a memberOf placement constraint.");
            assertThatThrownBy(() -> ecs.createService(r -> r.cluster("prod").serviceName("workers").taskDefinition("worker")
                    .desiredCount(1).launchType(LaunchType.EC2).placementStrategy(s -> s.type(PlacementStrategyType.SPREAD))))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("spread");
            assertThat(ecs.listServices(r -> r.cluster("prod")).serviceArns()).isEmpty();

            ecs.createService(r -> r.cluster("prod").serviceName("workers").taskDefinition("worker").desiredCount(1)
                    .launchType(LaunchType.EC2));
            assertThat(service("workers").status()).isEqualTo("ACTIVE");
        }

        @Test
        void anUpdateWithBadPlacementChangesNothingAndTheClusterStillWorks() {
            ecs.createService(r -> r.cluster("prod").serviceName("workers").taskDefinition("worker").desiredCount(1)
                    .launchType(LaunchType.EC2));

            assertThatThrownBy(() -> ecs.updateService(r -> r.cluster("prod").service("workers").desiredCount(3)
                    .placementConstraints(c -> c.type(PlacementConstraintType.MEMBER_OF).expression("((("))))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Invalid filter expression");
            assertThatThrownBy(() -> ecs.updateService(r -> r.cluster("prod").service("workers")
                    .placementStrategy(s -> s.type(PlacementStrategyType.BINPACK).field("disk"))))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Invalid field for binpack placement strategy: disk");

            Service unchanged = service("workers");
            assertThat(unchanged.desiredCount()).isEqualTo(1);
            assertThat(unchanged.placementConstraints()).isEmpty();
            assertThat(unchanged.placementStrategy()).isEmpty();
            instance("i-0000000000000000a", "us-east-1a");
            assertThat(service("workers").runningCount()).isEqualTo(1);
        }

        @Test
        void aDaemonServiceTakesNoPlacementStrategyOnUpdateEither() {
            ecs.createService(r -> r.cluster("prod").serviceName("agent").taskDefinition("web")
                    .schedulingStrategy(SchedulingStrategy.DAEMON).launchType(LaunchType.EC2));

            assertThatThrownBy(() -> ecs.updateService(r -> r.cluster("prod").service("agent")
                    .placementStrategy(s -> s.type(PlacementStrategyType.SPREAD).field("instanceId"))))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("The daemon scheduling strategy does not support placement strategies.");
        }

        @Test
        void drainingAnInstanceMovesTheServiceTasksElsewhere() {
            String a = instance("i-0000000000000000a", "us-east-1a");
            String b = instance("i-0000000000000000b", "us-east-1b");
            ecs.createService(r -> r.cluster("prod").serviceName("api").taskDefinition("api").desiredCount(2)
                    .launchType(LaunchType.EC2));
            String standalone = run("api", 1).tasks().stream().filter(t -> t.containerInstanceArn().equals(a))
                    .map(Task::taskArn).findFirst().orElse(null);

            ecs.updateContainerInstancesState(r -> r.cluster("prod").containerInstances(a).status(ContainerInstanceStatus.DRAINING));

            List<Task> serviceTasks = ecs.describeTasks(r -> r.cluster("prod")
                    .tasks(ecs.listTasks(t -> t.cluster("prod").serviceName("api")).taskArns())).tasks();
            assertThat(serviceTasks).hasSize(2).extracting(Task::containerInstanceArn).containsOnly(b);
            assertThat(service("api").runningCount()).isEqualTo(2);
            assertThat(describe(a).runningTasksCount()).isEqualTo(standalone == null ? 0 : 1);
        }

        @Test
        void deregisteringWithForceHasTheServiceReplaceItsTasks() {
            String a = instance("i-0000000000000000a", "us-east-1a");
            String b = instance("i-0000000000000000b", "us-east-1b");
            ecs.createService(r -> r.cluster("prod").serviceName("api").taskDefinition("api").desiredCount(2)
                    .launchType(LaunchType.EC2));

            List<String> onA = ecs.listTasks(t -> t.cluster("prod").containerInstance(a)).taskArns();
            assertThat(onA).isNotEmpty();

            ecs.deregisterContainerInstance(r -> r.cluster("prod").containerInstance(a).force(true));

            List<Task> serviceTasks = ecs.describeTasks(r -> r.cluster("prod")
                    .tasks(ecs.listTasks(t -> t.cluster("prod").serviceName("api")).taskArns())).tasks();
            assertThat(serviceTasks).hasSize(2).extracting(Task::containerInstanceArn).containsOnly(b);
            assertThat(service("api").runningCount()).isEqualTo(2);
            // DeregisterContainerInstance's force: orphaned tasks "remain running", the service starts another copy.
            assertThat(ecs.describeTasks(r -> r.cluster("prod").tasks(onA)).tasks())
                    .allSatisfy(orphan -> assertThat(orphan.lastStatus() + "/" + orphan.desiredStatus()).isEqualTo("RUNNING/RUNNING"));
            assertThat(service("api").events()).noneMatch(event -> event.message().contains("has stopped"));
        }

        @Test
        void aDaemonServiceRunsOneTaskOnEveryInstance() {
            String a = instance("i-0000000000000000a", "us-east-1a");
            String b = instance("i-0000000000000000b", "us-east-1b");

            ecs.createService(r -> r.cluster("prod").serviceName("agent").taskDefinition("api")
                    .schedulingStrategy(SchedulingStrategy.DAEMON).launchType(LaunchType.EC2));

            assertThat(service("agent").desiredCount()).isEqualTo(2);
            assertThat(service("agent").runningCount()).isEqualTo(2);

            String c = instance("i-0000000000000000c", "us-east-1c");

            Function<String, Long> onInstance = arn -> ecs.describeTasks(r -> r.cluster("prod")
                    .tasks(ecs.listTasks(t -> t.cluster("prod").serviceName("agent")).taskArns())).tasks().stream()
                    .filter(t -> t.containerInstanceArn().equals(arn)).count();
            assertThat(List.of(onInstance.apply(a), onInstance.apply(b), onInstance.apply(c))).containsExactly(1L, 1L, 1L);
            assertThat(service("agent").desiredCount()).isEqualTo(3);

            ecs.updateContainerInstancesState(r -> r.cluster("prod").containerInstances(c).status(ContainerInstanceStatus.DRAINING));

            assertThat(service("agent").desiredCount()).isEqualTo(2);
            assertThat(onInstance.apply(c)).isZero();
        }
    }

    @Nested
    class SteppedDraining extends EcsApiTest {
        @Override
        protected EcsMock.Builder configure(EcsMock.Builder builder) {
            return builder.lifecycle(Lifecycle.stepped(Duration.ofSeconds(5)));
        }

        @Test
        void replacementsStartBeforeTheDrainedTasksStop() {
            ecs.createCluster(r -> r.clusterName("prod"));
            ecs.registerTaskDefinition(r -> r.family("api").networkMode(NetworkMode.BRIDGE)
                    .containerDefinitions(c -> c.name("api").image("api").cpu(128).memory(128)));
            String a = ecs.registerContainerInstance(r -> r.cluster("prod")
                    .instanceIdentityDocument("{\"instanceId\":\"i-0000000000000000a\"}")).containerInstance().containerInstanceArn();
            ecs.createService(r -> r.cluster("prod").serviceName("api").taskDefinition("api").desiredCount(2)
                    .launchType(LaunchType.EC2));
            mock.clock().advance(Duration.ofMinutes(1));
            String b = ecs.registerContainerInstance(r -> r.cluster("prod")
                    .instanceIdentityDocument("{\"instanceId\":\"i-0000000000000000b\"}")).containerInstance().containerInstanceArn();

            ecs.updateContainerInstancesState(r -> r.cluster("prod").containerInstances(a).status(ContainerInstanceStatus.DRAINING));

            // Minimum healthy 100 %: the two old tasks keep running while two replacements start on b.
            List<Task> during = ecs.describeTasks(r -> r.cluster("prod")
                    .tasks(ecs.listTasks(t -> t.cluster("prod").serviceName("api")).taskArns())).tasks();
            assertThat(during).hasSize(4);
            assertThat(during.stream().filter(t -> t.containerInstanceArn().equals(a)).map(Task::lastStatus)).containsOnly("RUNNING");

            mock.clock().advance(Duration.ofMinutes(1));

            List<Task> after = ecs.describeTasks(r -> r.cluster("prod")
                    .tasks(ecs.listTasks(t -> t.cluster("prod").serviceName("api")).taskArns())).tasks();
            assertThat(after).hasSize(2).extracting(Task::containerInstanceArn).containsOnly(b);
        }
    }
}
