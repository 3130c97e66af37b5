package io.github.ecsmock.junit5;

/** When the extension forgets what the tests of a class put into the mock. */
public enum ResetMode {
    /**
     * Every test starts with an empty mock (its fixtures aside), its journal empty and its clock where it
     * started; the default. The reset comes before the first test too, so what a {@code @BeforeAll}
     * method makes is gone by then: shared resources belong in fixtures.
     */
    BEFORE_EACH,
    /** The state, the journal and the clock carry over from test to test within the class (and its {@code @Nested} classes). */
    NEVER
}
