package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.arn.Arns;
import io.github.ecsmock.internal.errors.EcsError;
import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.state.ClusterEntry;
import io.github.ecsmock.internal.state.DaemonEntry;
import io.github.ecsmock.internal.state.EcsState;
import io.github.ecsmock.internal.state.TaskDefinitionRegistry;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.ecs.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TagResourceRequest;
import software.amazon.awssdk.services.ecs.model.TagResourceResponse;
import software.amazon.awssdk.services.ecs.model.UntagResourceRequest;
import software.amazon.awssdk.services.ecs.model.UntagResourceResponse;

/**
 * TagResource, UntagResource and ListTagsForResource, for every resource that can carry tags.
 *
 * <p>What ECS answers for a well-formed ARN of a resource that never existed is not settled by any
 * capture: the model lists {@code ResourceNotFoundException} for TagResource and UntagResource but
 * not for ListTagsForResource. We answer {@code ClusterNotFoundException} when the ARN's cluster is
 * missing, {@code ResourceNotFoundException} for Tag and Untag, and {@code InvalidParameterException}
 * for List, all in {@link #notFound}.
 */
public final class Tags {

    public TagResourceResponse tagResource(EcsState state, TagResourceRequest request) {
        String arn = resolve(state, request.resourceArn(), false);
        if (!request.hasTags()) {
            throw Errors.missingMember("tags");
        }
        request.tags().forEach(TagRules::check);
        // Tags AWS sets (aws:ecs:clusterName and the like) do not count against the limit (the model's Tag shape).
        if (state.tags().countAfterAdding(arn, request.tags(), key -> !TagRules.isReserved(key)) > TagRules.MAX_TAGS) {
            throw TagRules.tooMany();
        }
        state.tags().add(arn, request.tags());
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(EcsState state, UntagResourceRequest request) {
        String arn = resolve(state, request.resourceArn(), false);
        if (!request.hasTagKeys()) {
            throw Errors.missingMember("tagKeys");
        }
        for (String key : request.tagKeys()) {
            // The tags ECS manages (aws:ecs:clusterName, aws:cloudformation:...) can be neither edited nor
            // deleted (the model's Tag); code that makes a resource's tags match a set must leave them be.
            if (key != null && TagRules.isReserved(key)) {
                throw Errors.invalidParameter("The 'aws:' prefix is reserved for AWS use and cannot be used in tag keys or "
                        + "values: " + key + ".");
            }
        }
        state.tags().remove(arn, request.tagKeys());
        return UntagResourceResponse.builder().build();
    }

    public ListTagsForResourceResponse listTagsForResource(EcsState state, ListTagsForResourceRequest request) {
        String arn = resolve(state, request.resourceArn(), true);
        List<Tag> tags = state.tags().tagsOf(arn);
        return ListTagsForResourceResponse.builder().tags(tags).build();
    }

    /** The ARN of an existing taggable resource, or the error ECS gives for it. */
    private String resolve(EcsState state, String arn, boolean listing) {
        if (arn == null || arn.isEmpty()) {
            throw Errors.missingMember("resourceArn");
        }
        String[] parts = arn.split(":", 6);
        if (!Arns.looksLikeArn(arn) || !parts[2].equals("ecs") || parts[5].indexOf('/') < 1) {
            throw invalidArn();
        }
        String resource = state.arns().resourceOf(arn).orElse(null);
        if (resource == null) {
            // An ECS ARN of another account or region: nothing of that name exists here.
            throw notFound(listing);
        }
        String type = resource.substring(0, resource.indexOf('/'));
        String rest = resource.substring(type.length() + 1);
        switch (type) {
            case "cluster": {
                ClusterEntry cluster = state.clusters().byName(rest).orElseThrow(Errors::clusterNotFound);
                if (!cluster.isActive()) {
                    throw inactiveCluster();
                }
                return arn;
            }
            case "task-definition": {
                TaskDefinitionRegistry.Key key;
                try {
                    key = TaskDefinitionRegistry.Key.parse(rest);
                } catch (RuntimeException e) {
                    throw invalidArn();
                }
                return state.taskDefinitions().get(key.family(), key.revision())
                        .map(definition -> arn)
                        .orElseThrow(() -> notFound(listing));
            }
            case "service":
            case "task": {
                refuseShortFormat(rest);
                ClusterEntry cluster = activeClusterOf(state, rest);
                String name = rest.substring(rest.indexOf('/') + 1);
                boolean exists = type.equals("service")
                        ? state.services().byName(cluster.arn(), name).filter(service -> !"INACTIVE".equals(service.status())).isPresent()
                        : state.tasks().byId(name).filter(task -> task.clusterArn().equals(cluster.arn())).isPresent();
                if (!exists) {
                    throw notFound(listing);
                }
                return arn;
            }
            case "container-instance": {
                refuseShortFormat(rest);
                ClusterEntry cluster = activeClusterOf(state, rest);
                String id = rest.substring(rest.indexOf('/') + 1);
                if (state.containerInstances().byArn(state.arns().containerInstance(cluster.name(), id))
                        .filter(instance -> !"INACTIVE".equals(instance.status())).isEmpty()) {
                    throw notFound(listing);
                }
                return arn;
            }
            case "task-set": {
                activeClusterOf(state, rest);
                return state.taskSetLifecycle().taskSetByArn(arn).map(taskSet -> arn).orElseThrow(() -> notFound(listing));
            }
            case "gateway":
                if (state.gateways().byName(rest).isEmpty()) {
                    throw notFound(listing);
                }
                return arn;
            case "capacity-provider": {
                // Auto Scaling group providers carry tags until they are gone; the built-in FARGATE and
                // FARGATE_SPOT are not the account's resources and are treated as not found (not verified).
                if (rest.indexOf('/') >= 0) {
                    throw invalidArn();
                }
                return state.capacityProviders().byName(rest)
                        .filter(provider -> !provider.isInactive())
                        .map(provider -> arn)
                        .orElseThrow(() -> notFound(listing));
            }
            case "daemon-task-definition": {
                TaskDefinitionRegistry.Key key;
                try {
                    key = TaskDefinitionRegistry.Key.parse(rest);
                } catch (RuntimeException e) {
                    throw invalidArn();
                }
                return state.daemonTaskDefinitions().get(key.family(), key.revision())
                        .map(definition -> arn)
                        .orElseThrow(() -> notFound(listing));
            }
            case "daemon": {
                activeClusterOf(state, rest);
                return state.daemons().byArn(arn).filter(DaemonEntry::isActive).map(DaemonEntry::arn)
                        .orElseThrow(() -> notFound(listing));
            }
            default:
                throw invalidArn();
        }
    }

    /**
     * Services, tasks and container instances once had ARNs without their cluster
     * ({@code service/web}); ECS refuses to tag by those (ECS-EXAMPLES.md, section 8, fact 4).
     */
    private static void refuseShortFormat(String rest) {
        if (!rest.isEmpty() && rest.indexOf('/') < 0) {
            throw Errors.invalidParameter("Long arn format must be used for tagging operations");
        }
    }

    /** The cluster part of a {@code <cluster>/<name>} resource, which must be ACTIVE. */
    private static ClusterEntry activeClusterOf(EcsState state, String rest) {
        if (rest.indexOf('/') < 1) {
            throw invalidArn();
        }
        ClusterEntry cluster = state.clusters().byName(rest.substring(0, rest.indexOf('/'))).orElseThrow(Errors::clusterNotFound);
        if (!cluster.isActive()) {
            throw inactiveCluster();
        }
        return cluster;
    }

    private static EcsError invalidArn() {
        return Errors.invalidParameter("The ARN provided is invalid.");
    }

    private static EcsError inactiveCluster() {
        return Errors.invalidParameter("The specified cluster is inactive. Specify an active cluster and try again.");
    }

    private static EcsError notFound(boolean listing) {
        return listing ? Errors.invalidParameter("The specified resource could not be found.") : Errors.resourceNotFound();
    }
}
