package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.errors.EcsError;
import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.paging.PageTokens;
import io.github.ecsmock.internal.state.EcsState;
import io.github.ecsmock.internal.state.TaskDefinitionReference;
import io.github.ecsmock.internal.state.TaskDefinitionRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeleteTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.DeleteTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.DeregisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DeregisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionFamiliesRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionFamiliesResponse;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * RegisterTaskDefinition, DeregisterTaskDefinition, DescribeTaskDefinition, ListTaskDefinitions,
 * ListTaskDefinitionFamilies and DeleteTaskDefinitions.
 */
public final class TaskDefinitions {
    private static final int MAX_DELETE = 10;

    private final TagRules tagRules;
    private final Leniency leniency;

    public TaskDefinitions(TagRules tagRules, Leniency leniency) {
        this.tagRules = tagRules;
        this.leniency = leniency;
    }

    public RegisterTaskDefinitionResponse registerTaskDefinition(EcsState state, RegisterTaskDefinitionRequest request) {
        TaskDefinitionRules.checkShape(request);
        String networkMode = request.networkModeAsString();
        Integer cpu = TaskDefinitionRules.cpuUnits(request.cpu());
        Integer memory = TaskDefinitionRules.memoryMib(request.memory());
        List<String> requires = request.requiresCompatibilitiesAsStrings();
        String notOnFargate = TaskDefinitionRules.fargateProblem(request);
        if (requires.contains("FARGATE")) {
            TaskDefinitionRules.checkFargate(networkMode, cpu, memory);
            if (notOnFargate != null) {
                throw Errors.client(notOnFargate);
            }
        }
        TaskDefinitionRules.checkContainers(request.containerDefinitions(), networkMode, cpu, memory);
        TaskDefinitionRules.checkContainerSettings(request);
        TaskDefinitionRules.checkMountPoints(request.containerDefinitions(), request.volumes());
        PlacementRules.checkDefinition(request.placementConstraints());
        tagRules.checkNew(request.tags());
        EcsError noMemory = TaskDefinitionRules.missingContainerMemory(request.containerDefinitions(), requires, memory);
        if (noMemory != null) {
            leniency.awsWouldReject("RegisterTaskDefinition", noMemory);
        }

        String family = request.family();
        int revision = state.nextRevision(family);
        TaskDefinition.Builder definition = TaskDefinition.builder();
        Shapes.copySameNamedMembers(request, definition);
        definition.taskDefinitionArn(state.arns().taskDefinition(family, revision))
                .revision(revision)
                .status("ACTIVE")
                .containerDefinitions(withDefaults(request.containerDefinitions(), networkMode))
                // Always sent, [] when not given (an unset request list would be left out on the wire).
                .volumes(request.hasVolumes() ? request.volumes() : List.of())
                .placementConstraints(request.hasPlacementConstraints() ? request.placementConstraints() : List.of())
                .cpu(cpu == null ? null : String.valueOf(cpu))
                .memory(memory == null ? null : String.valueOf(memory))
                .compatibilitiesWithStrings(TaskDefinitionRules.compatibilities(request, cpu, memory, notOnFargate))
                .requiresAttributes(attributes(TaskDefinitionRules.requiresAttributes(request)))
                .registeredAt(state.now())
                .registeredBy(state.arns().callerPrincipal());
        TaskDefinition registered = definition.build();
        state.putTaskDefinition(registered);
        state.tags().add(registered.taskDefinitionArn(), request.tags());
        return RegisterTaskDefinitionResponse.builder()
                .taskDefinition(registered)
                .tags(state.tags().tagsOf(registered.taskDefinitionArn()))
                .build();
    }

    private static List<ContainerDefinition> withDefaults(List<ContainerDefinition> containers, String networkMode) {
        List<ContainerDefinition> completed = new ArrayList<>(containers.size());
        for (ContainerDefinition container : containers) {
            completed.add(TaskDefinitionRules.withDefaults(container, networkMode));
        }
        return completed;
    }

    private static List<Attribute> attributes(Set<String> names) {
        List<Attribute> attributes = new ArrayList<>(names.size());
        for (String name : names) {
            attributes.add(Attribute.builder().name(name).build());
        }
        return attributes;
    }

    public DeregisterTaskDefinitionResponse deregisterTaskDefinition(EcsState state, DeregisterTaskDefinitionRequest request) {
        String text = request.taskDefinition();
        if (text == null || text.isBlank()) {
            throw Errors.invalidParameter("Task Definition can not be blank.");
        }
        TaskDefinitionReference reference = TaskDefinitionReference.parse(state.arns(), text)
                .orElseThrow(TaskDefinitions::doesNotExist);
        if (!reference.hasRevision()) {
            throw Errors.client("Revision is missing.");
        }
        int revision = reference.revision()
                .orElseThrow(() -> Errors.invalidParameter("Invalid revision number. Number: " + reference.revisionText()));
        TaskDefinition definition = state.taskDefinitions().get(reference.family(), revision)
                .orElseThrow(TaskDefinitions::doesNotExist);
        switch (definition.statusAsString()) {
            case "ACTIVE":
                definition = definition.toBuilder().status("INACTIVE").deregisteredAt(state.now()).build();
                state.putTaskDefinition(definition);
                break;
            case "DELETE_IN_PROGRESS":
                throw Errors.client("The specified task definition is in the process of being deleted.");
            default:
                // Deregistering an INACTIVE revision again changes nothing and is not an error.
                break;
        }
        return DeregisterTaskDefinitionResponse.builder().taskDefinition(definition).build();
    }

