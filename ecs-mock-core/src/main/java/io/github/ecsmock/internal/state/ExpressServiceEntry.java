package io.github.ecsmock.internal.state;

import java.time.Instant;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceConfiguration;

/**
 * An Express Gateway service: the ECS service that runs it (an ordinary service of its cluster, which
 * DescribeServices and ListServices show) and what only the Express API knows of it: the
 * infrastructure role, the configuration of its current revision and its endpoint. Its status is the
 * service's.
 */
public final class ExpressServiceEntry {
    final ServiceEntry service;
    public final String infrastructureRoleArn;
    public final String endpoint;
    public ExpressGatewayServiceConfiguration configuration;
    public String currentDeployment;
    public Instant updatedAt;

    ExpressServiceEntry(ServiceEntry service, String infrastructureRoleArn, String endpoint,
                        ExpressGatewayServiceConfiguration configuration, String currentDeployment, Instant createdAt) {
        this.service = service;
        this.infrastructureRoleArn = infrastructureRoleArn;
        this.endpoint = endpoint;
        this.configuration = configuration;
        this.currentDeployment = currentDeployment;
        this.updatedAt = createdAt;
    }

    public ServiceEntry service() {
        return service;
    }
}
