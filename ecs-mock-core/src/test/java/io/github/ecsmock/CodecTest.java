package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.ecsmock.internal.errors.EcsError;
import io.github.ecsmock.internal.protocol.AwsJsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceResponse;
import software.amazon.awssdk.services.ecs.model.DeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;
import software.amazon.awssdk.services.ecs.model.PlacementStrategyType;
import software.amazon.awssdk.services.ecs.model.PropagateTags;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Resource;
import software.amazon.awssdk.services.ecs.model.SchedulingStrategy;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;

/** The JSON codec over the SDK's model classes, without a server. */
class CodecTest {
    private final AwsJsonCodec codec = new AwsJsonCodec();

    // ---------------------------------------------------------------- round trips

    @Test
    void createServiceRequestRoundTrips() {
        CreateServiceRequest request = CreateServiceRequest.builder()
                .cluster("production")
                .serviceName("web")
                .taskDefinition("web:3")
                .desiredCount(2)
                .launchType(LaunchType.FARGATE)
                .schedulingStrategy(SchedulingStrategy.REPLICA)
                .enableECSManagedTags(true)
                .enableExecuteCommand(false)
                .healthCheckGracePeriodSeconds(60)
                .propagateTags(PropagateTags.SERVICE)
                .networkConfiguration(NetworkConfiguration.builder().awsvpcConfiguration(AwsVpcConfiguration.builder()
                        .subnets("subnet-0d0eab1bb38d5ca64", "subnet-0f6b537b3ec7ba800")
                        .securityGroups("sg-02556bf85a191f59a")
                        .assignPublicIp(AssignPublicIp.DISABLED)
                        .build()).build())
                .loadBalancers(LoadBalancer.builder()
                        .targetGroupArn("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef")
                        .containerName("app").containerPort(8080).build())
                .deploymentConfiguration(DeploymentConfiguration.builder()
                        .maximumPercent(200).minimumHealthyPercent(100)
                        .deploymentCircuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
                        .build())
                .placementStrategy(PlacementStrategy.builder().type(PlacementStrategyType.SPREAD)
                        .field("attribute:ecs.availability-zone").build())
                .tags(Tag.builder().key("team").value("payments").build(), Tag.builder().key("env").value("prod").build())
                .build();

        CreateServiceRequest read = roundTrip(request, CreateServiceRequest::builder);

        assertThat(read).isEqualTo(request);
        assertThat(read.networkConfiguration().awsvpcConfiguration().subnets())
                .containsExactly("subnet-0d0eab1bb38d5ca64", "subnet-0f6b537b3ec7ba800");
        assertThat(read.deploymentConfiguration().deploymentCircuitBreaker().rollback()).isTrue();
        assertThat(read.enableExecuteCommand()).isFalse();
        assertThat(read.desiredCount()).isEqualTo(2);
        assertThat(read.hasCapacityProviderStrategy()).isFalse();
    }

    @Test
    void mapsRoundTripInsideNestedStructures() {
        RegisterTaskDefinitionRequest request = RegisterTaskDefinitionRequest.builder()
                .family("web")
                .containerDefinitions(ContainerDefinition.builder()
                        .name("app").image("nginx").memory(128)
                        .dockerLabels(Map.of("com.example.team", "payments", "com.example.tier", "frontend"))
                        .logConfiguration(LogConfiguration.builder().logDriver(LogDriver.AWSLOGS)
                                .options(Map.of("awslogs-group", "/ecs/web")).build())
                        .build())
                .build();

        String json = write(request);
        RegisterTaskDefinitionRequest read = codec.read(bytes(json), RegisterTaskDefinitionRequest::builder);

        assertThat(read).isEqualTo(request);
        assertThat(read.containerDefinitions().get(0).dockerLabels())
                .containsOnly(Map.entry("com.example.team", "payments"), Map.entry("com.example.tier", "frontend"));
        assertThat(json).contains("\"dockerLabels\":{").contains("\"com.example.team\":\"payments\"");
    }

