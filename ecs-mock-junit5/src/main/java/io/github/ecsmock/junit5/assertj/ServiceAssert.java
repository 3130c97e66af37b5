package io.github.ecsmock.junit5.assertj;

import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

/** A service as the mock holds it: {@code hasService("workers").withDesiredCount(2).isStable()}. */
public final class ServiceAssert extends AbstractAssert<ServiceAssert, Service> {
    private final String cluster;

    ServiceAssert(Service service, String cluster) {
        super(service, ServiceAssert.class);
        this.cluster = cluster;
    }

    public ServiceAssert withDesiredCount(int expected) {
        if (actual.desiredCount() != expected) {
            fail("a desired count of " + expected, "a desired count of " + actual.desiredCount());
        }
        return this;
    }

    public ServiceAssert withRunningCount(int expected) {
        if (actual.runningCount() != expected) {
            fail("a running count of " + expected, "a running count of " + actual.runningCount());
        }
        return this;
    }

    /** The task definition as {@code family:revision} or ARN. */
    public ServiceAssert withTaskDefinition(String expected) {
        if (!RequestsAssert.sameTaskDefinition(actual.taskDefinition(), expected)) {
            fail("task definition " + expected, "task definition " + actual.taskDefinition());
        }
        return this;
    }

    public ServiceAssert isActive() {
        return hasStatus("ACTIVE");
    }

    public ServiceAssert isDraining() {
        return hasStatus("DRAINING");
    }

    public ServiceAssert isInactive() {
        return hasStatus("INACTIVE");
    }

    private ServiceAssert hasStatus(String status) {
        if (!status.equals(actual.status())) {
            fail("status " + status, "status " + actual.status());
        }
        return this;
    }

    /** Stable as the SDK's ServicesStable waiter sees it: one deployment, as many running as desired. */
    public ServiceAssert isStable() {
        if (!"ACTIVE".equals(actual.status()) || actual.deployments().size() != 1
                || !actual.runningCount().equals(actual.desiredCount())) {
            fail("to be stable (ACTIVE, one deployment, running count equal to the desired count)",
                    actual.status() + ", running " + actual.runningCount() + " of " + actual.desiredCount());
        }
        return this;
    }

    public ServiceAssert hasDeployments(int expected) {
        if (actual.deployments().size() != expected) {
            fail(expected + " deployment(s)", actual.deployments().size() + " deployment(s)");
        }
        return this;
    }

    /** The PRIMARY deployment's rollout state: IN_PROGRESS, COMPLETED or FAILED. */
    public ServiceAssert withRolloutState(String expected) {
        String state = actual.deployments().isEmpty() ? "no deployment" : actual.deployments().get(0).rolloutStateAsString();
        if (!expected.equals(state)) {
            fail("a PRIMARY deployment " + expected, "rollout state " + state);
        }
        return this;
    }

    /** An event whose message contains {@code text}. */
    public ServiceAssert hasEventContaining(String text) {
        if (actual.events().stream().noneMatch(event -> event.message().contains(text))) {
            fail("an event containing \"" + text + "\"", "no such event");
        }
        return this;
    }

    private void fail(String expected, String found) {
        failWithMessage("Expected service %s of cluster %s to have %s, but it has %s.%nDeployments:%s%nEvents, newest first:%s",
                actual.serviceName(), cluster, expected, found,
                actual.deployments().stream().map(ServiceAssert::describe).collect(Collectors.joining()),
                actual.events().stream().limit(10).map(ServiceEvent::message).map(m -> "\n  " + m).collect(Collectors.joining()));
    }

    private static String describe(Deployment deployment) {
        return "\n  " + deployment.id() + " " + deployment.status() + " " + deployment.rolloutStateAsString() + " "
                + deployment.taskDefinition() + " running " + deployment.runningCount() + "/" + deployment.desiredCount();
    }
}
