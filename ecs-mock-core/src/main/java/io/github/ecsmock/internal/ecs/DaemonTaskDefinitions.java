package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.paging.PageTokens;
import io.github.ecsmock.internal.state.DaemonTaskDefinitionRegistry;
import io.github.ecsmock.internal.state.EcsState;
import io.github.ecsmock.internal.state.TaskDefinitionRegistry.Key;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.DaemonContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinition;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinitionSummary;
import software.amazon.awssdk.services.ecs.model.DeleteDaemonTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DeleteDaemonTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.ListDaemonTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.ListDaemonTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.RegisterDaemonTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RegisterDaemonTaskDefinitionResponse;

/**
 * RegisterDaemonTaskDefinition, DescribeDaemonTaskDefinition, DeleteDaemonTaskDefinition and
 * ListDaemonTaskDefinitions. Daemon task definitions have revisions per family like task
 * definitions, and the same naming rules and messages where the API reference gives the same rules
 * (family and container names of up to 255 letters, numbers, underscores and hyphens). Messages
 * that only daemon task definitions have are unverified and written in the style of the
 * task definition ones.
 */
public final class DaemonTaskDefinitions {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");
    private static final int MAX_CONTAINERS = 10;

    private final TagRules tagRules;

    public DaemonTaskDefinitions(TagRules tagRules) {
        this.tagRules = tagRules;
    }

    public RegisterDaemonTaskDefinitionResponse registerDaemonTaskDefinition(EcsState state, RegisterDaemonTaskDefinitionRequest request) {
        String family = request.family();
        if (family == null || family.isEmpty()) {
            throw Errors.client("Family can not be blank.");
        }
        if (!NAME.matcher(family).matches()) {
            throw Errors.client("Family contains invalid characters.");
        }
        List<DaemonContainerDefinition> containers = request.containerDefinitions();
        if (containers.isEmpty()) {
            throw Errors.client("Container list cannot be empty.");
        }
        if (containers.size() > MAX_CONTAINERS) {
            throw Errors.client("Too many containers. A daemon task definition can have at most " + MAX_CONTAINERS + " containers.");
        }
        Set<String> names = new HashSet<>();
        for (DaemonContainerDefinition container : containers) {
            if (container.name() == null || container.name().isEmpty()) {
                throw Errors.client("Container.name should not be null or empty.");
            }
            if (!NAME.matcher(container.name()).matches()) {
                throw Errors.client("Container.name contains invalid characters.");
            }
            if (container.image() == null || container.image().isEmpty()) {
                throw Errors.client("Container.image should not be null or empty.");
            }
            if (!names.add(container.name())) {
                throw Errors.client("Container names must be unique within a Daemon Task Definition.");
            }
        }
        tagRules.checkNew(request.tags());
        DaemonTaskDefinition registered = state.daemonLifecycle().registerDaemonTaskDefinition(DaemonTaskDefinition.builder()
                .taskRoleArn(request.taskRoleArn())
                .executionRoleArn(request.executionRoleArn())
                .containerDefinitions(containers)
                .volumes(request.hasVolumes() ? request.volumes() : List.of())
                .cpu(request.cpu())
                .memory(request.memory())
                .pidMode(request.pidModeAsString())
                .ipcMode(request.ipcModeAsString()), family);
        state.tags().add(registered.daemonTaskDefinitionArn(), request.tags());
        return RegisterDaemonTaskDefinitionResponse.builder().daemonTaskDefinitionArn(registered.daemonTaskDefinitionArn()).build();
    }

    public DescribeDaemonTaskDefinitionResponse describeDaemonTaskDefinition(EcsState state, DescribeDaemonTaskDefinitionRequest request) {
        if (request.daemonTaskDefinition() == null || request.daemonTaskDefinition().isEmpty()) {
            throw Errors.invalidParameter("Daemon Task Definition can not be blank.");
        }
        DaemonTaskDefinition definition = state.daemonLifecycle().findDaemonTaskDefinition(request.daemonTaskDefinition())
                .orElseThrow(() -> Errors.client("Unable to describe daemon task definition."));
        return DescribeDaemonTaskDefinitionResponse.builder().daemonTaskDefinition(definition).build();
    }

    public DeleteDaemonTaskDefinitionResponse deleteDaemonTaskDefinition(EcsState state, DeleteDaemonTaskDefinitionRequest request) {
        String reference = request.daemonTaskDefinition();
        if (reference == null || reference.isEmpty()) {
            throw Errors.invalidParameter("Daemon Task Definition can not be blank.");
        }
        String named = reference.startsWith("arn:") ? reference.substring(reference.lastIndexOf('/') + 1) : reference;
        if (named.indexOf(':') < 0) {
            throw Errors.client("Revision is missing.");
        }
        DaemonTaskDefinition definition = state.daemonLifecycle().findDaemonTaskDefinition(reference)
                .orElseThrow(() -> Errors.client("The specified daemon task definition does not exist."));
        if (!"ACTIVE".equals(definition.statusAsString())) {
            throw Errors.client("The specified daemon task definition is in the process of being deleted.");
        }
        state.daemonLifecycle().deleteDaemonTaskDefinition(definition);
        return DeleteDaemonTaskDefinitionResponse.builder().daemonTaskDefinitionArn(definition.daemonTaskDefinitionArn()).build();
    }

    public ListDaemonTaskDefinitionsResponse listDaemonTaskDefinitions(EcsState state, ListDaemonTaskDefinitionsRequest request) {
        if (request.family() != null && request.familyPrefix() != null) {
            throw Errors.invalidParameter("family and familyPrefix cannot both be specified.");
        }
        int size = PageTokens.pageSize(request.maxResults(), 100, 100);
        DaemonTaskDefinitionRegistry registry = state.daemonTaskDefinitions();
        String status = request.status() == null ? "ACTIVE" : request.statusAsString();
        Predicate<DaemonTaskDefinition> wanted = definition -> "ALL".equals(status) || status.equals(definition.statusAsString());
        if (request.family() != null) {
            wanted = wanted.and(definition -> definition.family().equals(request.family()));
        }
        if (request.familyPrefix() != null) {
            wanted = wanted.and(definition -> definition.family().startsWith(request.familyPrefix()));
        }
        if ("LAST_REGISTERED".equals(request.revisionAsString())) {
            wanted = wanted.and(definition -> definition.revision() == registry.lastRevision(definition.family()));
        }
        NavigableMap<Key, DaemonTaskDefinition> index = "DESC".equals(request.sortAsString())
                ? registry.all().descendingMap() : registry.all();
        PageTokens.Page<DaemonTaskDefinition> page = state.pageTokens().page("ListDaemonTaskDefinitions", index,
                request.nextToken(), size, wanted, Key::toString, Key::parse);
        return ListDaemonTaskDefinitionsResponse.builder()
                .daemonTaskDefinitions(page.items().stream().map(definition -> DaemonTaskDefinitionSummary.builder()
                        .arn(definition.daemonTaskDefinitionArn())
                        .registeredAt(definition.registeredAt())
                        .registeredBy(definition.registeredBy())
                        .deleteRequestedAt(definition.deleteRequestedAt())
                        .status(definition.statusAsString())
                        .build()).toList())
                .nextToken(page.nextToken())
                .build();
    }
}
