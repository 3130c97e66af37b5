package io.github.ecsmock;

import io.github.ecsmock.internal.state.Faults;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Makes calls of one operation take time on the mock's clock: the clock advances by the delay before
 * the call is answered, so whatever falls due meanwhile has happened. No thread sleeps.
 * {@code mock.delayNext("DescribeTasks").times(3).by(Duration.ofSeconds(2))}.
 */
public final class DelayInjection {
    private final Faults faults;
    private final String operation;
    private int times = 1;
    private Predicate<Object> matching = request -> true;

    DelayInjection(Faults faults, String operation) {
        this.faults = faults;
        this.operation = Objects.requireNonNull(operation, "operation");
    }

    public DelayInjection times(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        this.times = times;
        return this;
    }

    public DelayInjection always() {
        this.times = -1;
        return this;
    }

    public <T extends SdkPojo> DelayInjection matching(Class<T> type, Predicate<? super T> condition) {
        this.matching = request -> type.isInstance(request) && condition.test(type.cast(request));
        return this;
    }

    public void by(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("A delay cannot be negative: " + delay);
        }
        faults.delayNext(operation, times, matching, delay);
    }
}
