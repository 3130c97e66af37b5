package io.github.ecsmock.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order scheduled work runs in: by time, and work of one time in the order it was scheduled. */
class TimelineTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final Timeline timeline = new Timeline();
    private final List<String> ran = new ArrayList<>();

    @Test
    void dueWorkRunsByTimeThenInTheOrderItWasScheduled() {
        timeline.at(T0.plusSeconds(2), () -> ran.add("b1"));
        timeline.at(T0.plusSeconds(1), () -> ran.add("a1"));
        timeline.at(T0.plusSeconds(2), () -> ran.add("b2"));
        timeline.at(T0.plusSeconds(1), () -> ran.add("a2"));
        timeline.at(T0.plusSeconds(3), () -> ran.add("c"));

        timeline.runDue(T0.plusSeconds(2));

        assertThat(ran).containsExactly("a1", "a2", "b1", "b2");
        assertThat(timeline.size()).isEqualTo(1);
    }

    @Test
    void workScheduledByDueWorkRunsInTurnAtTheTimeItWasDue() {
        List<Instant> times = new ArrayList<>();
        timeline.at(T0, () -> {
            ran.add("first");
            times.add(timeline.current());
            timeline.at(T0, () -> ran.add("same time, scheduled later"));
            timeline.at(T0.minusSeconds(1), () -> {
                ran.add("earlier time");
                times.add(timeline.current());
            });
        });
        timeline.at(T0, () -> ran.add("second"));

        timeline.runDue(T0.plusSeconds(10));

        assertThat(ran).containsExactly("first", "earlier time", "second", "same time, scheduled later");
        assertThat(times).containsExactly(T0, T0.minusSeconds(1));
        assertThat(timeline.size()).isZero();
        assertThat(timeline.current()).isNull();
    }
}
