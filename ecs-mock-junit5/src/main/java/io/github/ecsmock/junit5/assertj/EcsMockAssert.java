package io.github.ecsmock.junit5.assertj;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.RecordedRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

/** Assertions on a whole mock: the requests in its journal, and its clusters (default account and region). */
public final class EcsMockAssert extends AbstractAssert<EcsMockAssert, EcsMock> {

    EcsMockAssert(EcsMock mock) {
        super(mock, EcsMockAssert.class);
        isNotNull();
    }

    /** How often an operation was received: {@code received("RunTask").times(2)}. */
    public ReceivedAssert received(String operation) {
        return new ReceivedAssert(actual, operation);
    }

    /** That an operation was never received. */
    public EcsMockAssert didNotReceive(String operation) {
        received(operation).never();
        return this;
    }

    /** The RunTask requests received, to narrow down with {@code with...}; at least one must match. */
    public RunTaskRequestsAssert receivedRunTask() {
        return new RunTaskRequestsAssert(actual.journal().requests(RunTaskRequest.class), journalSummary(actual));
    }

    public CreateServiceRequestsAssert receivedCreateService() {
        return new CreateServiceRequestsAssert(actual.journal().requests(CreateServiceRequest.class), journalSummary(actual));
    }

    public UpdateServiceRequestsAssert receivedUpdateService() {
        return new UpdateServiceRequestsAssert(actual.journal().requests(UpdateServiceRequest.class), journalSummary(actual));
    }

    public StopTaskRequestsAssert receivedStopTask() {
        return new StopTaskRequestsAssert(actual.journal().requests(StopTaskRequest.class), journalSummary(actual));
    }

    /** A cluster of the default account and region, by name or ARN. */
    public ClusterAssert cluster(String name) {
        return new ClusterAssert(actual, name);
    }

    /** The journal as a failure message shows it: one line a request, oldest first. */
    static String journalSummary(EcsMock mock) {
        List<RecordedRequest> all = mock.journal().all();
        if (all.isEmpty()) {
            return "The mock received no request.";
        }
        return "Requests received, oldest first:" + all.stream()
                .map(request -> "\n  " + request.operation() + " -> " + request.status()
                        + (request.errorCode() == null ? "" : " " + request.errorCode()) + " " + shorten(request.body()))
                .collect(Collectors.joining());
    }

    static String shorten(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
