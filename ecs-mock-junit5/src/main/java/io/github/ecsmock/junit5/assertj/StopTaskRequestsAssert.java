package io.github.ecsmock.junit5.assertj;

import java.util.List;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;

/** The StopTask requests received. */
public final class StopTaskRequestsAssert extends RequestsAssert<StopTaskRequestsAssert, StopTaskRequest> {

    StopTaskRequestsAssert(List<StopTaskRequest> requests, String journal) {
        super(requests, "StopTask", journal, StopTaskRequestsAssert.class);
    }

    /** The task as id or ARN. */
    public StopTaskRequestsAssert forTask(String task) {
        return matching("for task " + task, r -> sameName(r.task(), task) || sameName(task, r.task()));
    }

    public StopTaskRequestsAssert withReason(String reason) {
        return matching("with reason \"" + reason + "\"", r -> reason.equals(r.reason()));
    }
}
