package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.errors.EcsError;
import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.paging.PageTokens;
import io.github.ecsmock.internal.state.ClusterEntry;
import io.github.ecsmock.internal.state.ContainerInstanceEntry;
import io.github.ecsmock.internal.state.EcsState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.DeleteAttributesRequest;
import software.amazon.awssdk.services.ecs.model.DeleteAttributesResponse;
import software.amazon.awssdk.services.ecs.model.ListAttributesRequest;
import software.amazon.awssdk.services.ecs.model.ListAttributesResponse;
import software.amazon.awssdk.services.ecs.model.PutAttributesRequest;
import software.amazon.awssdk.services.ecs.model.PutAttributesResponse;

/**
 * PutAttributes, DeleteAttributes and ListAttributes, on container instances (the one target type
 * ECS has). Names and values follow the rules of the API reference; a resource holds at most 10
 * custom attributes (those not named {@code ecs.*} or {@code com.amazonaws.ecs.*}, which the agent
 * owns).
 */
public final class Attributes {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_./\\\\-]{1,128}");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_./\\\\@: -]{1,128}");
    private static final int MAX_PER_CALL = 10;

    public PutAttributesResponse putAttributes(EcsState state, PutAttributesRequest request) {
        ClusterEntry cluster = state.activeCluster(request.cluster());
        checkCount(request.attributes());
        Map<ContainerInstanceEntry, List<Attribute>> byTarget = targets(state, cluster, request.attributes());
        for (Map.Entry<ContainerInstanceEntry, List<Attribute>> entry : byTarget.entrySet()) {
            ContainerInstanceEntry instance = entry.getKey();
            long custom = instance.attributes().keySet().stream().filter(Attributes::isCustom).count();
            for (Attribute attribute : entry.getValue()) {
                checkName(attribute.name());
                checkValue(attribute.value());
                if (isCustom(attribute.name()) && !instance.hasAttribute(attribute.name())) {
                    custom++;
                }
            }
            if (custom > ContainerInstances.MAX_CUSTOM_ATTRIBUTES) {
                throw limitExceeded();
            }
        }
        byTarget.forEach((instance, attributes) ->
                attributes.forEach(attribute -> state.containerInstanceLifecycle().putAttribute(instance, attribute.name(), attribute.value())));
        // Answered as sent: the target as the caller named it, without a type it did not give (the CLI's example).
        return PutAttributesResponse.builder().attributes(request.attributes()).build();
    }

    public DeleteAttributesResponse deleteAttributes(EcsState state, DeleteAttributesRequest request) {
        ClusterEntry cluster = state.activeCluster(request.cluster());
        checkCount(request.attributes());
        Map<ContainerInstanceEntry, List<Attribute>> byTarget = targets(state, cluster, request.attributes());
        byTarget.values().forEach(attributes -> attributes.forEach(attribute -> checkName(attribute.name())));
        // Answered as sent, each with the value it had: the CLI's example deletes by name and is told the value.
        List<Attribute> answer = new ArrayList<>();
        byTarget.forEach((instance, attributes) -> attributes.forEach(attribute -> {
            String had = instance.attributes().get(attribute.name());
            answer.add(had == null || attribute.value() != null ? attribute : attribute.toBuilder().value(had).build());
            state.containerInstanceLifecycle().deleteAttribute(instance, attribute.name());
        }));
        return DeleteAttributesResponse.builder().attributes(answer).build();
    }

    public ListAttributesResponse listAttributes(EcsState state, ListAttributesRequest request) {
        ClusterEntry cluster = state.activeCluster(request.cluster());
        if (request.attributeValue() != null && request.attributeName() == null) {
            throw Errors.invalidParameter("attributeName must be specified when attributeValue is specified.");
        }
        int size = PageTokens.pageSize(request.maxResults(), 100, 100);
        NavigableMap<String, Attribute> all = new TreeMap<>();
        for (ContainerInstanceEntry instance : state.containerInstances().inCluster(cluster.arn()).values()) {
            if ("INACTIVE".equals(instance.status())) {
                continue;
            }
            int position = 0;
            for (Map.Entry<String, String> attribute : instance.attributes().entrySet()) {
                all.put(String.format("%019d/%05d", instance.sequence(), position++), Attribute.builder()
                        .name(attribute.getKey()).value(attribute.getValue())
                        .targetType("container-instance").targetId(instance.arn()).build());
            }
        }
        PageTokens.Page<Attribute> page = state.pageTokens().page("ListAttributes", all, request.nextToken(), size,
                attribute -> (request.attributeName() == null || request.attributeName().equals(attribute.name()))
                        && (request.attributeValue() == null || request.attributeValue().equals(attribute.value())),
                key -> key, key -> key);
        return ListAttributesResponse.builder().attributes(page.items()).nextToken(page.nextToken()).build();
    }

    /** The container instance each attribute names, in request order; an unknown one is TargetNotFoundException. */
    private static Map<ContainerInstanceEntry, List<Attribute>> targets(EcsState state, ClusterEntry cluster, List<Attribute> attributes) {
        Map<ContainerInstanceEntry, List<Attribute>> byTarget = new LinkedHashMap<>();
        for (Attribute attribute : attributes) {
            if (attribute.targetType() != null && !"container-instance".equals(attribute.targetTypeAsString())) {
                throw Errors.invalidParameter("Target type " + attribute.targetTypeAsString() + " is not supported.");
            }
            if (attribute.targetId() == null || attribute.targetId().isBlank()) {
                throw Errors.invalidParameter("A targetId must be specified for attribute " + attribute.name() + ".");
            }
            if (attribute.targetType() == null && !attribute.targetId().startsWith("arn:")) {
                // The model: targetType "is required if you use the short form ID"; ECS's wording is not known.
                throw Errors.invalidParameter("A targetType must be specified for attribute " + attribute.name()
                        + " when its targetId is not an ARN: " + attribute.targetId() + ".");
            }
            ContainerInstanceEntry instance = ContainerInstances.find(state, cluster, attribute.targetId())
                    .filter(found -> !"INACTIVE".equals(found.status()))
                    .orElseThrow(() -> new EcsError("TargetNotFoundException",
                            "Could not find the target " + attribute.targetId() + " in cluster " + cluster.name() + "."));
            byTarget.computeIfAbsent(instance, k -> new ArrayList<>()).add(attribute);
        }
        return byTarget;
    }

    private static void checkCount(List<Attribute> attributes) {
        if (attributes.isEmpty()) {
            throw Errors.invalidParameter("Attributes cannot be empty.");
        }
        if (attributes.size() > MAX_PER_CALL) {
            throw Errors.invalidParameter("attributes can have at most " + MAX_PER_CALL + " items.");
        }
    }

    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw Errors.invalidParameter("Attribute name " + name + " is not valid: it must be 1 to 128 letters, numbers, "
                    + "hyphens, underscores, slashes, back slashes or periods.");
        }
    }

    private static void checkValue(String value) {
        if (value != null && (!VALUE.matcher(value).matches() || value.startsWith(" ") || value.endsWith(" "))) {
            throw Errors.invalidParameter("Attribute value " + value + " is not valid: it must be 1 to 128 letters, numbers, "
                    + "hyphens, underscores, periods, at signs, slashes, back slashes, colons or spaces, and cannot "
                    + "start or end with a space.");
        }
    }

    static boolean isCustom(String name) {
        return !name.startsWith("ecs.") && !name.startsWith("com.amazonaws.ecs.");
    }

    static EcsError limitExceeded() {
        return new EcsError("AttributeLimitExceededException", "You can apply up to "
                + ContainerInstances.MAX_CUSTOM_ATTRIBUTES + " custom attributes for each resource.");
    }
}
