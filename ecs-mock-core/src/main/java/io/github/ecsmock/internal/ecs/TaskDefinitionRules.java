package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.errors.EcsError;
import io.github.ecsmock.internal.errors.Errors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.MountPoint;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.ecs.model.Volume;

/**
 * What ECS checks and computes when a task definition is registered: its validation rules with
 * AWS's texts, the container defaults it fills in, the task size in the units it reports, the
 * {@code compatibilities} and {@code requiresAttributes} it derives. Kept apart from the operation
 * so that RunTask and services can ask the same questions (is it Fargate-capable? how large?).
 */
final class TaskDefinitionRules {
    private static final int MAX_CONTAINERS = 10;
    private static final Pattern VCPU = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*vcpu");
    private static final Pattern GB = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*gb");
    private static final String DOCKER_API = "com.amazonaws.ecs.capability.docker-remote-api.";
    /** A private ECR repository, which a task pulls from with its execution role ({@code public.ecr.aws} needs none). */
    private static final Pattern ECR_IMAGE = Pattern.compile("\\d{12}\\.dkr\\.ecr(-fips)?\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/.*");

    /** Fargate's task sizes: CPU units to the memory values (MiB) allowed with them. */
    private static final Map<Integer, Set<Integer>> FARGATE_SIZES = Map.of(
            256, Set.of(512, 1024, 2048),
            512, range(1024, 4096, 1024),
            1024, range(2048, 8192, 1024),
            2048, range(4096, 16384, 1024),
            4096, range(8192, 30720, 1024),
            8192, range(16384, 61440, 4096),
            16384, range(32768, 122880, 8192));

    private TaskDefinitionRules() {
    }

    private static Set<Integer> range(int from, int to, int step) {
        Set<Integer> values = new HashSet<>();
        for (int value = from; value <= to; value += step) {
            values.add(value);
        }
        return Set.copyOf(values);
    }

    /** The family, containers and names: what every definition must satisfy. */
    static void checkShape(RegisterTaskDefinitionRequest request) {
        String family = request.family();
        if (family == null || family.isEmpty()) {
            throw Errors.client("Family can not be blank.");
        }
        if (!isName(family)) {
            throw Errors.client("Family contains invalid characters.");
        }
        if (!request.hasContainerDefinitions() || request.containerDefinitions().isEmpty()) {
            throw Errors.client("Container list cannot be empty.");
        }
        Set<String> names = new HashSet<>();
        for (ContainerDefinition container : request.containerDefinitions()) {
            if (container.name() == null || container.name().isEmpty()) {
                throw Errors.client("Container.name should not be null or empty.");
            }
            if (!isName(container.name())) {
                throw Errors.client("Container.name contains invalid characters.");
            }
            if (container.image() == null || container.image().isBlank()) {
                throw Errors.client("Container.image should not be null or empty.");
            }
            if (container.image().length() > 255) {
                throw Errors.client("Container.image should be 255 characters or less");
            }
            if (!names.add(container.name())) {
                throw Errors.client("Container names must be unique within a Task Definition.");
            }
        }
    }

