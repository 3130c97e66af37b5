package io.github.ecsmock.junit5.assertj;

import java.util.List;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;

/** The CreateService requests received. */
public final class CreateServiceRequestsAssert extends RequestsAssert<CreateServiceRequestsAssert, CreateServiceRequest> {

    CreateServiceRequestsAssert(List<CreateServiceRequest> requests, String journal) {
        super(requests, "CreateService", journal, CreateServiceRequestsAssert.class);
    }

    public CreateServiceRequestsAssert forService(String serviceName) {
        return matching("for service " + serviceName, r -> serviceName.equals(r.serviceName()));
    }

    public CreateServiceRequestsAssert withTaskDefinition(String taskDefinition) {
        return matching("with taskDefinition " + taskDefinition, r -> sameTaskDefinition(r.taskDefinition(), taskDefinition));
    }

    public CreateServiceRequestsAssert withDesiredCount(int desiredCount) {
        return matching("with desiredCount " + desiredCount, r -> r.desiredCount() != null && r.desiredCount() == desiredCount);
    }
}
