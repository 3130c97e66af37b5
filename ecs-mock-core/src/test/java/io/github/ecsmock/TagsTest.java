package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PropagateTags;
import software.amazon.awssdk.services.ecs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskField;

/** Tags given at creation, TagResource, UntagResource and ListTagsForResource, and their limits. */
class TagsTest extends EcsApiTest {
    private static final String CLUSTER_ARN = "arn:aws:ecs:us-east-1:123456789012:cluster/production";
    private static final String TD_ARN = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1";

    // ---------------------------------------------------------------- tags at creation

    @Test
    void clusterTagsGivenAtCreationAreListed() {
        ecs.createCluster(r -> r.clusterName("production").tags(tag("team", "payments"), tag("env", "prod")));

        assertThat(ecs.listTagsForResource(r -> r.resourceArn(CLUSTER_ARN)).tags())
                .containsExactly(tag("team", "payments"), tag("env", "prod"));
    }

    @Test
    void taskDefinitionTagsGivenAtRegistrationAreListed() {
        ecs.registerTaskDefinition(r -> r.family("web").tags(tag("team", "payments"))
                .containerDefinitions(c -> c.name("app").image("nginx").memory(128)));

        assertThat(ecs.listTagsForResource(r -> r.resourceArn(TD_ARN)).tags()).containsExactly(tag("team", "payments"));
    }

    @Test
    void tagsOfOneRevisionDoNotLeakToTheNext() {
        ecs.registerTaskDefinition(r -> r.family("web").tags(tag("team", "payments"))
                .containerDefinitions(c -> c.name("app").image("nginx").memory(128)));
        ecs.registerTaskDefinition(r -> r.family("web")
                .containerDefinitions(c -> c.name("app").image("nginx").memory(128)));

        assertThat(ecs.listTagsForResource(r -> r.resourceArn(
                "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2")).tags()).isEmpty();
    }

    @Test
    void resourceWithoutTagsListsAnEmptyList() {
        ecs.createCluster(r -> r.clusterName("production"));

        var response = ecs.listTagsForResource(r -> r.resourceArn(CLUSTER_ARN));

        assertThat(response.hasTags()).isTrue();
        assertThat(response.tags()).isEmpty();
    }

    @Test
    void tooManyTagsAtCreationAreRefused() {
        List<Tag> tags = IntStream.rangeClosed(1, 51).mapToObj(i -> tag("k" + i, "v")).toList();

        assertInvalid(() -> ecs.createCluster(r -> r.clusterName("production").tags(tags)), "50");
        assertInvalid(() -> ecs.registerTaskDefinition(r -> r.family("web").tags(tags)
                .containerDefinitions(c -> c.name("app").image("nginx").memory(128))), "50");

        assertThat(ecs.listClusters(r -> { }).clusterArns()).isEmpty();
        assertThat(ecs.listTaskDefinitions(r -> { }).taskDefinitionArns()).isEmpty();
    }

    @Test
    void reservedKeyAtCreationIsRefused() {
        assertInvalid(() -> ecs.createCluster(r -> r.clusterName("production").tags(tag("aws:owner", "me"))), "aws:");

        assertThat(ecs.listClusters(r -> { }).clusterArns()).isEmpty();
    }

    // ---------------------------------------------------------------- TagResource / UntagResource

    @Test
    void tagResourceAddsTagsToACluster() {
        ecs.createCluster(r -> r.clusterName("production").tags(tag("team", "payments")));

        ecs.tagResource(r -> r.resourceArn(CLUSTER_ARN).tags(tag("env", "prod"), tag("cost-center", "42")));

        assertThat(ecs.listTagsForResource(r -> r.resourceArn(CLUSTER_ARN)).tags())
                .containsExactly(tag("team", "payments"), tag("env", "prod"), tag("cost-center", "42"));
        assertThat(ecs.describeClusters(r -> r.clusters("production").include(ClusterField.TAGS)).clusters().get(0).tags())
                .containsExactly(tag("team", "payments"), tag("env", "prod"), tag("cost-center", "42"));
    }

