package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.ecsmock.internal.ecs.EcsApi;
import io.github.ecsmock.internal.protocol.ModelValidator;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * Every request is checked against the ECS model before it touches the state: required members,
 * enum values, lengths, ranges and list sizes, at any depth, with a message that names the member.
 */
class ModelValidationTest extends EcsApiTest {

    @BeforeEach
    void clusterAndDefinition() {
        ecs.createCluster(r -> r.clusterName("dev"));
        ecs.registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx")));
    }

    private static <T extends EcsException> String refused(Class<T> type, ThrowingCallable call) {
        T error = catchThrowableOfType(type, call);
        assertThat(error).as("expected %s", type.getSimpleName()).isNotNull();
        assertThat(error.statusCode()).isEqualTo(400);
        return error.awsErrorDetails().errorMessage();
    }

    @Test
    void everyImplementedOperationHasItsConstraintsKnownToTheValidator() {
        ModelValidator validator = ModelValidator.load();

        assertThat(new EcsApi(ValidationProfile.LENIENT).operations().keySet()).allMatch(validator::knows);
    }

    @Test
    void everyShapeOfTheConstraintsFileReads() throws Exception {
        long shapeLines;
        try (var in = ModelValidator.class.getResourceAsStream("ecs-request-constraints.txt")) {
            shapeLines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(line -> line.startsWith("shape\t")).count();
        }

        assertThat(shapeLines).isGreaterThan(300);
        assertThat(ModelValidator.load().readAll()).isEqualTo(shapeLines);
    }

    @Test
    void operationsNewerThanThePublicModelStillHaveTheirEnumsChecked() {
        ModelValidator validator = ModelValidator.load();

        assertThat(validator.knows("CreateGateway")).isTrue();
        assertThat(validator.knows("NoSuchOperation")).isFalse();
        io.github.ecsmock.internal.errors.EcsError error = catchThrowableOfType(io.github.ecsmock.internal.errors.EcsError.class,
                () -> validator.validate("CreateGateway", software.amazon.awssdk.services.ecs.model.CreateGatewayRequest.builder()
                        .name("edge").propagateTags("EVERYWHERE").build()));
        assertThat(error).isNotNull();
        assertThat(error.code()).isEqualTo("InvalidParameterException");
        assertThat(error.getMessage()).startsWith("propagateTags should be one of [").doesNotContain("UNKNOWN_TO_SDK_VERSION");
        String valid = software.amazon.awssdk.services.ecs.model.PropagateGatewayTags.knownValues().iterator().next().toString();
        validator.validate("CreateGateway", software.amazon.awssdk.services.ecs.model.CreateGatewayRequest.builder()
                .name("edge").propagateTags(valid).build());
    }

    @Test
    void anUnknownEnumValueIsRefusedWithTheValidValues() {
        assertThat(refused(InvalidParameterException.class, () -> ecs.runTask(r -> r.cluster("dev").taskDefinition("web")
                .launchType("BOGUS"))))
                .isEqualTo("launchType should be one of [EC2,FARGATE,EXTERNAL,MANAGED_INSTANCES]");
        assertThat(refused(InvalidParameterException.class, () -> ecs.listTasks(r -> r.cluster("dev").desiredStatus("running"))))
                .isEqualTo("desiredStatus should be one of [RUNNING,PENDING,STOPPED]");
    }

    @Test
    void anEnumInsideAListIsNamedByTheList() {
        assertThat(refused(InvalidParameterException.class, () -> ecs.describeClusters(r -> r.includeWithStrings("TAGS", "EVERYTHING"))))
                .isEqualTo("include should be one of [ATTACHMENTS,CONFIGURATIONS,SETTINGS,STATISTICS,TAGS]");
    }

    @Test
    void aMissingRequiredMemberIsNamed() {
        assertThat(refused(InvalidParameterException.class, () -> ecs.tagResource(r -> r.tags(Tag.builder().key("k").value("v").build()))))
                .isEqualTo("resourceArn can not be blank.");
        assertThat(refused(InvalidParameterException.class, () -> ecs.deleteCluster(r -> r.cluster(""))))
                .isEqualTo("cluster can not be blank.");
    }

    @Test
    void aMissingRequiredMemberDeepInsideIsNamedByItsPath() {
        assertThat(refused(InvalidParameterException.class, () -> ecs.runTask(r -> r.cluster("dev").taskDefinition("web")
                .capacityProviderStrategy(CapacityProviderStrategyItem.builder().weight(1).build()))))
                .isEqualTo("capacityProviderStrategy[0].capacityProvider can not be blank.");
        assertThat(refused(InvalidParameterException.class, () -> ecs.createService(r -> r.cluster("dev").serviceName("web")
                .taskDefinition("web").desiredCount(1)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.securityGroups("sg-1"))))))
                .isEqualTo("networkConfiguration.awsvpcConfiguration.subnets can not be blank.");
    }

    @Test
    void requiredMembersThatEcsWordsItsOwnWayGetEcsWords() {
        assertThat(refused(ClientException.class, () -> ecs.registerTaskDefinition(r -> r
                .containerDefinitions(c -> c.name("app").image("nginx")))))
                .isEqualTo("Family can not be blank.");
        assertThat(refused(InvalidParameterException.class, () -> ecs.describeTaskDefinition(r -> { })))
                .isEqualTo("Task Definition can not be blank.");
        assertThat(refused(InvalidParameterException.class, () -> ecs.runTask(r -> r.cluster("dev"))))
                .isEqualTo("TaskDefinition can not be blank.");
        assertThat(refused(InvalidParameterException.class, () -> ecs.describeServices(r -> r.cluster("dev"))))
                .isEqualTo("Services cannot be empty.");
    }

    @Test
    void numericRangesAndListSizesComeFromTheModel() {
        assertThat(refused(InvalidParameterException.class, () -> ecs.runTask(r -> r.cluster("dev").taskDefinition("web")
                .capacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("FARGATE").weight(1001).build()))))
                .isEqualTo("capacityProviderStrategy[0].weight must be between 0 and 1000.");
        List<Tag> tags = IntStream.range(0, 51).mapToObj(i -> Tag.builder().key("k" + i).value("v").build()).toList();
        assertThat(refused(InvalidParameterException.class, () -> ecs.createCluster(r -> r.clusterName("tagged").tags(tags))))
                .isEqualTo("tags can have at most 50 items.");
    }

    @Test
    void stringLengthsAndPatternsComeFromTheModel() {
        assertThat(refused(InvalidParameterException.class, () -> ecs.createCluster(r -> r.clusterName("tagged")
                .tags(Tag.builder().key("k".repeat(129)).value("v").build()))))
                .isEqualTo("tags[0].key longer than 128.");
        assertThat(refused(InvalidParameterException.class, () -> ecs.createCluster(r -> r.clusterName("tagged")
                .tags(Tag.builder().key("semi;colon").value("v").build()))))
                .startsWith("tags[0].key must match ");
    }

    @Test
    void aRefusedRequestChangesNothing() {
        refused(InvalidParameterException.class, () -> ecs.createService(r -> r.cluster("dev").serviceName("web")
                .taskDefinition("web").desiredCount(1).launchType("BOGUS")));

        assertThat(ecs.listServices(r -> r.cluster("dev")).serviceArns()).isEmpty();
        assertThat(mock.view().tasks("dev")).isEmpty();
    }
}
