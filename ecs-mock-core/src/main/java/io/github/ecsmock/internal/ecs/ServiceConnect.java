package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.errors.EcsError;
import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.paging.PageTokens;
import io.github.ecsmock.internal.state.ClusterEntry;
import io.github.ecsmock.internal.state.DeploymentEntry;
import io.github.ecsmock.internal.state.EcsState;
import io.github.ecsmock.internal.state.ServiceEntry;
import java.util.NavigableMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.ecs.model.ClusterServiceConnectDefaults;
import software.amazon.awssdk.services.ecs.model.ListServicesByNamespaceRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesByNamespaceResponse;
import software.amazon.awssdk.services.ecs.model.ServiceConnectConfiguration;

/**
 * Service Connect: which namespace a service's deployment joins, and ListServicesByNamespace, which
 * lists the services of a namespace across all clusters of the account and region.
 *
 * <p>A namespace is known once a cluster's {@code serviceConnectDefaults} or a service's
 * {@code serviceConnectConfiguration} named it (the mock has no Cloud Map to ask); listing any other
 * namespace is {@code NamespaceNotFoundException}, as ECS answers for a namespace Cloud Map lacks.
 */
public final class ServiceConnect {
    /** The model's description of NamespaceNotFoundException; ECS's own message is not captured (unverified). */
    static final String NAMESPACE_NOT_FOUND = "The specified namespace wasn't found.";
    /** Unverified wording, in ECS's style: enabled without a namespace of its own or a cluster default. */
    static final String NO_NAMESPACE = "Service Connect namespace must be specified when the cluster has no default "
            + "Service Connect namespace.";

    /**
     * The configuration a deployment runs with: as given, with the namespace resolved to its ARN. An
     * enabled configuration without a namespace joins the cluster's default namespace, as ECS documents
     * for {@code serviceConnectDefaults}.
     */
    static ServiceConnectConfiguration resolve(EcsState state, ClusterEntry cluster, ServiceConnectConfiguration given) {
        if (given == null || !Boolean.TRUE.equals(given.enabled())) {
            return given;
        }
        String namespace = given.namespace();
        if (namespace == null || namespace.isEmpty()) {
            ClusterServiceConnectDefaults defaults = cluster.cluster().serviceConnectDefaults();
            namespace = defaults == null ? null : defaults.namespace();
        }
        if (namespace == null || namespace.isEmpty()) {
            throw Errors.invalidParameter(NO_NAMESPACE);
        }
        return given.toBuilder().namespace(state.namespaceArn(namespace)).build();
    }

    public ListServicesByNamespaceResponse listServicesByNamespace(EcsState state, ListServicesByNamespaceRequest request) {
        if (request.namespace() == null || request.namespace().isEmpty()) {
            throw Errors.missingMember("namespace");
        }
        int size = PageTokens.pageSize(request.maxResults(), 10, 100);
        String namespace = state.namespaces().find(request.namespace())
                .orElseThrow(() -> new EcsError("NamespaceNotFoundException", NAMESPACE_NOT_FOUND));
        // Every service of every cluster in creation order (sequences are unique across the state).
        NavigableMap<Long, ServiceEntry> all = new TreeMap<>();
        for (ClusterEntry cluster : state.clusters().inOrder().values()) {
            state.services().inOrder(cluster.arn()).values().forEach(service -> all.put(service.sequence(), service));
        }
        PageTokens.Page<ServiceEntry> page = state.pageTokens().page("ListServicesByNamespace", all, request.nextToken(), size,
                service -> !"INACTIVE".equals(service.status()) && namespace.equals(namespaceOf(service)),
                String::valueOf, Long::valueOf);
        return ListServicesByNamespaceResponse.builder()
                .serviceArns(page.items().stream().map(ServiceEntry::arn).toList())
                .nextToken(page.nextToken())
                .build();
    }

    /** The namespace ARN the service's PRIMARY deployment is in, or null when it does not use Service Connect. */
    private static String namespaceOf(ServiceEntry service) {
        if (service.deployments().isEmpty()) {
            return null;
        }
        DeploymentEntry primary = service.primary();
        ServiceConnectConfiguration configuration = primary.serviceConnectConfiguration();
        return configuration != null && Boolean.TRUE.equals(configuration.enabled()) ? configuration.namespace() : null;
    }
}
