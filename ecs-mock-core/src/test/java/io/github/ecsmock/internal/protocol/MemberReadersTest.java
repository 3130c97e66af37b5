package io.github.ecsmock.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import io.github.ecsmock.EcsMock;
import io.github.ecsmock.Transport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.traits.DefaultValueTrait;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * The readers the writer switches to for classes it writes often: each must read every member as the
 * SDK's own getter reads it, for every model class of the SDK version on the class path.
 */
class MemberReadersTest {

    @Test
    void everyModelClassIsReadMemberForMemberAsItsGettersReadIt() throws Exception {
        List<Class<?>> classes = modelClasses();
        List<String> notMade = new ArrayList<>();
        List<String> withDefaults = new ArrayList<>();
        int members = 0;
        for (Class<?> type : classes) {
            SdkPojo sample = sample(type);
            List<SdkField<?>> fields = sample.sdkFields();
            if (fields.stream().anyMatch(field -> field.getOptionalTrait(DefaultValueTrait.class).isPresent())) {
                withDefaults.add(type.getSimpleName());
            }
            MemberReaders.MadeReader reader = MemberReaders.made(type);
            if (reader == null) {
                notMade.add(type.getSimpleName());
                continue;
            }
            Recording read = new Recording();
            reader.read(sample, read);
            assertThat(read.indexes).as("members of %s, in order", type.getSimpleName())
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, fields.size()).boxed().toList());
            for (int i = 0; i < fields.size(); i++) {
                SdkField<?> field = fields.get(i);
                Object expected = SdkGetters.of(field, sample).apply(sample);
                assertThat(expected).as("%s.%s is set in the sample", type.getSimpleName(), field.memberName()).isNotNull();
                assertThat(read.values.get(i)).as("%s.%s", type.getSimpleName(), field.memberName()).isSameAs(expected);
                assertThat(read.kinds.get(i)).as("kind of %s.%s", type.getSimpleName(), field.memberName())
                        .isEqualTo(MemberReaders.Kind.of(field.marshallingType().getKnownType()));
                members++;
            }
        }
        // Hundreds of classes and their members: the scan found the model, not an empty jar.
        assertThat(classes).hasSizeGreaterThan(300).contains(Task.class);
        assertThat(members).isGreaterThan(1500);
        // Every class has a made reader but those with a member that has a default (an idempotency
        // token, read through the SDK so that it is made when unset): requests alone, never written.
        assertThat(notMade).isEqualTo(withDefaults).allMatch(name -> name.endsWith("Request"));
    }

    /** What a made reader hands its sink: each member's index, kind and value, in the order given. */
    private static final class Recording implements MemberReaders.Sink {
        final List<Integer> indexes = new ArrayList<>();
        final List<Integer> kinds = new ArrayList<>();
        final List<Object> values = new ArrayList<>();

        private void add(int index, int kind, Object value) {
            indexes.add(index);
            kinds.add(kind);
            values.add(value);
        }

        @Override
        public void string(int index, Object value) {
            add(index, MemberReaders.Kind.STRING, value);
        }

        @Override
        public void structure(int index, Object value) {
            add(index, MemberReaders.Kind.STRUCTURE, value);
        }

        @Override
        public void instant(int index, Object value) {
            add(index, MemberReaders.Kind.INSTANT, value);
        }

        @Override
        public void wholeNumber(int index, Object value) {
            add(index, MemberReaders.Kind.WHOLE_NUMBER, value);
        }

        @Override
        public void bool(int index, Object value) {
            add(index, MemberReaders.Kind.BOOLEAN, value);
        }

        @Override
        public void other(int index, Object value) {
            add(index, MemberReaders.Kind.OTHER, value);
        }
    }

    @Test
    void realAnswersAreWrittenByMadeReadersByteForByteAsThroughGetters() {
        AwsJsonCodec throughGetters = new AwsJsonCodec(Integer.MAX_VALUE);
        AwsJsonCodec madeReaders = new AwsJsonCodec(1);
        try (EcsMock mock = EcsMock.builder().seed(42).build();
             EcsClient ecs = mock.newClient(Transport.IN_MEMORY)) {
            for (SdkPojo answer : answers(ecs)) {
                String expected = new String(throughGetters.write(answer), StandardCharsets.UTF_8);

                assertThat(new String(madeReaders.write(answer), StandardCharsets.UTF_8)).isEqualTo(expected);
            }
        }
    }

    @Test
    void anObjectSharedByTheTasksOfAnAnswerIsWrittenAsItselfNotAsTheOneBeforeIt() {
        AwsJsonCodec throughGetters = new AwsJsonCodec(Integer.MAX_VALUE);
        AwsJsonCodec madeReaders = new AwsJsonCodec(1);
        // As the state shows them: the tasks of one launch hold one overrides object and one list of
        // attributes, which the writer copies once it has written them twice in a row.
        List<software.amazon.awssdk.services.ecs.model.Attribute> attributes = List.of(
                software.amazon.awssdk.services.ecs.model.Attribute.builder().name("ecs.cpu-architecture").value("x86_64").build());
        // The last needs escapes, written by the made path as by the getters'.
        for (String mode : List.of("first", "second", "first", "caf\u00e9 \"au lait\"\n")) {
            software.amazon.awssdk.services.ecs.model.TaskOverride overrides = software.amazon.awssdk.services.ecs.model.TaskOverride.builder()
                    .containerOverrides(c -> c.name("app").environment(e -> e.name("MODE").value(mode))).build();
            List<Task> tasks = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                tasks.add(Task.builder().taskArn("arn:aws:ecs:us-east-1:123456789012:task/warm/" + mode + i)
                        .overrides(overrides).attributes(mode.equals("second") ? List.of() : attributes).build());
            }
            RunTaskResponse answer = RunTaskResponse.builder().tasks(tasks).build();
            String expected = new String(throughGetters.write(answer), StandardCharsets.UTF_8);

            assertThat(expected).contains("\"value\":\"" + mode.replace("\"", "\\\"").replace("\n", "\\n") + "\"");
            assertThat(new String(madeReaders.write(answer), StandardCharsets.UTF_8)).isEqualTo(expected);
        }
    }

    /** Answers that show tasks, containers, services, deployments, clusters and task definitions. */
    private static List<SdkPojo> answers(EcsClient ecs) {
        List<SdkPojo> answers = new ArrayList<>();
        answers.add(ecs.createCluster(r -> r.clusterName("warm").tags(t -> t.key("team").value("a"))));
        answers.add(ecs.registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .executionRoleArn("arn:aws:iam::123456789012:role/ecsTaskExecutionRole")
                .containerDefinitions(c -> c.name("app").image("nginx:1.27").essential(true)
                        .portMappings(p -> p.containerPort(80).protocol(TransportProtocol.TCP))
                        .environment(e -> e.name("MODE").value("warm"))
                        .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(Map.of(
                                "awslogs-group", "/ecs/web", "awslogs-region", "us-east-1", "awslogs-stream-prefix", "web"))))));
        answers.add(ecs.runTask(r -> r.cluster("warm").taskDefinition("web").count(3).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0a1b2c3d4e5f60718")))));
        RunTaskResponse withOverrides = ecs.runTask(r -> r.cluster("warm").taskDefinition("web").count(2).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0a1b2c3d4e5f60718")))
                .overrides(o -> o.containerOverrides(c -> c.name("app").environment(e -> e.name("MODE").value("cold")))));
        assertThat(withOverrides.tasks()).extracting(task -> task.overrides().containerOverrides().get(0).environment().get(0).value())
                .containsOnly("cold");
        answers.add(withOverrides);
        answers.add(ecs.createService(r -> r.cluster("warm").serviceName("web").taskDefinition("web").desiredCount(2)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0a1b2c3d4e5f60718")))));
        answers.add(ecs.describeClusters(r -> r.clusters("warm").includeWithStrings("TAGS", "STATISTICS")));
        ListTasksResponse listed = ecs.listTasks(r -> r.cluster("warm"));
        answers.add(listed);
        answers.add(ecs.describeTasks(r -> r.cluster("warm").tasks(listed.taskArns())));
        assertThat(answers.toString()).contains("FARGATE", "awslogs", "tcp", "PRIMARY", "ecs.cpu-architecture");
        return answers;
    }

    @Test
    void aClassThatIsNoModelClassGetsNoReader() {
        assertThat(MemberReaders.made(String.class)).isNull();
        assertThat(MemberReaders.made(Task.Builder.class)).isNull();
    }

    /** A model object with every member set, to values other than those the readers are made with. */
    private static SdkPojo sample(Class<?> type) throws ReflectiveOperationException {
        SdkPojo builder = (SdkPojo) type.getMethod("builder").invoke(null);
        int i = 0;
        for (SdkField<?> field : builder.sdkFields()) {
            i++;
            Object value = switch (field.marshallingType().getKnownType()) {
                case STRING -> "value-" + i;
                case INTEGER -> 7_000 + i;
                case LONG -> 70_000L + i;
                case SHORT -> (short) i;
                case BYTE -> (byte) i;
                case DOUBLE -> 0.5 + i;
                case FLOAT -> 1.5f + i;
                case BIG_DECIMAL -> new BigDecimal("2.5");
                case BOOLEAN -> i % 2 == 0;
                case INSTANT -> Instant.ofEpochMilli(1_732_512_345_123L + i);
                case SDK_BYTES -> SdkBytes.fromUtf8String("bytes-" + i);
                case DOCUMENT -> Document.fromNumber(i);
                case LIST -> List.of();
                case MAP -> Map.of();
                case SDK_POJO -> ((SdkBuilder<?, ?>) field.constructor().get()).build();
                default -> throw new IllegalStateException("no sample for " + field.memberName());
            };
            field.set(builder, value);
        }
        return (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
    }

    /** The SDK's ECS model classes, from the jar the Task class was loaded from. */
    private static List<Class<?>> modelClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path jar = Path.of(Task.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String prefix = Task.class.getPackageName().replace('.', '/') + "/";
        List<Class<?>> classes = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : java.util.Collections.list(file.entries())) {
                String name = entry.getName();
                if (name.startsWith(prefix) && name.endsWith(".class") && !name.substring(prefix.length()).contains("/")
                        && !name.contains("$")) {
                    Class<?> type = Class.forName(name.substring(0, name.length() - 6).replace('/', '.'));
                    if (SdkPojo.class.isAssignableFrom(type) && !Throwable.class.isAssignableFrom(type)
                            && !java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
                        classes.add(type);
                    }
                }
            }
        }
        return classes;
    }
}
