package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ApplicationProtocol;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;
import software.amazon.awssdk.services.ecs.model.CPUArchitecture;
import software.amazon.awssdk.services.ecs.model.DeleteTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.EphemeralStorage;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.HostVolumeProperties;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionFamiliesResponse;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.MountPoint;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.OSFamily;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.RuntimePlatform;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionPlacementConstraint;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionPlacementConstraintType;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;
import software.amazon.awssdk.services.ecs.model.Volume;

/**
 * RegisterTaskDefinition, DeregisterTaskDefinition, DescribeTaskDefinition, ListTaskDefinitions,
 * ListTaskDefinitionFamilies and DeleteTaskDefinitions through the real EcsClient.
 */
class TaskDefinitionsTest extends EcsApiTest {
    private static final String TD_ARN_PREFIX = "arn:aws:ecs:us-east-1:123456789012:task-definition/";
    private static final String EXECUTION_ROLE = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";
    private static final String TASK_ROLE = "arn:aws:iam::123456789012:role/api-task";
    private static final String ECR_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.4.2";

    // ---------------------------------------------------------------- RegisterTaskDefinition: echo

    @Test
    void registerEchoesEveryTaskLevelFieldOfARichFargateDefinition() {
        RegisterTaskDefinitionRequest request = richFargateRequest();

        TaskDefinition definition = ecs.registerTaskDefinition(request).taskDefinition();

        assertThat(definition.family()).isEqualTo("api");
        assertThat(definition.networkMode()).isEqualTo(NetworkMode.AWSVPC);
        assertThat(definition.requiresCompatibilities()).containsExactly(Compatibility.FARGATE);
        assertThat(definition.cpu()).isEqualTo("512");
        assertThat(definition.memory()).isEqualTo("1024");
        assertThat(definition.executionRoleArn()).isEqualTo(EXECUTION_ROLE);
        assertThat(definition.taskRoleArn()).isEqualTo(TASK_ROLE);
        assertThat(definition.volumes()).isEqualTo(request.volumes());
        assertThat(definition.runtimePlatform()).isEqualTo(request.runtimePlatform());
        assertThat(definition.ephemeralStorage()).isEqualTo(request.ephemeralStorage());
    }

    @Test
    void registerEchoesEveryContainerField() {
        RegisterTaskDefinitionRequest request = richFargateRequest();

        TaskDefinition definition = ecs.registerTaskDefinition(request).taskDefinition();

        // Every member of the app container was given except volumesFrom, which ECS fills with [].
        ContainerDefinition app = request.containerDefinitions().get(0);
        assertThat(definition.containerDefinitions().get(0)).isEqualTo(app.toBuilder().volumesFrom(List.of()).build());
        ContainerDefinition echoed = definition.containerDefinitions().get(0);
        assertThat(echoed.command()).containsExactly("java", "-jar", "/app.jar");
        assertThat(echoed.environment()).containsExactly(
                KeyValuePair.builder().name("SPRING_PROFILES_ACTIVE").value("prod").build());
        assertThat(echoed.portMappings()).containsExactly(PortMapping.builder()
                .containerPort(8080).hostPort(8080).protocol(TransportProtocol.TCP).name("http")
                .appProtocol(ApplicationProtocol.HTTP).build());
        assertThat(echoed.logConfiguration().logDriver()).isEqualTo(LogDriver.AWSLOGS);
        assertThat(echoed.logConfiguration().options()).containsEntry("awslogs-group", "/ecs/api");
        assertThat(echoed.dockerLabels()).containsExactly(Map.entry("com.example.team", "payments"));
        assertThat(echoed.secrets()).extracting(Secret::name).containsExactly("DB_PASSWORD");
        assertThat(echoed.dependsOn()).extracting(ContainerDependency::containerName).containsExactly("log-router");
        assertThat(echoed.healthCheck().retries()).isEqualTo(3);
        assertThat(echoed.memoryReservation()).isEqualTo(256);
        assertThat(definition.containerDefinitions()).extracting(ContainerDefinition::name)
                .containsExactly("app", "log-router");
    }

    @Test
    void registerEchoesPlacementConstraintsAndHostVolumesOfAnEc2Definition() {
        TaskDefinitionPlacementConstraint constraint = TaskDefinitionPlacementConstraint.builder()
                .type(TaskDefinitionPlacementConstraintType.MEMBER_OF)
                .expression("attribute:ecs.instance-type =~ t3.*").build();
        Volume data = Volume.builder().name("data").host(HostVolumeProperties.builder().sourcePath("/srv/data").build()).build();

        TaskDefinition definition = ecs.registerTaskDefinition(r -> r.family("batch")
                .networkMode(NetworkMode.BRIDGE)
                .placementConstraints(constraint)
                .volumes(data)
                .containerDefinitions(c -> c.name("worker").image("busybox").memory(128)
                        .mountPoints(MountPoint.builder().sourceVolume("data").containerPath("/data").build())))
                .taskDefinition();

        assertThat(definition.placementConstraints()).containsExactly(constraint);
        assertThat(definition.volumes()).containsExactly(data);
        assertThat(definition.networkMode()).isEqualTo(NetworkMode.BRIDGE);
        assertThat(definition.containerDefinitions().get(0).mountPoints()).containsExactly(
                MountPoint.builder().sourceVolume("data").containerPath("/data").build());
    }

    @Test
    void registerReturnsTheRequestTags() {
        RegisterTaskDefinitionResponse response = ecs.registerTaskDefinition(richFargateRequest());

        assertThat(response.tags()).containsExactly(tag("team", "payments"), tag("env", "prod"));
    }

    @Test
    void registerWithoutTagsReturnsEmptyTags() {
        RegisterTaskDefinitionResponse response = ecs.registerTaskDefinition(r -> r.family("web")
                .containerDefinitions(c -> c.name("app").image("nginx").memory(128)));

        assertThat(response.hasTags()).isTrue();
        assertThat(response.tags()).isEmpty();
    }

    // ---------------------------------------------------------------- RegisterTaskDefinition: computed fields

    @Test
    void registerComputesArnRevisionStatusAndRegistration() {
        mock.clock().advance(Duration.ofMinutes(5));
        Instant now = mock.clock().now();

        TaskDefinition definition = ecs.registerTaskDefinition(richFargateRequest()).taskDefinition();

        assertThat(definition.taskDefinitionArn()).isEqualTo(TD_ARN_PREFIX + "api:1");
        assertThat(definition.revision()).isEqualTo(1);
        assertThat(definition.status()).isEqualTo(TaskDefinitionStatus.ACTIVE);
        assertThat(definition.registeredAt()).isEqualTo(now);
        assertThat(definition.registeredBy()).isEqualTo("arn:aws:iam::123456789012:root");
        assertThat(definition.deregisteredAt()).isNull();
    }

    @Test
    void revisionsCountFromOnePerFamily() {
        assertThat(registerSimple("web").revision()).isEqualTo(1);
        assertThat(registerSimple("web").revision()).isEqualTo(2);
        assertThat(registerSimple("api").revision()).isEqualTo(1);
        TaskDefinition third = registerSimple("web");

        assertThat(third.revision()).isEqualTo(3);
        assertThat(third.taskDefinitionArn()).isEqualTo(TD_ARN_PREFIX + "web:3");
    }

