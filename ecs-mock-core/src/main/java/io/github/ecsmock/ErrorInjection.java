package io.github.ecsmock;

import io.github.ecsmock.internal.state.Faults;
import java.util.Objects;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Makes calls of one operation fail: {@code mock.failNext("RunTask").times(2).withThrottling()}. The
 * rule takes effect when one of the {@code with...} methods is called and is used up by the calls it
 * answers. An injected error is answered before the operation runs, so it changes nothing.
 */
public final class ErrorInjection {
    private final Faults faults;
    private final String operation;
    private int times = 1;
    private Predicate<Object> matching = request -> true;

    ErrorInjection(Faults faults, String operation) {
        this.faults = faults;
        this.operation = Objects.requireNonNull(operation, "operation");
    }

    /** How many calls fail; default 1. */
    public ErrorInjection times(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        this.times = times;
        return this;
    }

    /** Every call fails until {@link EcsMock#clearFaults()} or a reset. */
    public ErrorInjection always() {
        this.times = -1;
        return this;
    }

    /** Only calls whose request matches fail, e.g. {@code matching(RunTaskRequest.class, r -> r.count() > 1)}. */
    public <T extends SdkPojo> ErrorInjection matching(Class<T> type, Predicate<? super T> condition) {
        this.matching = request -> type.isInstance(request) && condition.test(type.cast(request));
        return this;
    }

    /** AWS's throttling answer, {@code ThrottlingException} "Rate exceeded" (400), which the SDK retries. */
    public void withThrottling() {
        withError("ThrottlingException", 400, "Rate exceeded");
    }

    /** ECS's server-side failure, {@code ServerException} (500), which the SDK retries. */
    public void withServerError() {
        withError("ServerException", 500, "Service Unavailable. Please try again later.");
    }

    /** Any ECS error code with HTTP 400, e.g. {@code withError("ClusterNotFoundException", "Cluster not found.")}. */
    public void withError(String code, String message) {
        withError(code, 400, message);
    }

    public void withError(String code, int status, String message) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("An error status is 4xx or 5xx: " + status);
        }
        faults.failNext(operation, times, matching,
                new Faults.InjectedError(Objects.requireNonNull(code, "code"), status, Objects.requireNonNull(message, "message")));
    }
}
