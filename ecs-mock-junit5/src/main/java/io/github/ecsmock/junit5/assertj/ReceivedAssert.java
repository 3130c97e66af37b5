package io.github.ecsmock.junit5.assertj;

import io.github.ecsmock.EcsMock;
import org.assertj.core.api.AbstractAssert;

/** How many times the mock received an operation. */
public final class ReceivedAssert extends AbstractAssert<ReceivedAssert, EcsMock> {
    private final String operation;

    ReceivedAssert(EcsMock mock, String operation) {
        super(mock, ReceivedAssert.class);
        this.operation = operation;
    }

    public ReceivedAssert times(int expected) {
        int count = actual.journal().count(operation);
        if (count != expected) {
            fail("exactly " + timesText(expected), count);
        }
        return this;
    }

    public ReceivedAssert once() {
        return times(1);
    }

    public ReceivedAssert never() {
        return times(0);
    }

    public ReceivedAssert atLeast(int expected) {
        int count = actual.journal().count(operation);
        if (count < expected) {
            fail("at least " + timesText(expected), count);
        }
        return this;
    }

    public ReceivedAssert atMost(int expected) {
        int count = actual.journal().count(operation);
        if (count > expected) {
            fail("at most " + timesText(expected), count);
        }
        return this;
    }

    private void fail(String expected, int count) {
        failWithMessage("Expected %s to have been received %s, but it was received %s.%n%s",
                operation, expected, timesText(count), EcsMockAssert.journalSummary(actual));
    }

    private static String timesText(int count) {
        return count == 1 ? "1 time" : count + " times";
    }
}
