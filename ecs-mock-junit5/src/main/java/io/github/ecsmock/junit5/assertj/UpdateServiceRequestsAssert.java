package io.github.ecsmock.junit5.assertj;

import java.util.List;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

/** The UpdateService requests received. */
public final class UpdateServiceRequestsAssert extends RequestsAssert<UpdateServiceRequestsAssert, UpdateServiceRequest> {

    UpdateServiceRequestsAssert(List<UpdateServiceRequest> requests, String journal) {
        super(requests, "UpdateService", journal, UpdateServiceRequestsAssert.class);
    }

    public UpdateServiceRequestsAssert forService(String service) {
        return matching("for service " + service, r -> sameName(r.service(), service));
    }

    public UpdateServiceRequestsAssert withTaskDefinition(String taskDefinition) {
        return matching("with taskDefinition " + taskDefinition, r -> sameTaskDefinition(r.taskDefinition(), taskDefinition));
    }

    public UpdateServiceRequestsAssert withDesiredCount(int desiredCount) {
        return matching("with desiredCount " + desiredCount, r -> r.desiredCount() != null && r.desiredCount() == desiredCount);
    }

    public UpdateServiceRequestsAssert forcingNewDeployment() {
        return matching("forcing a new deployment", r -> Boolean.TRUE.equals(r.forceNewDeployment()));
    }
}
