package io.github.ecsmock;

import io.github.ecsmock.internal.state.Faults;
import java.util.function.Predicate;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;

/**
 * Makes RunTask place fewer tasks than asked and report the rest in {@code failures}, as ECS does
 * when capacity runs short: {@code mock.failPlacement().times(2).placing(1).withReason("RESOURCE:MEMORY")}.
 */
public final class PlacementFailure {
    private final Faults faults;
    private int times = 1;
    private int placing;
    private Predicate<Object> matching = request -> true;

    PlacementFailure(Faults faults) {
        this.faults = faults;
    }

    /** How many RunTask calls are cut short; default 1. */
    public PlacementFailure times(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        this.times = times;
        return this;
    }

    public PlacementFailure always() {
        this.times = -1;
        return this;
    }

    /** Only RunTask calls that match are cut short. */
    public PlacementFailure matching(Predicate<? super RunTaskRequest> condition) {
        this.matching = request -> request instanceof RunTaskRequest runTask && condition.test(runTask);
        return this;
    }

    /** How many tasks each call still places; default 0. */
    public PlacementFailure placing(int tasks) {
        if (tasks < 0) {
            throw new IllegalArgumentException("tasks cannot be negative: " + tasks);
        }
        this.placing = tasks;
        return this;
    }

    /** The reason of each failure, e.g. {@code RESOURCE:MEMORY}, {@code RESOURCE:CPU}, {@code AGENT}. */
    public void withReason(String reason) {
        faults.limitPlacement(times, matching, new Faults.PlacementLimit(placing, reason));
    }
}
