package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.AttributeLimitExceededException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PlacementConstraintType;
import software.amazon.awssdk.services.ecs.model.TargetNotFoundException;
import software.amazon.awssdk.services.ecs.model.TargetType;

/** PutAttributes, DeleteAttributes and ListAttributes on container instances, and their limits. */
class AttributesTest extends EcsApiTest {
    private String first;
    private String second;

    @BeforeEach
    void instances() {
        ecs.createCluster(r -> r.clusterName("prod"));
        first = ecs.registerContainerInstance(r -> r.cluster("prod").instanceIdentityDocument("{\"instanceId\":\"i-0000000000000000a\"}"))
                .containerInstance().containerInstanceArn();
        second = ecs.registerContainerInstance(r -> r.cluster("prod").instanceIdentityDocument("{\"instanceId\":\"i-0000000000000000b\"}"))
                .containerInstance().containerInstanceArn();
    }

    private static Attribute on(String target, String name, String value) {
        return Attribute.builder().targetType(TargetType.CONTAINER_INSTANCE).targetId(target).name(name).value(value).build();
    }

    private List<Attribute> listed(String name) {
        return ecs.listAttributes(r -> r.cluster("prod").targetType(TargetType.CONTAINER_INSTANCE).attributeName(name)).attributes();
    }

    @Test
    void putAttributesAreListedAndUsedForPlacement() {
        String id = first.substring(first.lastIndexOf('/') + 1);

        List<Attribute> answer = ecs.putAttributes(r -> r.cluster("prod").attributes(on(id, "stack", "blue"))).attributes();

        assertThat(answer).as("answered as sent").extracting(Attribute::name, Attribute::value, Attribute::targetId)
                .containsExactly(tuple("stack", "blue", id));
        assertThat(listed("stack")).extracting(Attribute::targetId, Attribute::value).containsExactly(tuple(first, "blue"));
        ecs.registerTaskDefinition(r -> r.family("job").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(c -> c.name("job").image("job").memory(64)));
        assertThat(ecs.runTask(r -> r.cluster("prod").taskDefinition("job").count(3).launchType(LaunchType.EC2)
                .placementConstraints(c -> c.type(PlacementConstraintType.MEMBER_OF).expression("attribute:stack == blue")))
                .tasks()).allMatch(task -> task.containerInstanceArn().equals(first));
    }

    @Test
    void aSecondPutReplacesTheValue() {
        ecs.putAttributes(r -> r.cluster("prod").attributes(on(first, "stack", "blue")));
        ecs.putAttributes(r -> r.cluster("prod").attributes(on(first, "stack", "green")));

        assertThat(listed("stack")).extracting(Attribute::value).containsExactly("green");
    }

    @Test
    void deleteRemovesTheAttribute() {
        ecs.putAttributes(r -> r.cluster("prod").attributes(on(first, "stack", "blue"), on(second, "stack", "blue")));

        List<Attribute> answer = ecs.deleteAttributes(r -> r.cluster("prod").attributes(Attribute.builder()
                .name("stack").targetId(first).build())).attributes();

        assertThat(answer).as("the CLI's example: the deleted attribute with the value it had, its target as sent")
                .extracting(Attribute::name, Attribute::value, Attribute::targetId, Attribute::targetType)
                .containsExactly(tuple("stack", "blue", first, null));
        assertThat(listed("stack")).extracting(Attribute::targetId).containsExactly(second);
    }

    @Test
    void aShortTargetIdNeedsItsTargetType() {
        String id = first.substring(first.lastIndexOf('/') + 1);

        assertThatThrownBy(() -> ecs.putAttributes(r -> r.cluster("prod")
                .attributes(Attribute.builder().name("stack").value("blue").targetId(id).build())))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("targetType must be specified");
        assertThatThrownBy(() -> ecs.deleteAttributes(r -> r.cluster("prod")
                .attributes(Attribute.builder().name("stack").targetId(id).build())))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(listed("stack")).isEmpty();
    }

