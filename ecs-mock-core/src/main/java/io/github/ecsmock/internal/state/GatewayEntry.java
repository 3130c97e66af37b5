package io.github.ecsmock.internal.state;

import java.time.Instant;
import software.amazon.awssdk.services.ecs.model.CreateGatewayRequest;
import software.amazon.awssdk.services.ecs.model.GatewayConfiguration;

/**
 * One gateway as the state keeps it: what CreateGateway and UpdateGateway set, and its status. The
 * load balancers a gateway manages exist only once a service uses it, which the mock never does, so
 * none are kept.
 */
public final class GatewayEntry {
    final long sequence;
    final String arn;
    final String name;
    final CreateGatewayRequest creation;
    final Instant createdAt;
    public String status = "ACTIVE";
    public String infrastructureRoleArn;
    public boolean deletionProtection;
    public GatewayConfiguration configuration;
    public String propagateTags;
    public Instant updatedAt;

    GatewayEntry(long sequence, String arn, CreateGatewayRequest creation, Instant createdAt) {
        this.sequence = sequence;
        this.arn = arn;
        this.name = creation.name();
        this.creation = creation;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.infrastructureRoleArn = creation.infrastructureRoleArn();
        this.deletionProtection = Boolean.TRUE.equals(creation.deletionProtection());
        this.configuration = creation.configuration();
        this.propagateTags = creation.propagateTags() == null ? "NONE" : creation.propagateTagsAsString();
    }

    public long sequence() {
        return sequence;
    }

    public String arn() {
        return arn;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Whether {@code request} repeats the CreateGateway that made this gateway, client token and all. */
    public boolean isCreatedBy(CreateGatewayRequest request) {
        return request.clientToken() != null && request.equals(creation);
    }

    /** PRIVATE for an internal load balancer scheme, else PUBLIC ({@code internet-facing} is ELB's default). */
    public String accessType() {
        return configuration != null && configuration.hostSharedAlb() != null
                && "internal".equals(configuration.hostSharedAlb().schemeAsString()) ? "PRIVATE" : "PUBLIC";
    }
}
