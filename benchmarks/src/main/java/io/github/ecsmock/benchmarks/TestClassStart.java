package io.github.ecsmock.benchmarks;

import io.github.ecsmock.Transport;
import io.github.ecsmock.junit5.internal.MockResource;
import io.github.ecsmock.junit5.internal.MockSettings;

/**
 * What a test class pays before its first test's first answer: the JUnit extension's own start of a
 * mock with its settings, the injected client, and that client's first call. Measured through the
 * extension's code, so that the figure follows what the extension does rather than a copy of it.
 */
final class TestClassStart {
    private TestClassStart() {
    }

    /** The extension's defaults, or the same over {@code transport}. */
    static MockSettings settings(Transport transport) {
        return MockSettings.DEFAULTS.withTransport(transport);
    }

    /**
     * Starts a test class's mock and answers its injected client's first call; returns the nanoseconds
     * that took. Then closes both, as JUnit would, outside the time.
     */
    static long startAndFirstCall(MockSettings settings) {
        long began = System.nanoTime();
        try (MockResource resource = MockResource.start(settings)) {
            resource.client().describeClusters();
            return System.nanoTime() - began;
        } catch (Exception e) {
            throw new IllegalStateException("Closing the mock failed", e);
        }
    }
}
