package io.github.ecsmock.junit5;

/** When the extension forgets what the tests of a class put into the mock. */
public enum ResetMode {
    /** Every test starts with an empty mock; the default. */
    BEFORE_EACH,
    /** The state carries over from test to test within the class (and its {@code @Nested} classes). */
    NEVER
}