    /** A family or container name: 1 to 255 letters, digits, hyphens and underscores. */
    private static boolean isName(String text) {
        return consistsOf(text, 255, c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_');
    }

    /** One to nine ASCII digits: a plain number of units or MiB. */
    private static boolean isUnits(String text) {
        return consistsOf(text, 9, c -> c >= '0' && c <= '9');
    }

    /** One to {@code most} characters, each of them allowed (a loop: a regex matcher per name cost more than the check). */
    private static boolean consistsOf(String text, int most, IntPredicate allowed) {
        int length = text.length();
        if (length == 0 || length > most) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (!allowed.test(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Task CPU in units: a number of units, or {@code "0.25 vCPU"}; {@code null} when not given. */
    static Integer cpuUnits(String cpu) {
        return size(cpu, VCPU, "Invalid 'cpu' setting for task.");
    }

    /** Task memory in MiB: a number of MiB, or {@code "2 GB"}; {@code null} when not given. */
    static Integer memoryMib(String memory) {
        return size(memory, GB, "Invalid 'memory' setting for task.");
    }

    private static Integer size(String text, Pattern scaled, String invalid) {
        if (text == null) {
            return null;
        }
        String value = text.trim().toLowerCase(Locale.ROOT);
        int result;
        if (isUnits(value)) {
            result = Integer.parseInt(value);
        } else {
            Matcher matcher = scaled.matcher(value);
            if (!matcher.matches()) {
                throw Errors.client(invalid);
            }
            result = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(1024)).intValue();
        }
        if (result <= 0) {
            throw Errors.client(invalid);
        }
        return result;
    }

    /**
     * The checks of a FARGATE-requiring definition, in the order ECS reports them; {@code cpu} and
     * {@code memory} are the task size already converted to units and MiB.
     */
    static void checkFargate(String networkMode, Integer cpu, Integer memory) {
        if (!"awsvpc".equals(networkMode)) {
            // ECS writes this message with typographic quotes.
            throw Errors.client("Fargate only supports network mode \u2018awsvpc\u2019.");
        }
        if (cpu == null) {
            throw Errors.client("Fargate requires that 'cpu' be defined at the task level.");
        }
        if (memory == null) {
            throw Errors.client("Fargate requires that 'memory' be defined at the task level.");
        }
        if (!isFargateSize(cpu, memory)) {
            throw Errors.client("No Fargate configuration exists for given values: " + cpu + " CPU, " + memory
                    + " memory. See the Amazon ECS documentation for the valid values.");
        }
    }

    /** An image in a private ECR registry; the regex only for names that could be one, as few are. */
    private static boolean isEcrImage(String image) {
        return image != null && image.contains(".dkr.ecr") && ECR_IMAGE.matcher(image).matches();
    }

    /**
     * What a definition asks of its containers and volumes that Fargate does not give, in ECS's words,
     * or null: an image from ECR or logs to CloudWatch without an execution role to pull or send them
     * with, an IPC namespace, a host path as a volume. A definition that requires FARGATE is refused
     * with it; one that does not is simply not FARGATE-compatible.
     */
    static String fargateProblem(RegisterTaskDefinitionRequest request) {
        boolean executionRole = request.executionRoleArn() != null && !request.executionRoleArn().isBlank();
        for (ContainerDefinition container : request.containerDefinitions()) {
            if (!executionRole && isEcrImage(container.image())) {
                // jenkinsci/amazon-ecs-plugin#62, hashicorp/terraform-provider-aws#3051
                return "Fargate requires task definition to have execution role ARN to support ECR images.";
            }
            if (!executionRole && container.logConfiguration() != null
                    && "awslogs".equals(container.logConfiguration().logDriverAsString())) {
                // virtual-kubelet/virtual-kubelet#193
                return "Fargate requires task definition to have execution role ARN to support log driver awslogs.";
            }
        }
        if (request.ipcMode() != null) {
            // cn-terraform/terraform-aws-ecs-fargate#2; the model: ipcMode is not supported on Fargate
            return "Tasks using the Fargate launch type do not support ipcMode.";
        }
        for (Volume volume : request.volumes()) {
            if (volume.host() != null && volume.host().sourcePath() != null) {
                // cloudposse/terraform-aws-ecs-alb-service-task#174
                return "Fargate compatible task definitions do not support sourcePath";
            }
        }
        return null;
    }

    /**
     * Container settings the network mode or the other containers rule out, in ECS's words: a host
     * name or links under {@code awsvpc}, secrets without an execution role to fetch them with, and a
     * container waited on to exit (SUCCESS or COMPLETE) that is essential, whose exit would end the task.
     */
    static void checkContainerSettings(RegisterTaskDefinitionRequest request) {
        boolean awsvpc = "awsvpc".equals(request.networkModeAsString());
        boolean executionRole = request.executionRoleArn() != null && !request.executionRoleArn().isBlank();
        Map<String, ContainerDefinition> byName = new HashMap<>();
        request.containerDefinitions().forEach(container -> byName.put(container.name(), container));
        for (ContainerDefinition container : request.containerDefinitions()) {
            if (awsvpc && container.hostname() != null) {
                // labd/ecs-deplojo#26; the model: hostname is not supported with awsvpc
                throw Errors.client("hostname is not supported on container when networkMode=awsvpc.");
            }
            if (awsvpc && container.hasLinks() && !container.links().isEmpty()) {
                // aws-observability/aws-otel-collector#1359; the model: links need the bridge network mode
                throw Errors.client("Links are not supported when networkMode=awsvpc.");
            }
            checkAwslogs(container.logConfiguration());
            if (!executionRole && container.hasSecrets() && !container.secrets().isEmpty()) {
                // fabfuel/ecs-deploy#87
                throw Errors.client("When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.");
            }
            for (ContainerDependency dependency : container.dependsOn()) {
                ContainerDefinition awaited = byName.get(dependency.containerName());
                boolean exits = dependency.condition() == ContainerCondition.SUCCESS
                        || dependency.condition() == ContainerCondition.COMPLETE;
                if (exits && awaited != null && !Boolean.FALSE.equals(awaited.essential())) {
                    // boto/boto3#2436; the model: SUCCESS and COMPLETE can't be set on an essential container
                    throw Errors.client("A dependency container with SUCCESS or COMPLETE condition cannot be an essential container");
                }
            }
        }
    }

    /**
     * The awslogs options ECS checks when the definition is registered, not when a task starts. Only
     * the cases seen refused are refused: without group and region (cfn-lint#1787), an empty group
     * (terraform-aws-ecs#206), and awslogs-create-group other than "true" (tflint-ruleset-aws#348).
     */
    private static void checkAwslogs(LogConfiguration logging) {
        if (logging == null || !"awslogs".equals(logging.logDriverAsString())) {
            return;
        }
        Map<String, String> options = logging.hasOptions() ? logging.options() : Map.of();
        if (!options.containsKey("awslogs-group") && !options.containsKey("awslogs-region")) {
            throw Errors.client("Log driver awslogs requires options: awslogs-region, awslogs-group");
        }
        String group = options.get("awslogs-group");
        if (options.containsKey("awslogs-group") && (group == null || group.isBlank())) {
            throw Errors.client("Log driver awslogs option 'awslogs-group' should not be null or empty.");
        }
        if (options.containsKey("awslogs-create-group") && !"true".equals(options.get("awslogs-create-group"))) {
            throw Errors.client("Log driver awslogs option 'awslogs-create-group' should only be set to 'true', else omit option.");
        }
    }

    static boolean isFargateSize(Integer cpu, Integer memory) {
        return cpu != null && memory != null && FARGATE_SIZES.getOrDefault(cpu, Set.of()).contains(memory);
    }

    /** Port mappings, container sizes against the task size: rules that hold for every launch type. */
    static void checkContainers(List<ContainerDefinition> containers, String networkMode, Integer cpu, Integer memory) {
        if (containers.size() > MAX_CONTAINERS) {
            // ECS's quota of containers per task definition (aws/amazon-ecs-cli#184 shows the text).
            throw Errors.client("Too many containers.");
        }
        boolean sameHostPort = "awsvpc".equals(networkMode) || "host".equals(networkMode);
        int cpuSum = 0;
        int reservationSum = 0;
        for (ContainerDefinition container : containers) {
            checkContainerSizes(container);
            if (container.memory() != null && container.memoryReservation() != null
                    && container.memoryReservation() > container.memory()) {
                // The API reference: memory must be greater than or equal to memoryReservation. ECS's text is not captured.
                throw Errors.client("Invalid setting for container '" + container.name()
                        + "'. 'memoryReservation' must not be greater than 'memory'.");
            }
            reservationSum += container.memoryReservation() == null ? 0 : container.memoryReservation();
            if (sameHostPort) {
                for (PortMapping mapping : container.portMappings()) {
                    if (mapping.hostPort() != null && mapping.containerPort() != null
                            && !mapping.hostPort().equals(mapping.containerPort())) {
                        throw Errors.client("When networkMode=" + networkMode
                                + ", the host ports and container ports in port mappings must match.");
                    }
                }
            }
            if (memory != null && container.memory() != null && container.memory() > memory) {
                throw Errors.client("The 'memory' setting for container '" + container.name() + "' is greater than for the task.");
            }
            cpuSum += container.cpu() == null ? 0 : container.cpu();
        }
        if (memory != null && reservationSum > memory) {
            throw Errors.client("The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'.");
        }
        if (cpu != null && cpuSum > cpu) {
            throw Errors.client("The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.");
        }
        if (containers.stream().allMatch(container -> Boolean.FALSE.equals(container.essential()))) {
            // A container without 'essential' is essential; a task needs one to know when it has ended.
            throw Errors.client("Task definition doesn't have any essential container.");
        }
    }

    /** Every mount point names a volume of the definition, as ECS requires; the text is ECS's (ansible/ansible#35751). */
    static void checkMountPoints(List<ContainerDefinition> containers, List<Volume> volumes) {
        Set<String> names = new HashSet<>();
        volumes.forEach(volume -> names.add(volume.name()));
        for (ContainerDefinition container : containers) {
            for (MountPoint mount : container.mountPoints()) {
                if (mount.sourceVolume() != null && !names.contains(mount.sourceVolume())) {
                    throw Errors.client("Unknown volume '" + mount.sourceVolume() + "'.");
                }
            }
        }
    }

    /**
     * Sizes and ports no container can have. The model sets no bounds on them, but a negative memory
     * would give a container instance capacity back on every placement and a port beyond 65535 would
     * be reserved on it; the texts are in ECS's manner ("Invalid 'cpu' setting for task."), the exact
     * ones for containers are not known.
     */
    private static void checkContainerSizes(ContainerDefinition container) {
        String name = container.name();
        String invalid = invalidSize(container.cpu(), container.memory(), container.memoryReservation());
        if (invalid != null) {
            throw Errors.client("Invalid '" + invalid + "' setting for container '" + name + "'.");
        }
        for (PortMapping mapping : container.portMappings()) {
            if (!isPort(mapping.containerPort(), 1) || !isPort(mapping.hostPort(), 0)) {
                throw Errors.client("Invalid port mapping for container '" + name + "': ports are between 1 and 65535"
                        + " (a hostPort of 0 asks for a dynamic port).");
            }
        }
    }

    /**
     * The first of a container's sizes out of bounds ({@code cpu} 0 or more, {@code memory} and
     * {@code memoryReservation} 1 or more), or null; a container override is held to the same.
     */
    static String invalidSize(Integer cpu, Integer memory, Integer memoryReservation) {
        return below(cpu, 0) ? "cpu" : below(memory, 1) ? "memory" : below(memoryReservation, 1) ? "memoryReservation" : null;
    }

    private static boolean below(Integer value, int lowest) {
        return value != null && value < lowest;
    }

    private static boolean isPort(Integer port, int lowest) {
        return port == null || port >= lowest && port <= 65_535;
    }

    /**
     * The error ECS gives an EC2-compatible definition with a container that has neither memory nor
     * memoryReservation while the task has no memory either; {@code null} when there is none.
     */
    static EcsError missingContainerMemory(List<ContainerDefinition> containers, List<String> requires, Integer taskMemory) {
        boolean ec2 = requires.isEmpty() || requires.contains("EC2") || requires.contains("EXTERNAL");
        if (!ec2 || taskMemory != null) {
            return null;
        }
        for (ContainerDefinition container : containers) {
            if (container.memory() == null && container.memoryReservation() == null) {
                return Errors.client("Invalid setting for container '" + container.name()
                        + "'. At least one of 'memory' or 'memoryReservation' must be specified.");
            }
        }
        return null;
    }

    /** A container as ECS echoes it: cpu 0, essential, protocol tcp and the empty lists filled in. */
    static ContainerDefinition withDefaults(ContainerDefinition container, String networkMode) {
        boolean sameHostPort = "awsvpc".equals(networkMode) || "host".equals(networkMode);
        ContainerDefinition.Builder builder = container.toBuilder()
                .cpu(container.cpu() == null ? 0 : container.cpu())
                .essential(container.essential() == null || container.essential());
        if (container.hasPortMappings()) {
            List<PortMapping> ports = new ArrayList<>(container.portMappings().size());
            for (PortMapping mapping : container.portMappings()) {
                PortMapping.Builder port = mapping.toBuilder();
                if (mapping.protocol() == null) {
                    port.protocol("tcp");
                }
                if (sameHostPort && mapping.hostPort() == null) {
                    port.hostPort(mapping.containerPort());
                }
                ports.add(port.build());
            }
            builder.portMappings(ports);
        } else {
            builder.portMappings(List.of());
        }
        if (!container.hasEnvironment()) {
            builder.environment(List.of());
        }
        if (!container.hasMountPoints()) {
            builder.mountPoints(List.of());
        }
        if (!container.hasVolumesFrom()) {
            builder.volumesFrom(List.of());
        }
        return builder.build();
    }

    /**
     * What ECS computes as {@code compatibilities}: EC2 always, EXTERNAL unless the definition uses
     * {@code awsvpc} (ECS Anywhere has no task ENIs), FARGATE when the definition meets Fargate's rules:
     * a Fargate size, and no {@link #fargateProblem}, which the caller has worked out already.
     */
    static List<String> compatibilities(RegisterTaskDefinitionRequest request, Integer cpu, Integer memory, String fargateProblem) {
        boolean awsvpc = "awsvpc".equals(request.networkModeAsString());
        if (!awsvpc) {
            return List.of("EXTERNAL", "EC2");
        }
        return isFargateSize(cpu, memory) && fargateProblem == null ? List.of("EC2", "FARGATE") : List.of("EC2");
    }

    /** The agent capabilities a definition needs, as ECS derives them from the features it uses. */
    static Set<String> requiresAttributes(RegisterTaskDefinitionRequest request) {
        Set<String> names = new LinkedHashSet<>();
        boolean executionRole = request.executionRoleArn() != null;
        if ("awsvpc".equals(request.networkModeAsString())) {
            names.add(DOCKER_API + "1.18");
            names.add("ecs.capability.task-eni");
        }
        if (request.taskRoleArn() != null) {
            names.add("com.amazonaws.ecs.capability.task-iam-role");
        }
        for (ContainerDefinition container : request.containerDefinitions()) {
            if (container.logConfiguration() != null && "awslogs".equals(container.logConfiguration().logDriverAsString())) {
                names.add("com.amazonaws.ecs.capability.logging-driver.awslogs");
                names.add(DOCKER_API + "1.19");
                if (executionRole) {
                    names.add("ecs.capability.execution-role-awslogs");
                }
            }
            if (container.image() != null && container.image().contains(".dkr.ecr.")) {
                names.add("com.amazonaws.ecs.capability.ecr-auth");
                if (executionRole) {
                    names.add("ecs.capability.execution-role-ecr-pull");
                }
            }
            if (container.memoryReservation() != null) {
                names.add(DOCKER_API + "1.21");
            }
            if (container.healthCheck() != null) {
                names.add("ecs.capability.container-health-check");
                names.add(DOCKER_API + "1.24");
            }
            if (container.hasDependsOn() && !container.dependsOn().isEmpty()) {
                names.add("ecs.capability.container-ordering");
            }
            for (Secret secret : container.secrets()) {
                names.add(secret.valueFrom() != null && secret.valueFrom().contains(":secretsmanager:")
                        ? "ecs.capability.secrets.asm.environment-variables"
                        : "ecs.capability.secrets.ssm.environment-variables");
            }
            if (container.hasEnvironmentFiles() && !container.environmentFiles().isEmpty()) {
                names.add("ecs.capability.env-files.s3");
            }
        }
        if (request.volumes().stream().anyMatch(volume -> volume.efsVolumeConfiguration() != null)) {
            names.add("ecs.capability.efs");
        }
        return names;
    }
}