    @Test
    void responseWithTimestampsRoundTrips() {
        Instant created = Instant.parse("2024-11-25T05:25:45.123Z");
        CreateServiceResponse response = CreateServiceResponse.builder().service(Service.builder()
                .serviceName("web")
                .createdAt(created)
                .runningCount(0)
                .deployments(d -> d.id("ecs-svc/0068978569384120015").status("PRIMARY")
                        .rolloutState(DeploymentRolloutState.IN_PROGRESS)
                        .createdAt(created).updatedAt(created.plusMillis(1)))
                .events(ServiceEvent.builder().id("e40b4d1c-80d9-4834-aaf3-6a268e530e17").createdAt(created)
                        .message("(service web) has reached a steady state.").build())
                .capacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("FARGATE")
                        .weight(1).base(0).build())
                .build()).build();

        CreateServiceResponse read = roundTrip(response, CreateServiceResponse::builder);

        assertThat(read).isEqualTo(response);
        assertThat(read.service().deployments().get(0).updatedAt()).isEqualTo(Instant.parse("2024-11-25T05:25:45.124Z"));
    }

    // ---------------------------------------------------------------- writing

    @Test
    void instantIsWrittenAsEpochSecondsWithMilliseconds() {
        Service service = Service.builder().createdAt(Instant.parse("2024-11-25T05:25:45.123Z")).build();
        Service whole = Service.builder().createdAt(Instant.ofEpochSecond(1732512345)).build();

        assertThat(write(service)).isEqualTo("{\"createdAt\":1732512345.123}");
        assertThat(write(whole)).isEqualTo("{\"createdAt\":1732512345.000}");
    }

    @Test
    void integersAndBooleansAreWrittenAsJsonTokens() {
        String json = write(CreateServiceRequest.builder().desiredCount(3).enableECSManagedTags(true).build());

        assertThat(json).isEqualTo("{\"desiredCount\":3,\"enableECSManagedTags\":true}");
    }

    @Test
    void unsetMembersAndUnsetListsAreOmitted() {
        assertThat(write(CreateClusterRequest.builder().clusterName("production").build()))
                .isEqualTo("{\"clusterName\":\"production\"}");
        assertThat(write(CreateClusterRequest.builder().build())).isEqualTo("{}");
    }

    @Test
    void explicitlyEmptyListsAndMapsAreWrittenEmpty() {
        String json = write(CreateClusterRequest.builder().clusterName("production").tags(List.of())
                .capacityProviders(List.of()).build());
        String map = write(ContainerDefinition.builder().name("app").dockerLabels(Map.of()).build());

        assertThat(json).isEqualTo("{\"clusterName\":\"production\",\"tags\":[],\"capacityProviders\":[]}");
        assertThat(map).isEqualTo("{\"name\":\"app\",\"dockerLabels\":{}}");
    }

    @Test
    void stringsAreEscaped() {
        String json = write(CreateClusterRequest.builder().clusterName("quote\" backslash\\ newline\n \u2018x\u2019").build());

        CreateClusterRequest read = codec.read(bytes(json), CreateClusterRequest::builder);

        assertThat(read.clusterName()).isEqualTo("quote\" backslash\\ newline\n \u2018x\u2019");
    }

    @Test
    void controlCharactersAndNonAsciiAreWrittenAsJsonAndUtf8() {
        String name = "tab\t cr\r bell\u0007 del\u007f \u00e9 \u20ac \ud83d\ude80 lone\ud800 end";

        byte[] json = codec.write(CreateClusterRequest.builder().clusterName(name).build());

        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo(
                "{\"clusterName\":\"tab\\t cr\\r bell\\u0007 del\u007f \u00e9 \u20ac \ud83d\ude80 lone\\uD800 end\"}");
        assertThat(codec.<CreateClusterRequest>read(json, CreateClusterRequest::builder).clusterName()).isEqualTo(name);
    }

    @Test
    void numbersAreWrittenWithAllTheirDigits() {
        Resource resource = Resource.builder().name("m").integerValue(-2_147_483_648).longValue(-9_007_199_254_740_993L)
                .doubleValue(0.1).build();

        assertThat(write(resource)).isEqualTo(
                "{\"name\":\"m\",\"doubleValue\":0.1,\"longValue\":-9007199254740993,\"integerValue\":-2147483648}");
        assertThat(write(Resource.builder().longValue(0L).integerValue(1_000_000).build()))
                .isEqualTo("{\"longValue\":0,\"integerValue\":1000000}");
    }

    // ---------------------------------------------------------------- reading

    @Test
    void emptyOrWhitespaceBodyReadsAsEmptyRequest() {
        ListClustersRequest empty = codec.read(new byte[0], ListClustersRequest::builder);
        ListClustersRequest blank = codec.read(bytes(" \n "), ListClustersRequest::builder);

        assertThat(empty).isEqualTo(ListClustersRequest.builder().build());
        assertThat(blank).isEqualTo(ListClustersRequest.builder().build());
    }

    @Test
    void unknownMembersAreSkippedWhateverTheirShape() {
        CreateClusterRequest read = codec.read(bytes(
                "{\"future\":{\"a\":[1,{\"b\":null}]},\"clusterName\":\"production\",\"list\":[[]],\"n\":1.5}"),
                CreateClusterRequest::builder);

        assertThat(read).isEqualTo(CreateClusterRequest.builder().clusterName("production").build());
    }

    @Test
    void nullMembersReadAsUnset() {
        CreateServiceRequest read = codec.read(bytes("{\"serviceName\":null,\"desiredCount\":null,\"loadBalancers\":null}"),
                CreateServiceRequest::builder);

        assertThat(read.serviceName()).isNull();
        assertThat(read.desiredCount()).isNull();
        assertThat(read.hasLoadBalancers()).isFalse();
    }

    @Test
    void unknownEnumValueIsKeptAsTextForTheOperationToRefuse() {
        CreateServiceRequest read = codec.read(bytes("{\"launchType\":\"BOGUS\"}"), CreateServiceRequest::builder);

        assertThat(read.launchTypeAsString()).isEqualTo("BOGUS");
        assertThat(read.launchType()).isEqualTo(LaunchType.UNKNOWN_TO_SDK_VERSION);
    }

    @Test
    void timestampsAreReadFromIntegersAndFractions() {
        Service whole = codec.read(bytes("{\"createdAt\":1732512345}"), Service::builder);
        Service fraction = codec.read(bytes("{\"createdAt\":1732512345.123}"), Service::builder);
        Service finer = codec.read(bytes("{\"createdAt\":1732512345.1239}"), Service::builder);

        assertThat(whole.createdAt()).isEqualTo(Instant.ofEpochSecond(1732512345));
        assertThat(fraction.createdAt()).isEqualTo(Instant.parse("2024-11-25T05:25:45.123Z"));
        assertThat(finer.createdAt()).isEqualTo(Instant.parse("2024-11-25T05:25:45.123Z"));
    }

    // ---------------------------------------------------------------- wrong types

    @Test
    void stringWhereAnIntegerIsExpectedIsASerializationError() {
        EcsError e = readFails("{\"desiredCount\":\"2\"}", CreateServiceRequest::builder);

        assertThat(e.getMessage()).contains("STRING_VALUE cannot be converted to Integer").contains("desiredCount");
    }

    @Test
    void aNestedMistakeIsNamedByItsFullPath() {
        EcsError inList = readFails("{\"family\":\"web\",\"containerDefinitions\":[{\"name\":\"a\"},{\"name\":\"b\","
                + "\"portMappings\":[{\"containerPort\":80},{\"containerPort\":\"443\"}]}]}", RegisterTaskDefinitionRequest::builder);
        EcsError inMap = readFails("{\"containerDefinitions\":[{\"name\":\"a\",\"dockerLabels\":{\"team\":7}}]}",
                RegisterTaskDefinitionRequest::builder);
        EcsError nullItem = readFails("{\"requiresCompatibilities\":[\"EC2\",null]}", RegisterTaskDefinitionRequest::builder);

        assertThat(inList.getMessage()).endsWith("(member 'containerDefinitions[1].portMappings[1].containerPort')");
        assertThat(inMap.getMessage()).endsWith("(member 'containerDefinitions[0].dockerLabels.team')");
        assertThat(nullItem.getMessage()).isEqualTo("Member 'requiresCompatibilities' must not contain null.");
    }

    @Test
    void numberWhereAStringIsExpectedIsASerializationError() {
        EcsError e = readFails("{\"serviceName\":5}", CreateServiceRequest::builder);

        assertThat(e.getMessage()).contains("NUMBER_VALUE").contains("serviceName");
    }

    @Test
    void fractionOrHugeNumberWhereAnIntegerIsExpectedIsASerializationError() {
        readFails("{\"desiredCount\":1.5}", CreateServiceRequest::builder);
        readFails("{\"desiredCount\":99999999999}", CreateServiceRequest::builder);
    }

    @Test
    void booleanWhereAStringIsExpectedIsASerializationError() {
        EcsError e = readFails("{\"serviceName\":true}", CreateServiceRequest::builder);

        assertThat(e.getMessage()).contains("TRUE_VALUE");
    }

    @Test
    void stringWhereABooleanIsExpectedIsASerializationError() {
        readFails("{\"enableECSManagedTags\":\"true\"}", CreateServiceRequest::builder);
    }

    @Test
    void objectWhereAListIsExpectedIsASerializationError() {
        EcsError e = readFails("{\"loadBalancers\":{\"containerName\":\"app\"}}", CreateServiceRequest::builder);

        assertThat(e.getMessage()).contains("loadBalancers");
    }

    @Test
    void listWhereAStructureIsExpectedIsASerializationError() {
        EcsError e = readFails("{\"networkConfiguration\":[]}", CreateServiceRequest::builder);

        assertThat(e.getMessage()).contains("networkConfiguration");
    }

    @Test
    void wrongTypeDeepInsideNamesTheWholePath() {
        EcsError e = readFails("{\"networkConfiguration\":{\"awsvpcConfiguration\":{\"subnets\":[\"subnet-1\",7]}}}",
                CreateServiceRequest::builder);

        assertThat(e.getMessage()).contains("networkConfiguration.awsvpcConfiguration.subnets[1]");
    }

    @Test
    void nullInsideAListIsASerializationError() {
        readFails("{\"tags\":[null]}", CreateServiceRequest::builder);
    }

    @Test
    void wrongTypeOfAMapValueIsASerializationError() {
        readFails("{\"dockerLabels\":{\"a\":1}}", ContainerDefinition::builder);
    }

    @Test
    void stringWhereATimestampIsExpectedIsASerializationError() {
        readFails("{\"createdAt\":\"2024-11-25T05:25:45Z\"}", Service::builder);
    }

    @Test
    void timestampOutOfRangeIsASerializationError() {
        readFails("{\"createdAt\":1e300}", Service::builder);
        readFails("{\"createdAt\":-99999999999999999999}", Service::builder);
    }

    /** Read as a double, 1e400 is infinity, which no answer could carry back as a JSON number. */
    @Test
    void aDoubleOutOfRangeIsASerializationError() {
        readFails("{\"name\":\"CPU\",\"type\":\"DOUBLE\",\"doubleValue\":1e400}", software.amazon.awssdk.services.ecs.model.Resource::builder);
        readFails("{\"name\":\"CPU\",\"type\":\"DOUBLE\",\"doubleValue\":-1e400}", software.amazon.awssdk.services.ecs.model.Resource::builder);
    }

    @Test
    void bodyThatIsNotAJsonObjectIsASerializationError() {
        for (String body : List.of("[1,2]", "\"text\"", "5", "{not json", "{\"clusterName\":\"a\"", "{} {}", "{}x")) {
            EcsError e = catchThrowableOfType(EcsError.class,
                    () -> codec.read(bytes(body), CreateClusterRequest::builder));
            assertThat(e).as(body).isNotNull();
            assertThat(e.code()).as(body).isEqualTo("SerializationException");
            assertThat(e.status()).isEqualTo(400);
        }
    }

    @Test
    void deeplyNestedBodyIsASerializationError() {
        String body = "{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}";

        EcsError e = catchThrowableOfType(EcsError.class, () -> codec.read(bytes(body), CreateClusterRequest::builder));

        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo("SerializationException");
    }

    // ---------------------------------------------------------------- helpers

    @SuppressWarnings("unchecked")
    // ---------------------------------------------------------------- objects written again

    @Test
    void anObjectWrittenAgainAndAgainGivesTheSameJsonEveryTime() {
        Task task = Task.builder().taskArn("arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef")
                .lastStatus("RUNNING").cpu("256").createdAt(Instant.ofEpochMilli(1_732_512_345_123L))
                .containers(Container.builder().name("app").lastStatus("RUNNING").build()).build();
        Task other = task.toBuilder().lastStatus("STOPPED").build();
        DescribeTasksResponse answer = DescribeTasksResponse.builder().tasks(task, other, task).build();
        String fresh = json(DescribeTasksResponse.builder()
                .tasks(task.toBuilder().build(), other.toBuilder().build(), task.toBuilder().build()).build());

        // The first write sees the task, the second keeps its JSON, later ones copy it.
        assertThat(json(answer)).isEqualTo(fresh);
        assertThat(json(answer)).isEqualTo(fresh);
        assertThat(json(answer)).isEqualTo(fresh).contains("\"lastStatus\":\"STOPPED\"");
    }

    @Test
    void aStructureMemberWrittenAgainIsCopiedAfterItsName() {
        Service service = Service.builder().serviceName("web").status("ACTIVE").desiredCount(2).build();
        CreateServiceResponse answer = CreateServiceResponse.builder().service(service).build();
        String fresh = "{\"service\":{\"serviceName\":\"web\",\"status\":\"ACTIVE\",\"desiredCount\":2}}";

        for (int i = 0; i < 3; i++) {
            assertThat(json(answer)).isEqualTo(fresh);
        }
    }

    @Test
    void stringsOfAListWrittenAgainKeepTheirEscapes() {
        String plain = "arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef";
        String escaped = "a \"quoted\" name\\ with a tab\t and \u00e9t\u00e9";
        ListTasksResponse answer = ListTasksResponse.builder().taskArns(plain, escaped, plain).build();
        String fresh = "{\"taskArns\":[\"" + plain + "\",\"a \\\"quoted\\\" name\\\\ with a tab\\t and \u00e9t\u00e9\",\"" + plain + "\"]}";

        for (int i = 0; i < 3; i++) {
            assertThat(json(answer)).isEqualTo(fresh);
        }
    }

    private String json(SdkPojo answer) {
        return new String(codec.write(answer), StandardCharsets.UTF_8);
    }

    private <T extends SdkPojo> T roundTrip(T value, Supplier<? extends SdkPojo> builder) {
        return (T) codec.read(codec.write(value), builder);
    }

    private String write(SdkPojo pojo) {
        return new String(codec.write(pojo), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private EcsError readFails(String body, Supplier<? extends SdkPojo> builder) {
        EcsError e = catchThrowableOfType(EcsError.class, () -> codec.read(bytes(body), builder));
        assertThat(e).as("reading %s", body).isNotNull();
        assertThat(e.code()).isEqualTo("SerializationException");
        assertThat(e.status()).isEqualTo(400);
        return e;
    }
}