    public DescribeTaskDefinitionResponse describeTaskDefinition(EcsState state, DescribeTaskDefinitionRequest request) {
        String text = request.taskDefinition();
        if (text == null || text.isBlank()) {
            throw Errors.invalidParameter("Task Definition can not be blank.");
        }
        TaskDefinition definition = state.findTaskDefinition(text)
                .orElseThrow(() -> Errors.client("Unable to describe task definition."));
        boolean tags = request.includeAsStrings().contains("TAGS");
        return DescribeTaskDefinitionResponse.builder()
                .taskDefinition(definition)
                .tags(tags ? state.tags().tagsOf(definition.taskDefinitionArn()) : List.of())
                .build();
    }

    public ListTaskDefinitionsResponse listTaskDefinitions(EcsState state, ListTaskDefinitionsRequest request) {
        int size = PageTokens.pageSize(request.maxResults(), 100, 100);
        String status = request.status() == null ? "ACTIVE" : request.statusAsString();
        // familyPrefix is, despite its name, the full family name: ECS matches it exactly.
        NavigableMap<TaskDefinitionRegistry.Key, TaskDefinition> index = request.familyPrefix() == null
                ? state.taskDefinitions().all()
                : state.taskDefinitions().revisionsOf(request.familyPrefix());
        boolean descending = "DESC".equals(request.sortAsString());
        if (descending) {
            index = index.descendingMap();
        }
        // A token walks one order: one of the other order would page from the wrong end.
        PageTokens.Page<TaskDefinition> page = state.pageTokens().page(descending ? "ListTaskDefinitions DESC" : "ListTaskDefinitions", index,
                request.nextToken(), size, definition -> status.equals(definition.statusAsString()),
                TaskDefinitionRegistry.Key::toString, TaskDefinitionRegistry.Key::parse);
        return ListTaskDefinitionsResponse.builder()
                .taskDefinitionArns(page.items().stream().map(TaskDefinition::taskDefinitionArn).toList())
                .nextToken(page.nextToken())
                .build();
    }

    public ListTaskDefinitionFamiliesResponse listTaskDefinitionFamilies(EcsState state, ListTaskDefinitionFamiliesRequest request) {
        int size = PageTokens.pageSize(request.maxResults(), 100, 100);
        String status = request.status() == null ? "ALL" : request.statusAsString();
        Predicate<TaskDefinitionRegistry.Family> wanted = switch (status) {
            case "ACTIVE" -> TaskDefinitionRegistry.Family::hasActiveRevision;
            case "INACTIVE" -> family -> family.hasRevisions() && !family.hasActiveRevision();
            default -> TaskDefinitionRegistry.Family::hasRevisions;
        };
        NavigableMap<String, TaskDefinitionRegistry.Family> families = state.taskDefinitions().families();
        String prefix = request.familyPrefix();
        if (prefix != null && !prefix.isEmpty()) {
            families = families.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
        }
        PageTokens.Page<TaskDefinitionRegistry.Family> page = state.pageTokens().page("ListTaskDefinitionFamilies",
                families, request.nextToken(), size, wanted, name -> name, name -> name);
        return ListTaskDefinitionFamiliesResponse.builder()
                .families(page.items().stream().map(TaskDefinitionRegistry.Family::name).toList())
                .nextToken(page.nextToken())
                .build();
    }

    public DeleteTaskDefinitionsResponse deleteTaskDefinitions(EcsState state, DeleteTaskDefinitionsRequest request) {
        List<String> references = request.taskDefinitions();
        if (references.isEmpty()) {
            throw Errors.invalidParameter("taskDefinitions must contain at least 1 item.");
        }
        if (references.size() > MAX_DELETE) {
            throw Errors.invalidParameter("taskDefinitions can have at most " + MAX_DELETE + " items.");
        }
        List<TaskDefinition> deleted = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String text : references) {
            Optional<TaskDefinitionReference> reference = TaskDefinitionReference.parse(state.arns(), text);
            if (reference.isEmpty() || !reference.get().hasRevision()) {
                failures.add(failure(text, "The specified task definition identifier is invalid. "
                        + "Specify a valid name or ARN and try again."));
                continue;
            }
            Optional<TaskDefinition> found = reference.get().revision()
                    .flatMap(revision -> state.taskDefinitions().get(reference.get().family(), revision));
            if (found.isEmpty()) {
                failures.add(failure(text, "The specified task definition does not exist. "
                        + "Specify a valid account, family, revision and try again."));
            } else if ("ACTIVE".equals(found.get().statusAsString())) {
                failures.add(failure(found.get().taskDefinitionArn(), "The specified task definition is still in "
                        + "ACTIVE status. Please deregister the target and try again."));
            } else if ("DELETE_IN_PROGRESS".equals(found.get().statusAsString())) {
                deleted.add(found.get());
            } else {
                deleted.add(state.deleteTaskDefinition(found.get()));
            }
        }
        return DeleteTaskDefinitionsResponse.builder().taskDefinitions(deleted).failures(failures).build();
    }

    private static Failure failure(String arn, String reason) {
        return Failure.builder().arn(arn).reason(reason).build();
    }

    private static EcsError doesNotExist() {
        return Errors.client("The specified task definition does not exist.");
    }
}