    @Test
    void tagResourceAddsTagsToATaskDefinition() {
        registerWeb();

        ecs.tagResource(r -> r.resourceArn(TD_ARN).tags(tag("env", "prod")));

        assertThat(ecs.listTagsForResource(r -> r.resourceArn(TD_ARN)).tags()).containsExactly(tag("env", "prod"));
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition("web:1").include(TaskDefinitionField.TAGS)).tags())
                .containsExactly(tag("env", "prod"));
    }

    @Test
    void tagResourceOverwritesTheValueOfAnExistingKey() {
        ecs.createCluster(r -> r.clusterName("production").tags(tag("env", "staging"), tag("team", "payments")));

        ecs.tagResource(r -> r.resourceArn(CLUSTER_ARN).tags(tag("env", "prod")));

        assertThat(ecs.listTagsForResource(r -> r.resourceArn(CLUSTER_ARN)).tags())
                .containsExactly(tag("env", "prod"), tag("team", "payments"));
    }

    @Test
    void tagValueMayBeEmpty() {
        ecs.createCluster(r -> r.clusterName("production"));

        ecs.tagResource(r -> r.resourceArn(CLUSTER_ARN).tags(tag("flag", "")));

        assertThat(ecs.listTagsForResource(r -> r.resourceArn(CLUSTER_ARN)).tags()).containsExactly(tag("flag", ""));
    }

    @Test
    void untagResourceRemovesOnlyTheGivenKeys() {
        ecs.createCluster(r -> r.clusterName("production").tags(tag("a", "1"), tag("b", "2"), tag("c", "3")));

        ecs.untagResource(r -> r.resourceArn(CLUSTER_ARN).tagKeys("a", "c", "not-there"));

        assertThat(ecs.listTagsForResource(r -> r.resourceArn(CLUSTER_ARN)).tags()).containsExactly(tag("b", "2"));
    }

    @Test
    void untagResourceOfATaskDefinition() {
        registerWeb();
        ecs.tagResource(r -> r.resourceArn(TD_ARN).tags(tag("a", "1"), tag("b", "2")));

        ecs.untagResource(r -> r.resourceArn(TD_ARN).tagKeys("a", "b"));

        assertThat(ecs.listTagsForResource(r -> r.resourceArn(TD_ARN)).tags()).isEmpty();
    }

    @Test
    void inactiveTaskDefinitionCanStillBeTagged() {
        registerWeb();
        ecs.deregisterTaskDefinition(r -> r.taskDefinition("web:1"));

        ecs.tagResource(r -> r.resourceArn(TD_ARN).tags(tag("retired", "yes")));

        assertThat(ecs.listTagsForResource(r -> r.resourceArn(TD_ARN)).tags()).containsExactly(tag("retired", "yes"));
    }

    // ---------------------------------------------------------------- limits

    @Test
    void moreThan50TagsInOneRequestAreRefused() {
        ecs.createCluster(r -> r.clusterName("production"));
        List<Tag> tags = IntStream.rangeClosed(1, 51).mapToObj(i -> tag("k" + i, "v")).toList();

        assertInvalid(() -> ecs.tagResource(r -> r.resourceArn(CLUSTER_ARN).tags(tags)), "50");

        assertThat(ecs.listTagsForResource(r -> r.resourceArn(CLUSTER_ARN)).tags()).isEmpty();
    }

    @Test
    void exactly50TagsAreAccepted() {
        ecs.createCluster(r -> r.clusterName("production"));
        List<Tag> tags = IntStream.rangeClosed(1, 50).mapToObj(i -> tag("k" + i, "v")).toList();

        ecs.tagResource(r -> r.resourceArn(CLUSTER_ARN).tags(tags));

        assertThat(ecs.listTagsForResource(r -> r.resourceArn(CLUSTER_ARN)).tags()).hasSize(50);
    }

    @Test
    void totalOver50AfterMergingIsRefused() {
        List<Tag> first = IntStream.rangeClosed(1, 40).mapToObj(i -> tag("k" + i, "v")).toList();
        ecs.createCluster(r -> r.clusterName("production").tags(first));
        List<Tag> more = IntStream.rangeClosed(36, 46).mapToObj(i -> tag("k" + i, "w")).toList();

        // k36..k40 overwrite, k41..k46 are new: 46 in all, accepted.
        ecs.tagResource(r -> r.resourceArn(CLUSTER_ARN).tags(more));
        assertThat(ecs.listTagsForResource(r -> r.resourceArn(CLUSTER_ARN)).tags()).hasSize(46);

        List<Tag> tooMany = IntStream.rangeClosed(47, 51).mapToObj(i -> tag("k" + i, "v")).toList();
        assertInvalid(() -> ecs.tagResource(r -> r.resourceArn(CLUSTER_ARN).tags(tooMany)), "50");
        assertThat(ecs.listTagsForResource(r -> r.resourceArn(CLUSTER_ARN)).tags()).hasSize(46);
    }

    @Test
    void keyLongerThan128CharactersIsRefused() {
        ecs.createCluster(r -> r.clusterName("production"));

        assertInvalid(() -> ecs.tagResource(r -> r.resourceArn(CLUSTER_ARN).tags(tag("k".repeat(129), "v"))), "128");
        ecs.tagResource(r -> r.resourceArn(CLUSTER_ARN).tags(tag("k".repeat(128), "v")));

        assertThat(ecs.listTagsForResource(r -> r.resourceArn(CLUSTER_ARN)).tags()).containsExactly(tag("k".repeat(128), "v"));
    }

    @Test
    void valueLongerThan256CharactersIsRefused() {
        ecs.createCluster(r -> r.clusterName("production"));

        assertInvalid(() -> ecs.tagResource(r -> r.resourceArn(CLUSTER_ARN).tags(tag("k", "v".repeat(257)))), "256");
        ecs.tagResource(r -> r.resourceArn(CLUSTER_ARN).tags(tag("k", "v".repeat(256))));

        assertThat(ecs.listTagsForResource(r -> r.resourceArn(CLUSTER_ARN)).tags()).containsExactly(tag("k", "v".repeat(256)));
    }

    @Test
    void keyWithReservedAwsPrefixIsRefusedInAnyCase() {
        ecs.createCluster(r -> r.clusterName("production"));

        for (String key : List.of("aws:owner", "AWS:owner", "Aws:owner")) {
            assertInvalid(() -> ecs.tagResource(r -> r.resourceArn(CLUSTER_ARN).tags(tag(key, "me"))), "aws:");
        }
        assertThat(ecs.listTagsForResource(r -> r.resourceArn(CLUSTER_ARN)).tags()).isEmpty();
    }

    @Test
    void untaggingAReservedAwsKeyIsRefusedAndRemovesNothing() {
        ecs.createCluster(r -> r.clusterName("production").tags(tag("env", "prod")));

        assertInvalid(() -> ecs.untagResource(r -> r.resourceArn(CLUSTER_ARN).tagKeys("env", "aws:ecs:clusterName")), "aws:");

        assertThat(ecs.listTagsForResource(r -> r.resourceArn(CLUSTER_ARN)).tags()).containsExactly(tag("env", "prod"));
    }

    @Test
    void keyThatOnlyContainsAwsIsAccepted() {
        ecs.createCluster(r -> r.clusterName("production"));

        ecs.tagResource(r -> r.resourceArn(CLUSTER_ARN).tags(tag("team-aws:x", "me"), tag("aws", "me")));

        assertThat(ecs.listTagsForResource(r -> r.resourceArn(CLUSTER_ARN)).tags()).hasSize(2);
    }

    @Test
    void refusedTagRequestChangesNothing() {
        ecs.createCluster(r -> r.clusterName("production").tags(tag("env", "prod")));

        assertInvalid(() -> ecs.tagResource(r -> r.resourceArn(CLUSTER_ARN)
                .tags(tag("env", "staging"), tag("k".repeat(129), "v"))), "128");

        assertThat(ecs.listTagsForResource(r -> r.resourceArn(CLUSTER_ARN)).tags()).containsExactly(tag("env", "prod"));
    }

    // ---------------------------------------------------------------- resources that cannot be tagged

    @Test
    void malformedArnIsRefused() {
        ecs.createCluster(r -> r.clusterName("production"));

        for (String arn : List.of("production", "arn:aws:ecs", "arn:aws:s3:::my-bucket/key",
                "arn:aws:ecs:us-east-1:123456789012:production")) {
            InvalidParameterException tag = catchThrowableOfType(InvalidParameterException.class,
                    () -> ecs.tagResource(r -> r.resourceArn(arn).tags(tag("a", "b"))));
            assertThat(tag).as(arn).isNotNull();
            assertThat(tag.awsErrorDetails().errorMessage()).isEqualTo("The ARN provided is invalid.");

            InvalidParameterException list = catchThrowableOfType(InvalidParameterException.class,
                    () -> ecs.listTagsForResource(r -> r.resourceArn(arn)));
            assertThat(list).as(arn).isNotNull();
            assertThat(list.awsErrorDetails().errorMessage()).isEqualTo("The ARN provided is invalid.");
        }
    }

    @Test
    void anArnInTheOldShortFormatIsRefusedSayingTheLongFormatIsNeeded() {
        ecs.createCluster(r -> r.clusterName("production"));

        for (String arn : List.of("arn:aws:ecs:us-east-1:123456789012:service/web",
                "arn:aws:ecs:us-east-1:123456789012:task/0123456789abcdef0123456789abcdef",
                "arn:aws:ecs:us-east-1:123456789012:container-instance/0123456789abcdef0123456789abcdef")) {
            InvalidParameterException tag = catchThrowableOfType(InvalidParameterException.class,
                    () -> ecs.tagResource(r -> r.resourceArn(arn).tags(tag("a", "b"))));
            assertThat(tag).as(arn).isNotNull();
            assertThat(tag.awsErrorDetails().errorMessage()).isEqualTo("Long arn format must be used for tagging operations");
            assertThatThrownBy(() -> ecs.listTagsForResource(r -> r.resourceArn(arn)))
                    .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("Long arn format must be used");
        }
    }

    @Test
    void clusterArnOfAMissingClusterIsClusterNotFound() {
        ClusterNotFoundException tag = catchThrowableOfType(ClusterNotFoundException.class,
                () -> ecs.tagResource(r -> r.resourceArn(CLUSTER_ARN).tags(tag("a", "b"))));
        ClusterNotFoundException untag = catchThrowableOfType(ClusterNotFoundException.class,
                () -> ecs.untagResource(r -> r.resourceArn(CLUSTER_ARN).tagKeys("a")));
        ClusterNotFoundException list = catchThrowableOfType(ClusterNotFoundException.class,
                () -> ecs.listTagsForResource(r -> r.resourceArn(CLUSTER_ARN)));

        for (ClusterNotFoundException e : List.of(tag, untag, list)) {
            assertThat(e).isNotNull();
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cluster not found.");
        }
    }

    @Test
    void arnOfADeletedClusterIsInactive() {
        ecs.createCluster(r -> r.clusterName("production").tags(tag("env", "prod")));
        ecs.deleteCluster(r -> r.cluster("production"));

        InvalidParameterException tag = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.tagResource(r -> r.resourceArn(CLUSTER_ARN).tags(tag("a", "b"))));
        InvalidParameterException list = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.listTagsForResource(r -> r.resourceArn(CLUSTER_ARN)));

        for (InvalidParameterException e : List.of(tag, list)) {
            assertThat(e).isNotNull();
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("The specified cluster is inactive. Specify an active cluster and try again.");
        }
    }

    @Test
    void taskDefinitionArnThatNeverExistedIsResourceNotFound() {
        registerWeb();
        String unknown = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2";

        ResourceNotFoundException tag = catchThrowableOfType(ResourceNotFoundException.class,
                () -> ecs.tagResource(r -> r.resourceArn(unknown).tags(tag("a", "b"))));
        ResourceNotFoundException untag = catchThrowableOfType(ResourceNotFoundException.class,
                () -> ecs.untagResource(r -> r.resourceArn(unknown).tagKeys("a")));

        assertThat(tag).isNotNull();
        assertThat(tag.statusCode()).isEqualTo(400);
        assertThat(tag.awsErrorDetails().errorMessage()).isEqualTo("The specified resource could not be found.");
        assertThat(untag).isNotNull();
    }

    @Test
    void clusterOfAnotherRegionCannotBeTaggedFromHere() {
        ecs.createCluster(r -> r.clusterName("production"));
        String elsewhere = "arn:aws:ecs:eu-west-1:123456789012:cluster/production";

        EcsException e = catchThrowableOfType(EcsException.class,
                () -> ecs.tagResource(r -> r.resourceArn(elsewhere).tags(tag("a", "b"))));

        assertThat(e).isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(ecs.listTagsForResource(r -> r.resourceArn(CLUSTER_ARN)).tags()).isEmpty();
    }

    // ---------------------------------------------------------------- services and tasks

    /** Tags of services and tasks, by ARN, and the tags a service puts on the tasks it starts. */
    @Nested
    class ServicesAndTasks {
        private static final String SERVICE_ARN = "arn:aws:ecs:us-east-1:123456789012:service/production/web";

        @Test
        void serviceTagsGivenAtCreationAreListedByArn() {
            createService(s -> s.tags(tag("team", "payments")));

            assertThat(ecs.listTagsForResource(r -> r.resourceArn(SERVICE_ARN)).tags()).containsExactly(tag("team", "payments"));
        }

        @Test
        void tagAndUntagAServiceByArn() {
            createService(s -> s.tags(tag("team", "payments")));

            ecs.tagResource(r -> r.resourceArn(SERVICE_ARN).tags(tag("env", "prod"), tag("team", "platform")));
            assertThat(ecs.listTagsForResource(r -> r.resourceArn(SERVICE_ARN)).tags())
                    .containsExactly(tag("team", "platform"), tag("env", "prod"));
            assertThat(ecs.describeServices(r -> r.cluster("production").services("web").include(ServiceField.TAGS))
                    .services().get(0).tags()).containsExactly(tag("team", "platform"), tag("env", "prod"));

            ecs.untagResource(r -> r.resourceArn(SERVICE_ARN).tagKeys("team"));
            assertThat(ecs.listTagsForResource(r -> r.resourceArn(SERVICE_ARN)).tags()).containsExactly(tag("env", "prod"));
        }

        @Test
        void tagAndUntagATaskByArn() {
            String taskArn = runTask(t -> t.tags(tag("job", "report")));

            ecs.tagResource(r -> r.resourceArn(taskArn).tags(tag("owner", "ops")));
            assertThat(ecs.listTagsForResource(r -> r.resourceArn(taskArn)).tags())
                    .containsExactly(tag("job", "report"), tag("owner", "ops"));
            assertThat(describeTaskWithTags(taskArn).tags()).containsExactly(tag("job", "report"), tag("owner", "ops"));

            ecs.untagResource(r -> r.resourceArn(taskArn).tagKeys("job"));
            assertThat(ecs.listTagsForResource(r -> r.resourceArn(taskArn)).tags()).containsExactly(tag("owner", "ops"));
        }

        @Test
        void taskArnThatNeverExistedIsResourceNotFound() {
            ecs.createCluster(r -> r.clusterName("production"));
            String unknown = "arn:aws:ecs:us-east-1:123456789012:task/production/0123456789abcdef0123456789abcdef";

            ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class,
                    () -> ecs.tagResource(r -> r.resourceArn(unknown).tags(tag("a", "b"))));

            assertThat(e).isNotNull();
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified resource could not be found.");
        }

        @Test
        void propagateTagsServiceAndManagedTagsAreOnTheServiceTasks() {
            createService(s -> s.desiredCount(2).tags(tag("team", "payments"), tag("env", "prod"))
                    .propagateTags(PropagateTags.SERVICE).enableECSManagedTags(true));

            List<Task> tasks = serviceTasksWithTags();

            assertThat(tasks).hasSize(2).allSatisfy(task -> assertThat(task.tags()).containsExactlyInAnyOrder(
                    tag("team", "payments"), tag("env", "prod"),
                    tag("aws:ecs:clusterName", "production"), tag("aws:ecs:serviceName", "web")));
        }

        @Test
        void propagateTagsTaskDefinitionOnAServiceCopiesTheDefinitionTags() {
            createService(s -> s.tags(tag("team", "payments")).propagateTags(PropagateTags.TASK_DEFINITION));
            // registerFargate tags the definition with source=definition.

            assertThat(serviceTasksWithTags()).singleElement()
                    .satisfies(task -> assertThat(task.tags()).containsExactly(tag("source", "definition")));
        }

        @Test
        void withoutPropagationOrManagedTagsServiceTasksHaveNoTags() {
            createService(s -> s.tags(tag("team", "payments")));

            assertThat(serviceTasksWithTags()).singleElement().satisfies(task -> assertThat(task.tags()).isEmpty());
        }

        @Test
        void managedTagsDoNotCountAgainstTheLimitOf50() {
            List<Tag> fortyNine = IntStream.rangeClosed(1, 49).mapToObj(i -> tag("k" + i, "v")).toList();
            createService(s -> s.tags(fortyNine).propagateTags(PropagateTags.SERVICE).enableECSManagedTags(true));
            String taskArn = serviceTasksWithTags().get(0).taskArn();

            ecs.tagResource(r -> r.resourceArn(taskArn).tags(tag("k50", "v")));

            assertThat(ecs.listTagsForResource(r -> r.resourceArn(taskArn)).tags()).hasSize(52);
            assertInvalid(() -> ecs.tagResource(r -> r.resourceArn(taskArn).tags(tag("k51", "v"))), "50");
        }

        @Test
        void managedTagsAloneNameTheClusterAndService() {
            createService(s -> s.enableECSManagedTags(true));

            assertThat(serviceTasksWithTags()).singleElement().satisfies(task -> assertThat(task.tags())
                    .containsExactlyInAnyOrder(tag("aws:ecs:clusterName", "production"), tag("aws:ecs:serviceName", "web")));
        }

        @Test
        void tasksStartedLaterCarryTheServiceTagsOfThatTime() {
            createService(s -> s.tags(tag("team", "payments")).propagateTags(PropagateTags.SERVICE));
            String first = ecs.listTasks(r -> r.cluster("production").serviceName("web")).taskArns().get(0);

            ecs.tagResource(r -> r.resourceArn(SERVICE_ARN).tags(tag("env", "prod")));
            ecs.updateService(r -> r.cluster("production").service("web").desiredCount(2));

            List<Task> tasks = serviceTasksWithTags();
            assertThat(tasks).hasSize(2);
            assertThat(tasks.get(0).taskArn()).isEqualTo(first);
            assertThat(tasks.get(0).tags()).containsExactly(tag("team", "payments"));
            assertThat(tasks.get(1).tags()).containsExactlyInAnyOrder(tag("team", "payments"), tag("env", "prod"));
        }

        private void registerFargate() {
            ecs.registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512").tags(tag("source", "definition"))
                    .containerDefinitions(c -> c.name("app").image("nginx:latest")));
        }

        private void createService(Consumer<CreateServiceRequest.Builder> more) {
            ecs.createCluster(r -> r.clusterName("production"));
            registerFargate();
            ecs.createService(r -> {
                r.cluster("production").serviceName("web").taskDefinition("web").desiredCount(1)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0123456789abcdef0")));
                more.accept(r);
            });
        }

        private String runTask(Consumer<RunTaskRequest.Builder> more) {
            ecs.createCluster(r -> r.clusterName("production"));
            registerFargate();
            return ecs.runTask(r -> {
                r.cluster("production").taskDefinition("web").launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0123456789abcdef0")));
                more.accept(r);
            }).tasks().get(0).taskArn();
        }

        private Task describeTaskWithTags(String taskArn) {
            return ecs.describeTasks(r -> r.cluster("production").tasks(taskArn).include(TaskField.TAGS)).tasks().get(0);
        }

        /** The service's running tasks in launch order, with their tags. */
        private List<Task> serviceTasksWithTags() {
            List<String> arns = ecs.listTasks(r -> r.cluster("production").serviceName("web")).taskArns();
            return ecs.describeTasks(r -> r.cluster("production").tasks(arns).include(TaskField.TAGS)).tasks();
        }
    }

    // ---------------------------------------------------------------- helpers

    private void registerWeb() {
        ecs.registerTaskDefinition(r -> r.family("web").containerDefinitions(c -> c.name("app").image("nginx").memory(128)));
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    /** The call fails with InvalidParameterException whose message mentions {@code cause}. */
    private static void assertInvalid(ThrowingCallable call, String cause) {
        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class, call);
        assertThat(e).as("InvalidParameterException mentioning %s", cause).isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).contains(cause);
    }
}