    @Test
    void listFiltersByNameAndValueAndIncludesTheAgentsAttributes() {
        ecs.putAttributes(r -> r.cluster("prod").attributes(on(first, "stack", "blue"), on(second, "stack", "green")));

        assertThat(ecs.listAttributes(r -> r.cluster("prod").targetType(TargetType.CONTAINER_INSTANCE)
                .attributeName("stack").attributeValue("green")).attributes()).extracting(Attribute::targetId).containsExactly(second);
        assertThat(listed("ecs.os-type")).extracting(Attribute::value).containsExactly("linux", "linux");
        assertThatThrownBy(() -> ecs.listAttributes(r -> r.cluster("prod").targetType(TargetType.CONTAINER_INSTANCE)
                .attributeValue("green")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("attributeName must be specified");
    }

    @Test
    void listPagesWithTheSdkPaginator() {
        int all = ecs.listAttributes(r -> r.cluster("prod").targetType(TargetType.CONTAINER_INSTANCE)).attributes().size();

        assertThat(ecs.listAttributesPaginator(r -> r.cluster("prod").targetType(TargetType.CONTAINER_INSTANCE).maxResults(7))
                .attributes()).hasSize(all);
        assertThat(ecs.listAttributes(r -> r.cluster("prod").targetType(TargetType.CONTAINER_INSTANCE).maxResults(7))
                .nextToken()).isNotNull();
    }

    @Test
    void atMostTenCustomAttributesPerInstance() {
        List<Attribute> ten = IntStream.range(0, 10).mapToObj(i -> on(first, "custom" + i, "v")).toList();
        ecs.putAttributes(r -> r.cluster("prod").attributes(ten));

        assertThatThrownBy(() -> ecs.putAttributes(r -> r.cluster("prod").attributes(on(first, "one-more", "v"))))
                .isInstanceOf(AttributeLimitExceededException.class)
                .hasMessageContaining("You can apply up to 10 custom attributes for each resource.");
        // Replacing one of the ten is not an eleventh.
        ecs.putAttributes(r -> r.cluster("prod").attributes(on(first, "custom0", "w")));
        assertThat(listed("one-more")).isEmpty();
    }

    @Test
    void anUnknownTargetIsTargetNotFound() {
        assertThatThrownBy(() -> ecs.putAttributes(r -> r.cluster("prod")
                .attributes(on("0123456789abcdef0123456789abcdef", "stack", "blue"))))
                .isInstanceOf(TargetNotFoundException.class).hasMessageContaining("0123456789abcdef0123456789abcdef");
        assertThatThrownBy(() -> ecs.deleteAttributes(r -> r.cluster("prod")
                .attributes(on("0123456789abcdef0123456789abcdef", "stack", null))))
                .isInstanceOf(TargetNotFoundException.class);
    }

    @Test
    void namesAndValuesFollowTheRules() {
        assertThatThrownBy(() -> ecs.putAttributes(r -> r.cluster("prod").attributes(on(first, "bad name!", "v"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Attribute name bad name! is not valid");
        assertThatThrownBy(() -> ecs.putAttributes(r -> r.cluster("prod").attributes(on(first, "name", " padded"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("cannot start or end with a space");
        assertThatThrownBy(() -> ecs.putAttributes(r -> r.cluster("prod").attributes(Attribute.builder().name("x").value("y").build())))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("targetId");
        List<Attribute> eleven = IntStream.range(0, 11).mapToObj(i -> on(first, "a" + i, "v")).toList();
        assertThatThrownBy(() -> ecs.putAttributes(r -> r.cluster("prod").attributes(eleven)))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(listed("name")).isEmpty();
    }

    @Test
    void anUnknownClusterIsRefused() {
        assertThatThrownBy(() -> ecs.listAttributes(r -> r.cluster("nowhere").targetType(TargetType.CONTAINER_INSTANCE)))
                .isInstanceOf(ClusterNotFoundException.class);
    }
}