    @Test
    void bridgeOrNoNetworkModeDefinitionIsCompatibleWithExternalAndEc2() {
        TaskDefinition noMode = ecs.registerTaskDefinition(r -> r.family("web")
                .containerDefinitions(c -> c.name("app").image("nginx").memory(128))).taskDefinition();
        TaskDefinition bridge = ecs.registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(c -> c.name("app").image("nginx").memory(128))).taskDefinition();

        assertThat(noMode.compatibilitiesAsStrings()).containsExactly("EXTERNAL", "EC2");
        assertThat(noMode.networkMode()).isNull();
        assertThat(bridge.compatibilitiesAsStrings()).containsExactly("EXTERNAL", "EC2");
    }

    @Test
    void validFargateDefinitionIsCompatibleWithEc2AndFargate() {
        TaskDefinition definition = ecs.registerTaskDefinition(richFargateRequest()).taskDefinition();

        assertThat(definition.compatibilitiesAsStrings()).containsExactly("EC2", "FARGATE");
    }

    @Test
    void volumesAndPlacementConstraintsAreEmptyListsWhenNotGiven() {
        TaskDefinition definition = registerSimple("web");

        assertThat(definition.hasVolumes()).isTrue();
        assertThat(definition.volumes()).isEmpty();
        assertThat(definition.hasPlacementConstraints()).isTrue();
        assertThat(definition.placementConstraints()).isEmpty();
    }

    @Test
    void plainEc2DefinitionRequiresNoAttributes() {
        TaskDefinition definition = registerSimple("web");

        assertThat(definition.requiresAttributes()).isEmpty();
    }

    @Test
    void requiresAttributesFollowTheFeaturesUsed() {
        TaskDefinition definition = ecs.registerTaskDefinition(richFargateRequest()).taskDefinition();

        assertThat(definition.requiresAttributes()).extracting(Attribute::name).containsExactlyInAnyOrder(
                "com.amazonaws.ecs.capability.docker-remote-api.1.18",
                "ecs.capability.task-eni",
                "com.amazonaws.ecs.capability.task-iam-role",
                "com.amazonaws.ecs.capability.logging-driver.awslogs",
                "com.amazonaws.ecs.capability.docker-remote-api.1.19",
                "ecs.capability.execution-role-awslogs",
                "com.amazonaws.ecs.capability.ecr-auth",
                "ecs.capability.execution-role-ecr-pull",
                "com.amazonaws.ecs.capability.docker-remote-api.1.21",
                "ecs.capability.container-health-check",
                "com.amazonaws.ecs.capability.docker-remote-api.1.24",
                "ecs.capability.container-ordering",
                "ecs.capability.secrets.ssm.environment-variables");
    }

    @Test
    void awsvpcAloneRequiresTaskEni() {
        TaskDefinition definition = ecs.registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC)
                .containerDefinitions(c -> c.name("app").image("nginx").memory(128))).taskDefinition();

        assertThat(definition.requiresAttributes()).extracting(Attribute::name).containsExactlyInAnyOrder(
                "com.amazonaws.ecs.capability.docker-remote-api.1.18", "ecs.capability.task-eni");
    }

    @Test
    void awslogsAloneRequiresTheLoggingDriver() {
        TaskDefinition definition = ecs.registerTaskDefinition(r -> r.family("web")
                .containerDefinitions(c -> c.name("app").image("nginx").memory(128)
                        .logConfiguration(LogConfiguration.builder().logDriver(LogDriver.AWSLOGS)
                                .options(Map.of("awslogs-group", "/ecs/web")).build())))
                .taskDefinition();

        assertThat(definition.requiresAttributes()).extracting(Attribute::name).containsExactlyInAnyOrder(
                "com.amazonaws.ecs.capability.logging-driver.awslogs",
                "com.amazonaws.ecs.capability.docker-remote-api.1.19");
    }

    // ---------------------------------------------------------------- RegisterTaskDefinition: defaults

    @Test
    void containerOmissionsGetEcsDefaults() {
        TaskDefinition definition = ecs.registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC)
                .containerDefinitions(c -> c.name("app").image("nginx").memory(256)
                        .portMappings(PortMapping.builder().containerPort(80).build())))
                .taskDefinition();

        ContainerDefinition container = definition.containerDefinitions().get(0);
        assertThat(container.cpu()).isZero();
        assertThat(container.essential()).isTrue();
        assertThat(container.portMappings()).containsExactly(
                PortMapping.builder().containerPort(80).hostPort(80).protocol(TransportProtocol.TCP).build());
        assertThat(container.hasEnvironment()).isTrue();
        assertThat(container.environment()).isEmpty();
        assertThat(container.hasMountPoints()).isTrue();
        assertThat(container.mountPoints()).isEmpty();
        assertThat(container.hasVolumesFrom()).isTrue();
        assertThat(container.volumesFrom()).isEmpty();
        assertThat(container.memory()).isEqualTo(256);
        assertThat(container.memoryReservation()).isNull();
        assertThat(container.command()).isEmpty();
    }

    @Test
    void containerWithoutPortMappingsGetsAnEmptyList() {
        ContainerDefinition container = registerSimple("web").containerDefinitions().get(0);

        assertThat(container.hasPortMappings()).isTrue();
        assertThat(container.portMappings()).isEmpty();
    }

    @Test
    void explicitNonEssentialContainerStaysNonEssential() {
        TaskDefinition definition = ecs.registerTaskDefinition(r -> r.family("web").containerDefinitions(
                ContainerDefinition.builder().name("app").image("nginx").memory(128).build(),
                ContainerDefinition.builder().name("sidecar").image("busybox").memory(32).essential(false).build()))
                .taskDefinition();

        assertThat(definition.containerDefinitions()).extracting(ContainerDefinition::essential).containsExactly(true, false);
    }

    @Test
    void taskSizeInVcpuAndGbIsNormalisedToUnitsAndMib() {
        TaskDefinition definition = ecs.registerTaskDefinition(r -> r.family("web").cpu("1 vCPU").memory("2 GB")
                .containerDefinitions(c -> c.name("app").image("nginx"))).taskDefinition();

        assertThat(definition.cpu()).isEqualTo("1024");
        assertThat(definition.memory()).isEqualTo("2048");
    }

    @Test
    void fractionalVcpuIsNormalisedToUnits() {
        TaskDefinition definition = ecs.registerTaskDefinition(r -> r.family("web")
                .requiresCompatibilities(Compatibility.FARGATE).networkMode(NetworkMode.AWSVPC)
                .cpu("0.25 vCPU").memory("0.5 GB")
                .containerDefinitions(c -> c.name("app").image("nginx"))).taskDefinition();

        assertThat(definition.cpu()).isEqualTo("256");
        assertThat(definition.memory()).isEqualTo("512");
        assertThat(definition.compatibilitiesAsStrings()).containsExactly("EC2", "FARGATE");
    }

    // ---------------------------------------------------------------- RegisterTaskDefinition: validation

    @Test
    void blankFamilyIsRefused() {
        assertClientError(r -> r.family("").containerDefinitions(c -> c.name("app").image("nginx").memory(128)),
                "Family can not be blank.");
        assertClientError(r -> r.containerDefinitions(c -> c.name("app").image("nginx").memory(128)),
                "Family can not be blank.");
    }

    @Test
    void familyWithInvalidCharactersIsRefused() {
        assertClientError(r -> r.family("my web!").containerDefinitions(c -> c.name("app").image("nginx").memory(128)),
                "Family contains invalid characters.");
        assertClientError(r -> r.family("x".repeat(256)).containerDefinitions(c -> c.name("app").image("nginx").memory(128)),
                "Family contains invalid characters.");
    }

    @Test
    void aFamilyOfTwoHundredFiftyFiveCharactersIsAccepted() {
        String family = "a-Z_0".repeat(51);

        TaskDefinition definition = ecs.registerTaskDefinition(r -> r.family(family)
                .containerDefinitions(c -> c.name("app").image("nginx").memory(128))).taskDefinition();

        assertThat(definition.family()).hasSize(255).isEqualTo(family);
    }

    @Test
    void containerNameWithInvalidCharactersIsRefused() {
        assertClientError(r -> r.family("web").containerDefinitions(c -> c.name("my app").image("nginx").memory(128)),
                "Container.name contains invalid characters.");
        assertClientError(r -> r.family("web").containerDefinitions(c -> c.name("app.1").image("nginx").memory(128)),
                "Container.name contains invalid characters.");
    }

    @Test
    void emptyContainerListIsRefused() {
        assertClientError(r -> r.family("web").containerDefinitions(List.of()), "Container list cannot be empty.");
        assertClientError(r -> r.family("web"), "Container list cannot be empty.");
    }

    @Test
    void duplicateContainerNamesAreRefused() {
        assertClientError(r -> r.family("web").containerDefinitions(
                ContainerDefinition.builder().name("app").image("nginx").memory(128).build(),
                ContainerDefinition.builder().name("app").image("busybox").memory(128).build()),
                "Container names must be unique within a Task Definition.");
    }

    @Test
    void containerWithoutNameIsRefused() {
        assertClientError(r -> r.family("web").containerDefinitions(c -> c.image("nginx").memory(128)),
                "Container.name should not be null or empty.");
    }

    @Test
    void containerWithoutImageIsRefused() {
        assertClientError(r -> r.family("web").containerDefinitions(c -> c.name("app").memory(128)),
                "Container.image should not be null or empty.");
        assertClientError(r -> r.family("web").containerDefinitions(c -> c.name("app").image("").memory(128)),
                "Container.image should not be null or empty.");
    }

    @Test
    void fargateWithoutAwsvpcIsRefused() {
        String message = "Fargate only supports network mode \u2018awsvpc\u2019.";
        assertClientError(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.BRIDGE).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx")), message);
        assertClientError(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                .cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx")), message);
    }

    @Test
    void fargateWithoutTaskCpuIsRefused() {
        assertClientError(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx")),
                "Fargate requires that 'cpu' be defined at the task level.");
    }

    @Test
    void fargateWithoutTaskMemoryIsRefused() {
        assertClientError(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256")
                .containerDefinitions(c -> c.name("app").image("nginx")),
                "Fargate requires that 'memory' be defined at the task level.");
    }

    @Test
    void fargateSizeOutsideTheTableIsRefused() {
        assertClientError(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("4096")
                .containerDefinitions(c -> c.name("app").image("nginx")),
                "No Fargate configuration exists for given values: 256 CPU, 4096 memory. "
                        + "See the Amazon ECS documentation for the valid values.");
    }

    @Test
    void everyFargateSizeOfTheTableIsAccepted() {
        int[][] sizes = {{256, 512}, {256, 2048}, {512, 1024}, {512, 4096}, {1024, 2048}, {1024, 8192},
                {2048, 4096}, {2048, 16384}, {4096, 8192}, {4096, 30720}};
        for (int[] size : sizes) {
            TaskDefinition definition = ecs.registerTaskDefinition(r -> r.family("web")
                    .requiresCompatibilities(Compatibility.FARGATE).networkMode(NetworkMode.AWSVPC)
                    .cpu(String.valueOf(size[0])).memory(String.valueOf(size[1]))
                    .containerDefinitions(c -> c.name("app").image("nginx"))).taskDefinition();
            assertThat(definition.compatibilitiesAsStrings()).as("%s CPU, %s memory", size[0], size[1]).contains("FARGATE");
        }
    }

    @Test
    void containerMemoryGreaterThanTaskMemoryIsRefused() {
        assertClientError(r -> r.family("web").cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx").memory(1024)),
                "The 'memory' setting for container 'app' is greater than for the task.");
    }

    @Test
    void aDefinitionWithoutAnEssentialContainerIsRefused() {
        assertClientError(r -> r.family("sidecars").containerDefinitions(
                        c -> c.name("a").image("x").memory(128).essential(false),
                        c -> c.name("b").image("y").memory(128).essential(false)),
                "Task definition doesn't have any essential container.");
        // Left out, 'essential' means true.
        assertThat(ecs.registerTaskDefinition(r -> r.family("sidecars").containerDefinitions(
                c -> c.name("a").image("x").memory(128).essential(false),
                c -> c.name("b").image("y").memory(128))).taskDefinition().containerDefinitions())
                .extracting(ContainerDefinition::essential).containsExactly(false, true);
    }

    @Test
    void negativeContainerSizesAndPortsBeyondTheRangeAreRefused() {
        assertClientError(r -> r.family("neg").containerDefinitions(c -> c.name("a").image("x").memory(-100_000)),
                "Invalid 'memory' setting for container 'a'.");
        assertClientError(r -> r.family("neg").containerDefinitions(c -> c.name("a").image("x").memory(128).cpu(-5000)),
                "Invalid 'cpu' setting for container 'a'.");
        assertClientError(r -> r.family("neg").containerDefinitions(c -> c.name("a").image("x").memoryReservation(0)),
                "Invalid 'memoryReservation' setting for container 'a'.");
        assertClientError(r -> r.family("neg").containerDefinitions(c -> c.name("a").image("x").memory(128)
                        .portMappings(p -> p.containerPort(-5).hostPort(70_000))),
                "Invalid port mapping for container 'a': ports are between 1 and 65535 (a hostPort of 0 asks for a dynamic port).");
        assertClientError(r -> r.family("neg").containerDefinitions(c -> c.name("a").image("x").memory(128)
                        .portMappings(p -> p.containerPort(80).hostPort(70_000))),
                "Invalid port mapping for container 'a': ports are between 1 and 65535 (a hostPort of 0 asks for a dynamic port).");
        assertThat(ecs.listTaskDefinitions().taskDefinitionArns()).isEmpty();
        assertThat(ecs.registerTaskDefinition(r -> r.family("ok").containerDefinitions(c -> c.name("a").image("x").memory(128)
                .portMappings(p -> p.containerPort(65_535).hostPort(0)))).taskDefinition().revision()).isEqualTo(1);
    }

    @Test
    void containerCpuSumGreaterThanTaskCpuIsRefused() {
        assertClientError(r -> r.family("web").cpu("256").memory("512").containerDefinitions(
                ContainerDefinition.builder().name("a").image("nginx").cpu(200).build(),
                ContainerDefinition.builder().name("b").image("nginx").cpu(100).build()),
                "The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.");
    }

    @Test
    void containerMemoryReservationsMustFitTheTaskAndTheirOwnLimit() {
        assertClientError(r -> r.family("web").memory("256").containerDefinitions(
                        ContainerDefinition.builder().name("a").image("nginx").memoryReservation(200).build(),
                        ContainerDefinition.builder().name("b").image("nginx").memoryReservation(100).build()),
                "The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'.");
        assertClientError(r -> r.family("web").containerDefinitions(c -> c.name("app").image("nginx").memory(128)
                        .memoryReservation(256)),
                "Invalid setting for container 'app'. 'memoryReservation' must not be greater than 'memory'.");
        assertThat(ecs.registerTaskDefinition(r -> r.family("web").containerDefinitions(c -> c.name("app").image("nginx")
                .memory(256).memoryReservation(256))).taskDefinition().revision()).isEqualTo(1);
    }

    @Test
    void aMountPointMustNameAVolumeOfTheDefinition() {
        assertClientError(r -> r.family("web").volumes(v -> v.name("data"))
                        .containerDefinitions(c -> c.name("app").image("nginx").memory(128)
                                .mountPoints(m -> m.sourceVolume("root-RO").containerPath("/ro"))),
                "Unknown volume 'root-RO'.");
        assertThat(ecs.registerTaskDefinition(r -> r.family("web").volumes(v -> v.name("data"))
                .containerDefinitions(c -> c.name("app").image("nginx").memory(128)
                        .mountPoints(m -> m.sourceVolume("data").containerPath("/data")))).taskDefinition().revision())
                .isEqualTo(1);
    }

    @Test
    void moreThanTenContainersAreRefused() {
        List<ContainerDefinition> eleven = java.util.stream.IntStream.range(0, 11)
                .mapToObj(i -> ContainerDefinition.builder().name("c" + i).image("nginx").memory(64).build()).toList();

        assertClientError(r -> r.family("web").containerDefinitions(eleven), "Too many containers.");
        assertThat(ecs.registerTaskDefinition(r -> r.family("web").containerDefinitions(eleven.subList(0, 10)))
                .taskDefinition().containerDefinitions()).hasSize(10);
    }

    @Test
    void awslogsOptionsThatEcsRefusesAtRegistrationAreRefused() {
        java.util.function.Function<Map<String, String>, Consumer<RegisterTaskDefinitionRequest.Builder>> logging = options ->
                r -> r.family("worker").containerDefinitions(c -> c.name("app").image("busybox").memory(128)
                        .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(options)));

        assertClientError(logging.apply(Map.of("awslogs-stream-prefix", "app")),
                "Log driver awslogs requires options: awslogs-region, awslogs-group");
        assertClientError(logging.apply(Map.of("awslogs-group", "", "awslogs-region", "us-east-1")),
                "Log driver awslogs option 'awslogs-group' should not be null or empty.");
        assertClientError(logging.apply(Map.of("awslogs-group", "/ecs/worker", "awslogs-create-group", "false")),
                "Log driver awslogs option 'awslogs-create-group' should only be set to 'true', else omit option.");
        assertThat(ecs.registerTaskDefinition(logging.apply(Map.of("awslogs-group", "/ecs/worker", "awslogs-create-group", "true")))
                .taskDefinition().revision()).isEqualTo(1);
    }

    @Test
    void fargateNeedsAnExecutionRoleToPullFromEcrOrToSendLogsToCloudWatch() {
        Consumer<RegisterTaskDefinitionRequest.Builder> ecrImage = r -> r.family("api")
                .requiresCompatibilities(Compatibility.FARGATE).networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image(ECR_IMAGE));
        Consumer<RegisterTaskDefinitionRequest.Builder> awslogs = r -> r.family("api")
                .requiresCompatibilities(Compatibility.FARGATE).networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx").logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS)
                        .options(Map.of("awslogs-group", "/ecs/api", "awslogs-region", "us-east-1"))));

        assertClientError(ecrImage, "Fargate requires task definition to have execution role ARN to support ECR images.");
        assertClientError(awslogs, "Fargate requires task definition to have execution role ARN to support log driver awslogs.");
        assertThat(ecs.registerTaskDefinition(ecrImage.andThen(r -> r.executionRoleArn(EXECUTION_ROLE))).taskDefinition().revision())
                .isEqualTo(1);
        assertThat(ecs.registerTaskDefinition(awslogs.andThen(r -> r.executionRoleArn(EXECUTION_ROLE))).taskDefinition().revision())
                .isEqualTo(2);
        // A public ECR image needs no credentials.
        assertThat(ecs.registerTaskDefinition(r -> r.family("api").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("public.ecr.aws/nginx/nginx:1.27"))).taskDefinition().revision())
                .isEqualTo(3);
    }

    @Test
    void fargateRefusesAnIpcNamespaceAndHostPathVolumes() {
        assertClientError(r -> r.family("api").requiresCompatibilities(Compatibility.FARGATE).networkMode(NetworkMode.AWSVPC)
                .cpu("256").memory("512").ipcMode("host").containerDefinitions(c -> c.name("app").image("nginx")),
                "Tasks using the Fargate launch type do not support ipcMode.");
        assertClientError(r -> r.family("api").requiresCompatibilities(Compatibility.FARGATE).networkMode(NetworkMode.AWSVPC)
                .cpu("256").memory("512").volumes(v -> v.name("logs").host(h -> h.sourcePath("/var/log")))
                .containerDefinitions(c -> c.name("app").image("nginx")),
                "Fargate compatible task definitions do not support sourcePath");
    }

    @Test
    void aDefinitionThatBreaksAFargateRuleWithoutRequiringFargateIsNotFargateCompatible() {
        TaskDefinition hostPath = ecs.registerTaskDefinition(r -> r.family("api").networkMode(NetworkMode.AWSVPC)
                .cpu("256").memory("512").volumes(v -> v.name("logs").host(h -> h.sourcePath("/var/log")))
                .containerDefinitions(c -> c.name("app").image("nginx"))).taskDefinition();
        TaskDefinition withoutRole = ecs.registerTaskDefinition(r -> r.family("api").networkMode(NetworkMode.AWSVPC)
                .cpu("256").memory("512").containerDefinitions(c -> c.name("app").image(ECR_IMAGE))).taskDefinition();

        assertThat(hostPath.compatibilitiesAsStrings()).containsExactly("EC2");
        assertThat(withoutRole.compatibilitiesAsStrings()).containsExactly("EC2");
        ecs.createCluster(r -> r.clusterName("default"));
        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class, () -> ecs.runTask(r -> r
                .taskDefinition("api:1").launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-12345678"))))) ;
        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Task definition does not support launch_type FARGATE.");
    }

    @Test
    void awsvpcContainersCannotSetAHostNameOrLinks() {
        assertClientError(r -> r.family("web").networkMode(NetworkMode.AWSVPC)
                .containerDefinitions(c -> c.name("app").image("nginx").memory(128).hostname("app")),
                "hostname is not supported on container when networkMode=awsvpc.");
        assertClientError(r -> r.family("web").networkMode(NetworkMode.AWSVPC).containerDefinitions(
                        ContainerDefinition.builder().name("app").image("nginx").memory(128).links("db").build(),
                        ContainerDefinition.builder().name("db").image("postgres").memory(256).build()),
                "Links are not supported when networkMode=awsvpc.");
        TaskDefinition bridge = ecs.registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.BRIDGE).containerDefinitions(
                ContainerDefinition.builder().name("app").image("nginx").memory(128).hostname("app").links("db").build(),
                ContainerDefinition.builder().name("db").image("postgres").memory(256).build())).taskDefinition();
        assertThat(bridge.containerDefinitions().get(0).hostname()).isEqualTo("app");
        assertThat(bridge.containerDefinitions().get(0).links()).containsExactly("db");
    }

    @Test
    void containerSecretsNeedAnExecutionRoleToBeFetched() {
        Consumer<RegisterTaskDefinitionRequest.Builder> secrets = r -> r.family("web").containerDefinitions(c -> c.name("app")
                .image("nginx").memory(128).secrets(Secret.builder().name("DB_PASSWORD")
                        .valueFrom("arn:aws:ssm:us-east-1:123456789012:parameter/db-password").build()));

        assertClientError(secrets, "When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.");
        assertThat(ecs.registerTaskDefinition(secrets.andThen(r -> r.executionRoleArn(EXECUTION_ROLE))).taskDefinition()
                .containerDefinitions().get(0).secrets()).hasSize(1);
    }

    @Test
    void aContainerWaitedOnToExitCannotBeEssential() {
        for (ContainerCondition condition : List.of(ContainerCondition.SUCCESS, ContainerCondition.COMPLETE)) {
            assertClientError(r -> r.family("web").containerDefinitions(
                            ContainerDefinition.builder().name("app").image("nginx").memory(128)
                                    .dependsOn(d -> d.containerName("migrate").condition(condition)).build(),
                            ContainerDefinition.builder().name("migrate").image("flyway").memory(128).build()),
                    "A dependency container with SUCCESS or COMPLETE condition cannot be an essential container");
        }
        TaskDefinition definition = ecs.registerTaskDefinition(r -> r.family("web").containerDefinitions(
                ContainerDefinition.builder().name("app").image("nginx").memory(128)
                        .dependsOn(d -> d.containerName("migrate").condition(ContainerCondition.SUCCESS)).build(),
                ContainerDefinition.builder().name("migrate").image("flyway").memory(128).essential(false).build(),
                ContainerDefinition.builder().name("sidecar").image("envoy").memory(128)
                        .dependsOn(d -> d.containerName("app").condition(ContainerCondition.START)).build())).taskDefinition();
        assertThat(definition.containerDefinitions()).hasSize(3);
    }

    @Test
    void awsvpcHostPortDifferentFromContainerPortIsRefused() {
        assertClientError(r -> r.family("web").networkMode(NetworkMode.AWSVPC)
                .containerDefinitions(c -> c.name("app").image("nginx").memory(128)
                        .portMappings(PortMapping.builder().containerPort(80).hostPort(8080).build())),
                "When networkMode=awsvpc, the host ports and container ports in port mappings must match.");
    }

    @Test
    void taskCpuThatIsNotANumberIsRefused() {
        assertClientError(r -> r.family("web").cpu("lots")
                .containerDefinitions(c -> c.name("app").image("nginx").memory(128)),
                "Invalid 'cpu' setting for task.");
        assertClientError(r -> r.family("web").cpu("1234567890")
                .containerDefinitions(c -> c.name("app").image("nginx").memory(128)),
                "Invalid 'cpu' setting for task.");
    }

    @Test
    void refusedDefinitionUsesNoRevision() {
        assertClientError(r -> r.family("web").containerDefinitions(List.of()), "Container list cannot be empty.");

        assertThat(registerSimple("web").revision()).isEqualTo(1);
    }

    @Test
    void lenientProfileAcceptsEc2ContainerWithoutMemory() {
        // The seed's quick-start body: {"family":"web","containerDefinitions":[{"name":"nginx","image":"nginx:latest"}]}
        TaskDefinition definition = ecs.registerTaskDefinition(r -> r.family("web")
                .containerDefinitions(c -> c.name("nginx").image("nginx:latest"))).taskDefinition();

        assertThat(definition.revision()).isEqualTo(1);
        assertThat(definition.containerDefinitions().get(0).memory()).isNull();
        assertThat(definition.compatibilitiesAsStrings()).containsExactly("EXTERNAL", "EC2");
    }

    /** The same mock under {@link ValidationProfile#STRICT}. */
    @Nested
    class UnderTheStrictProfile extends EcsApiTest {
        @Override
        protected EcsMock.Builder configure(EcsMock.Builder builder) {
            return builder.validationProfile(ValidationProfile.STRICT);
        }

        @Test
        void ec2ContainerWithoutMemoryIsRefused() {
            ClientException e = catchThrowableOfType(ClientException.class,
                    () -> ecs.registerTaskDefinition(r -> r.family("web")
                            .containerDefinitions(c -> c.name("nginx").image("nginx:latest"))));

            assertThat(e).isNotNull();
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                    "Invalid setting for container 'nginx'. At least one of 'memory' or 'memoryReservation' must be specified.");
            assertThat(ecs.listTaskDefinitions(r -> { }).taskDefinitionArns()).isEmpty();
        }

        @Test
        void ec2ContainerWithMemoryReservationOrTaskMemoryIsAccepted() {
            ecs.registerTaskDefinition(r -> r.family("web")
                    .containerDefinitions(c -> c.name("nginx").image("nginx:latest").memoryReservation(64)));
            ecs.registerTaskDefinition(r -> r.family("web").memory("512")
                    .containerDefinitions(c -> c.name("nginx").image("nginx:latest")));

            assertThat(ecs.listTaskDefinitions(r -> { }).taskDefinitionArns())
                    .containsExactly(TD_ARN_PREFIX + "web:1", TD_ARN_PREFIX + "web:2");
        }

        @Test
        void fargateContainerWithoutMemoryIsAccepted() {
            TaskDefinition definition = ecs.registerTaskDefinition(r -> r.family("web")
                    .requiresCompatibilities(Compatibility.FARGATE).networkMode(NetworkMode.AWSVPC)
                    .cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("nginx").image("nginx:latest"))).taskDefinition();

            assertThat(definition.revision()).isEqualTo(1);
        }
    }

    // ---------------------------------------------------------------- DeregisterTaskDefinition

    @Test
    void deregisterMakesTheRevisionInactiveWithDeregisteredAt() {
        registerSimple("web");
        mock.clock().advance(Duration.ofMinutes(3));
        Instant now = mock.clock().now();

        TaskDefinition deregistered = ecs.deregisterTaskDefinition(r -> r.taskDefinition("web:1")).taskDefinition();

        assertThat(deregistered.status()).isEqualTo(TaskDefinitionStatus.INACTIVE);
        assertThat(deregistered.deregisteredAt()).isEqualTo(now);
        assertThat(deregistered.registeredAt()).isEqualTo(now.minus(Duration.ofMinutes(3)));
        assertThat(deregistered.taskDefinitionArn()).isEqualTo(TD_ARN_PREFIX + "web:1");
    }

    @Test
    void deregisterByArnWorks() {
        registerSimple("web");

        TaskDefinition deregistered = ecs.deregisterTaskDefinition(r -> r.taskDefinition(TD_ARN_PREFIX + "web:1"))
                .taskDefinition();

        assertThat(deregistered.status()).isEqualTo(TaskDefinitionStatus.INACTIVE);
    }

    @Test
    void deregisteredRevisionStaysDescribableByFamilyAndRevision() {
        registerSimple("web");
        ecs.deregisterTaskDefinition(r -> r.taskDefinition("web:1"));

        TaskDefinition described = ecs.describeTaskDefinition(r -> r.taskDefinition("web:1")).taskDefinition();

        assertThat(described.status()).isEqualTo(TaskDefinitionStatus.INACTIVE);
        assertThat(described.deregisteredAt()).isNotNull();
    }

    @Test
    void familyAloneResolvesToLatestActiveAfterDeregister() {
        registerSimple("web");
        registerSimple("web");
        registerSimple("web");
        ecs.deregisterTaskDefinition(r -> r.taskDefinition("web:3"));

        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition("web")).taskDefinition().revision()).isEqualTo(2);
    }

    @Test
    void familyAloneFailsWhenNoRevisionIsActive() {
        registerSimple("web");
        registerSimple("web");
        ecs.deregisterTaskDefinition(r -> r.taskDefinition("web:1"));
        ecs.deregisterTaskDefinition(r -> r.taskDefinition("web:2"));

        ClientException e = catchThrowableOfType(ClientException.class,
                () -> ecs.describeTaskDefinition(r -> r.taskDefinition("web")));

        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Unable to describe task definition.");
    }

    @Test
    void deregisterWithoutRevisionIsRefused() {
        registerSimple("web");

        ClientException e = catchThrowableOfType(ClientException.class,
                () -> ecs.deregisterTaskDefinition(r -> r.taskDefinition("web")));

        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Revision is missing.");
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition("web:1")).taskDefinition().status())
                .isEqualTo(TaskDefinitionStatus.ACTIVE);
    }

    @Test
    void deregisterWithNonNumericRevisionIsRefused() {
        registerSimple("web");

        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.deregisterTaskDefinition(r -> r.taskDefinition("web:abc")));

        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid revision number. Number: abc");
    }

    @Test
    void deregisterOfUnknownRevisionIsRefused() {
        registerSimple("web");

        for (String reference : List.of("nope:1", "web:2", TD_ARN_PREFIX + "nope:1")) {
            ClientException e = catchThrowableOfType(ClientException.class,
                    () -> ecs.deregisterTaskDefinition(r -> r.taskDefinition(reference)));
            assertThat(e).as(reference).isNotNull();
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified task definition does not exist.");
        }
    }

    @Test
    void deregisteringAnInactiveRevisionAgainReturnsItUnchanged() {
        registerSimple("web");
        TaskDefinition first = ecs.deregisterTaskDefinition(r -> r.taskDefinition("web:1")).taskDefinition();
        mock.clock().advance(Duration.ofMinutes(10));

        TaskDefinition again = ecs.deregisterTaskDefinition(r -> r.taskDefinition("web:1")).taskDefinition();

        assertThat(again).isEqualTo(first);
        assertThat(again.status()).isEqualTo(TaskDefinitionStatus.INACTIVE);
    }

    // ---------------------------------------------------------------- DescribeTaskDefinition

    @Test
    void describeFamilyAloneIsTheLatestActiveRevision() {
        registerSimple("web");
        registerSimple("web");

        TaskDefinition described = ecs.describeTaskDefinition(r -> r.taskDefinition("web")).taskDefinition();

        assertThat(described.taskDefinitionArn()).isEqualTo(TD_ARN_PREFIX + "web:2");
    }

    @Test
    void describeByFamilyAndRevision() {
        registerSimple("web");
        registerSimple("web");

        TaskDefinition described = ecs.describeTaskDefinition(r -> r.taskDefinition("web:1")).taskDefinition();

        assertThat(described.revision()).isEqualTo(1);
    }

    @Test
    void describeByArnReturnsWhatRegisterReturned() {
        TaskDefinition registered = ecs.registerTaskDefinition(richFargateRequest()).taskDefinition();

        TaskDefinition described = ecs.describeTaskDefinition(r -> r.taskDefinition(TD_ARN_PREFIX + "api:1"))
                .taskDefinition();

        assertThat(described).isEqualTo(registered);
    }

    @Test
    void describeIncludeTagsReturnsTagsAndWithoutItTagsIsEmpty() {
        ecs.registerTaskDefinition(richFargateRequest());

        DescribeTaskDefinitionResponse withTags = ecs.describeTaskDefinition(r -> r.taskDefinition("api")
                .include(TaskDefinitionField.TAGS));
        DescribeTaskDefinitionResponse without = ecs.describeTaskDefinition(r -> r.taskDefinition("api"));

        assertThat(withTags.tags()).containsExactly(tag("team", "payments"), tag("env", "prod"));
        assertThat(without.hasTags()).isTrue();
        assertThat(without.tags()).isEmpty();
    }

    @Test
    void describeUnknownTaskDefinitionIsRefused() {
        registerSimple("web");

        for (String reference : List.of("nope", "nope:1", "web:7", TD_ARN_PREFIX + "nope:1",
                "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:1")) {
            ClientException e = catchThrowableOfType(ClientException.class,
                    () -> ecs.describeTaskDefinition(r -> r.taskDefinition(reference)));
            assertThat(e).as(reference).isNotNull();
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Unable to describe task definition.");
        }
    }

    @Test
    void describeBlankTaskDefinitionIsRefused() {
        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.describeTaskDefinition(r -> r.taskDefinition("")));

        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Task Definition can not be blank.");
    }

    // ---------------------------------------------------------------- ListTaskDefinitions

    @Test
    void listTaskDefinitionsOrdersByFamilyThenRevision() {
        registerSimple("web");
        registerSimple("api");
        registerSimple("web");
        registerSimple("api");

        assertThat(ecs.listTaskDefinitions(r -> { }).taskDefinitionArns()).containsExactly(
                TD_ARN_PREFIX + "api:1", TD_ARN_PREFIX + "api:2", TD_ARN_PREFIX + "web:1", TD_ARN_PREFIX + "web:2");
    }

    @Test
    void listTaskDefinitionsFamilyPrefixIsAnExactFamilyMatch() {
        registerSimple("super-cool-task-def");
        registerSimple("web");
        registerSimple("web-worker");

        assertThat(ecs.listTaskDefinitions(r -> r.familyPrefix("super-cool")).taskDefinitionArns()).isEmpty();
        assertThat(ecs.listTaskDefinitions(r -> r.familyPrefix("web")).taskDefinitionArns())
                .containsExactly(TD_ARN_PREFIX + "web:1");
    }

    @Test
    void listTaskDefinitionsShowsActiveByDefaultAndInactiveOnRequest() {
        registerSimple("web");
        registerSimple("web");
        registerSimple("web");
        ecs.deregisterTaskDefinition(r -> r.taskDefinition("web:2"));

        assertThat(ecs.listTaskDefinitions(r -> { }).taskDefinitionArns())
                .containsExactly(TD_ARN_PREFIX + "web:1", TD_ARN_PREFIX + "web:3");
        assertThat(ecs.listTaskDefinitions(r -> r.status(TaskDefinitionStatus.ACTIVE)).taskDefinitionArns())
                .containsExactly(TD_ARN_PREFIX + "web:1", TD_ARN_PREFIX + "web:3");
        assertThat(ecs.listTaskDefinitions(r -> r.status(TaskDefinitionStatus.INACTIVE)).taskDefinitionArns())
                .containsExactly(TD_ARN_PREFIX + "web:2");
    }

    @Test
    void listTaskDefinitionsSortDescReversesFamilyAndRevision() {
        registerSimple("api");
        registerSimple("web");
        registerSimple("web");

        assertThat(ecs.listTaskDefinitions(r -> r.sort(SortOrder.DESC)).taskDefinitionArns()).containsExactly(
                TD_ARN_PREFIX + "web:2", TD_ARN_PREFIX + "web:1", TD_ARN_PREFIX + "api:1");
        assertThat(ecs.listTaskDefinitions(r -> r.familyPrefix("web").sort(SortOrder.DESC)).taskDefinitionArns())
                .containsExactly(TD_ARN_PREFIX + "web:2", TD_ARN_PREFIX + "web:1");
    }

    @Test
    void listTaskDefinitionsPagesThroughAllWithoutRepeats() {
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            expected.add(registerSimple("web").taskDefinitionArn());
        }

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListTaskDefinitionsResponse page = ecs.listTaskDefinitions(r -> r.maxResults(2).nextToken(next));
            seen.addAll(page.taskDefinitionArns());
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void listTaskDefinitionsPagesInDescendingOrder() {
        for (int i = 1; i <= 5; i++) {
            registerSimple("web");
        }

        List<String> seen = ecs.listTaskDefinitionsPaginator(r -> r.sort(SortOrder.DESC).maxResults(2))
                .taskDefinitionArns().stream().toList();

        assertThat(seen).containsExactly(TD_ARN_PREFIX + "web:5", TD_ARN_PREFIX + "web:4", TD_ARN_PREFIX + "web:3",
                TD_ARN_PREFIX + "web:2", TD_ARN_PREFIX + "web:1");
    }

    @Test
    void listTaskDefinitionsPaginatorIteratesEverything() {
        List<String> expected = new ArrayList<>();
        for (String family : List.of("a", "b", "c")) {
            for (int i = 0; i < 3; i++) {
                expected.add(registerSimple(family).taskDefinitionArn());
            }
        }

        List<String> seen = ecs.listTaskDefinitionsPaginator(r -> r.maxResults(4)).taskDefinitionArns().stream().toList();

        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void listTaskDefinitionsWithBadPagingParametersIsRefused() {
        registerSimple("web");

        assertThat(catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.listTaskDefinitions(r -> r.maxResults(0)))).isNotNull();
        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.listTaskDefinitions(r -> r.nextToken("bogus")));
        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid token bogus");
    }

    // ---------------------------------------------------------------- ListTaskDefinitionFamilies

    @Test
    void listFamiliesFamilyPrefixIsARealPrefix() {
        registerSimple("web");
        registerSimple("web-worker");
        registerSimple("api");

        assertThat(ecs.listTaskDefinitionFamilies(r -> r.familyPrefix("web")).families())
                .containsExactly("web", "web-worker");
        assertThat(ecs.listTaskDefinitionFamilies(r -> r.familyPrefix("web-")).families()).containsExactly("web-worker");
        assertThat(ecs.listTaskDefinitionFamilies(r -> r.familyPrefix("x")).families()).isEmpty();
    }

    @Test
    void listFamiliesFiltersByStatus() {
        registerSimple("api");
        registerSimple("web");
        registerSimple("web");
        registerSimple("old");
        ecs.deregisterTaskDefinition(r -> r.taskDefinition("web:1"));
        ecs.deregisterTaskDefinition(r -> r.taskDefinition("old:1"));

        assertThat(ecs.listTaskDefinitionFamilies(r -> r.status(TaskDefinitionFamilyStatus.ACTIVE)).families())
                .containsExactly("api", "web");
        assertThat(ecs.listTaskDefinitionFamilies(r -> r.status(TaskDefinitionFamilyStatus.INACTIVE)).families())
                .containsExactly("old");
        assertThat(ecs.listTaskDefinitionFamilies(r -> r.status(TaskDefinitionFamilyStatus.ALL)).families())
                .containsExactly("api", "old", "web");
    }

    @Test
    void listFamiliesWithoutStatusListsActiveAndInactive() {
        registerSimple("api");
        registerSimple("old");
        ecs.deregisterTaskDefinition(r -> r.taskDefinition("old:1"));

        assertThat(ecs.listTaskDefinitionFamilies(r -> { }).families()).containsExactly("api", "old");
    }

    @Test
    void listFamiliesPagesThroughAllWithoutRepeats() {
        List<String> families = List.of("a", "b", "c", "d", "e");
        families.forEach(this::registerSimple);

        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListTaskDefinitionFamiliesResponse page = ecs.listTaskDefinitionFamilies(r -> r.maxResults(2).nextToken(next));
            assertThat(page.families()).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.families());
            token = page.nextToken();
        } while (token != null);

        assertThat(seen).containsExactlyElementsOf(families);
    }

    @Test
    void listFamiliesPaginatorIteratesEverything() {
        List<String> families = IntStream.rangeClosed(1, 7).mapToObj(i -> "family-" + i).toList();
        families.forEach(this::registerSimple);

        List<String> seen = ecs.listTaskDefinitionFamiliesPaginator(r -> r.maxResults(3)).families().stream().toList();

        assertThat(seen).containsExactlyElementsOf(families);
    }

    // ---------------------------------------------------------------- DeleteTaskDefinitions

    @Test
    void deleteOfInactiveRevisionReturnsItDeleteInProgress() {
        registerSimple("web");
        ecs.deregisterTaskDefinition(r -> r.taskDefinition("web:1"));

        DeleteTaskDefinitionsResponse response = ecs.deleteTaskDefinitions(r -> r.taskDefinitions("web:1"));

        assertThat(response.failures()).isEmpty();
        assertThat(response.taskDefinitions()).singleElement().satisfies(definition -> {
            assertThat(definition.taskDefinitionArn()).isEqualTo(TD_ARN_PREFIX + "web:1");
            assertThat(definition.status()).isEqualTo(TaskDefinitionStatus.DELETE_IN_PROGRESS);
        });
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition("web:1")).taskDefinition().status())
                .isEqualTo(TaskDefinitionStatus.DELETE_IN_PROGRESS);
    }

    @Test
    void deleteReportsActiveUnknownAndFamilyAloneAsFailures() {
        registerSimple("web");
        registerSimple("web");
        ecs.deregisterTaskDefinition(r -> r.taskDefinition("web:2"));

        DeleteTaskDefinitionsResponse response = ecs.deleteTaskDefinitions(r -> r.taskDefinitions(
                "web:1", "nope:1", "web", TD_ARN_PREFIX + "web:2"));

        assertThat(response.taskDefinitions()).extracting(TaskDefinition::taskDefinitionArn)
                .containsExactly(TD_ARN_PREFIX + "web:2");
        assertThat(response.failures()).hasSize(3);
        Failure active = response.failures().get(0);
        assertThat(active.arn()).endsWith("web:1");
        assertThat(active.reason()).isEqualTo(
                "The specified task definition is still in ACTIVE status. Please deregister the target and try again.");
        assertThat(response.failures().get(1)).isEqualTo(Failure.builder().arn("nope:1").reason(
                "The specified task definition does not exist. Specify a valid account, family, revision and try again.")
                .build());
        assertThat(response.failures().get(2)).isEqualTo(Failure.builder().arn("web").reason(
                "The specified task definition identifier is invalid. Specify a valid name or ARN and try again.")
                .build());
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition("web:1")).taskDefinition().status())
                .isEqualTo(TaskDefinitionStatus.ACTIVE);
    }

    @Test
    void deleteOfMoreThanTenIsRefused() {
        List<String> references = IntStream.rangeClosed(1, 11).mapToObj(i -> "web:" + i).toList();

        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.deleteTaskDefinitions(r -> r.taskDefinitions(references)));

        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).contains("10");
    }

    @Test
    void deleteOfNothingIsRefused() {
        assertThat(catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.deleteTaskDefinitions(r -> r.taskDefinitions(List.of())))).isNotNull();
    }

    @Test
    void deregisteringARevisionBeingDeletedIsRefused() {
        registerSimple("web");
        ecs.deregisterTaskDefinition(r -> r.taskDefinition("web:1"));
        ecs.deleteTaskDefinitions(r -> r.taskDefinitions("web:1"));

        ClientException e = catchThrowableOfType(ClientException.class,
                () -> ecs.deregisterTaskDefinition(r -> r.taskDefinition("web:1")));

        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).contains("in the process of being deleted");
    }

    @Test
    void deletedRevisionIsGoneAfterAnHourYetItsNumberIsNeverReused() {
        registerSimple("web");
        registerSimple("web");
        ecs.deregisterTaskDefinition(r -> r.taskDefinition("web:2"));
        ecs.deleteTaskDefinitions(r -> r.taskDefinitions("web:2"));

        mock.clock().advance(Duration.ofHours(1));

        ClientException e = catchThrowableOfType(ClientException.class,
                () -> ecs.describeTaskDefinition(r -> r.taskDefinition("web:2")));
        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Unable to describe task definition.");
        assertThat(ecs.listTaskDefinitions(r -> r.status(TaskDefinitionStatus.INACTIVE)).taskDefinitionArns()).isEmpty();
        assertThat(registerSimple("web").revision()).isEqualTo(3);
    }

    @Test
    void aDeletedRevisionStaysWhileATaskRunsItAndGoesOnceTheTaskStopped() {
        ecs.createCluster(r -> r.clusterName("prod"));
        registerFargate("job");
        String task = ecs.runTask(r -> r.cluster("prod").taskDefinition("job:1").launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0123456789abcdef0"))))
                .tasks().get(0).taskArn();
        ecs.deregisterTaskDefinition(r -> r.taskDefinition("job:1"));
        ecs.deleteTaskDefinitions(r -> r.taskDefinitions("job:1"));

        mock.clock().advance(Duration.ofHours(3));
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition("job:1")).taskDefinition().statusAsString())
                .isEqualTo("DELETE_IN_PROGRESS");

        ecs.stopTask(r -> r.cluster("prod").task(task));
        mock.clock().advance(Duration.ofHours(1));
        assertThat(catchThrowableOfType(ClientException.class, () -> ecs.describeTaskDefinition(r -> r.taskDefinition("job:1"))))
                .isNotNull();
    }

    @Test
    void aDeletedRevisionStaysWhileAServiceUsesIt() {
        ecs.createCluster(r -> r.clusterName("prod"));
        registerFargate("web");
        ecs.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web:1").desiredCount(0)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0123456789abcdef0"))));
        ecs.deregisterTaskDefinition(r -> r.taskDefinition("web:1"));
        ecs.deleteTaskDefinitions(r -> r.taskDefinitions("web:1"));

        mock.clock().advance(Duration.ofHours(5));

        String shown = ecs.describeServices(r -> r.cluster("prod").services("web")).services().get(0).taskDefinition();
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition(shown)).taskDefinition().statusAsString())
                .isEqualTo("DELETE_IN_PROGRESS");
        assertThat(ecs.listTaskDefinitions(r -> r.status(TaskDefinitionStatus.DELETE_IN_PROGRESS)).taskDefinitionArns())
                .containsExactly(shown);
    }

    @Test
    void revisionNumbersAreNotReusedWhenTheWholeFamilyWasDeleted() {
        registerSimple("web");
        ecs.deregisterTaskDefinition(r -> r.taskDefinition("web:1"));
        ecs.deleteTaskDefinitions(r -> r.taskDefinitions("web:1"));
        mock.clock().advance(Duration.ofHours(2));

        TaskDefinition next = registerSimple("web");

        assertThat(next.revision()).isEqualTo(2);
        assertThat(next.taskDefinitionArn()).isEqualTo(TD_ARN_PREFIX + "web:2");
    }

    // ---------------------------------------------------------------- helpers

    private void registerFargate(String family) {
        ecs.registerTaskDefinition(r -> r.family(family).requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx:1.27")));
    }

    private TaskDefinition registerSimple(String family) {
        return ecs.registerTaskDefinition(r -> r.family(family)
                .containerDefinitions(c -> c.name("app").image("nginx:1.27").memory(128))).taskDefinition();
    }

    private void assertClientError(Consumer<RegisterTaskDefinitionRequest.Builder> request, String message) {
        ClientException e = catchThrowableOfType(ClientException.class, () -> ecs.registerTaskDefinition(request));
        assertThat(e).as("expected ClientException '%s'", message).isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ClientException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    /** A Fargate definition that uses most features: two containers, awslogs, ECR, roles, secrets, health check. */
    private static RegisterTaskDefinitionRequest richFargateRequest() {
        ContainerDefinition app = ContainerDefinition.builder()
                .name("app")
                .image(ECR_IMAGE)
                .cpu(256)
                .memory(512)
                .memoryReservation(256)
                .essential(true)
                .command("java", "-jar", "/app.jar")
                .environment(KeyValuePair.builder().name("SPRING_PROFILES_ACTIVE").value("prod").build())
                .portMappings(PortMapping.builder().containerPort(8080).hostPort(8080).protocol(TransportProtocol.TCP)
                        .name("http").appProtocol(ApplicationProtocol.HTTP).build())
                .mountPoints(MountPoint.builder().sourceVolume("scratch").containerPath("/tmp/scratch").readOnly(false).build())
                .logConfiguration(LogConfiguration.builder().logDriver(LogDriver.AWSLOGS).options(Map.of(
                        "awslogs-group", "/ecs/api",
                        "awslogs-region", "us-east-1",
                        "awslogs-stream-prefix", "api")).build())
                .healthCheck(HealthCheck.builder()
                        .command("CMD-SHELL", "curl -f http://localhost:8080/health || exit 1")
                        .interval(30).timeout(5).retries(3).build())
                .secrets(Secret.builder().name("DB_PASSWORD")
                        .valueFrom("arn:aws:ssm:us-east-1:123456789012:parameter/api/db-password").build())
                .dependsOn(ContainerDependency.builder().containerName("log-router").condition(ContainerCondition.START).build())
                .dockerLabels(Map.of("com.example.team", "payments"))
                .build();
        ContainerDefinition logRouter = ContainerDefinition.builder()
                .name("log-router")
                .image("public.ecr.aws/aws-observability/aws-for-fluent-bit:stable")
                .essential(false)
                .memoryReservation(50)
                .build();
        return RegisterTaskDefinitionRequest.builder()
                .family("api")
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE)
                .cpu("512")
                .memory("1024")
                .executionRoleArn(EXECUTION_ROLE)
                .taskRoleArn(TASK_ROLE)
                .volumes(Volume.builder().name("scratch").build())
                .runtimePlatform(RuntimePlatform.builder().cpuArchitecture(CPUArchitecture.ARM64)
                        .operatingSystemFamily(OSFamily.LINUX).build())
                .ephemeralStorage(EphemeralStorage.builder().sizeInGiB(40).build())
                .containerDefinitions(app, logRouter)
                .tags(tag("team", "payments"), tag("env", "prod"))
                .build();
    }
}
