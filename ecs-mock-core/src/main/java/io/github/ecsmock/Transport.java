package io.github.ecsmock;

/** How a client the mock hands out reaches it. */
public enum Transport {
    /**
     * Over loopback HTTP to the mock's endpoint, as any client outside the JVM does; the default of
     * {@code EcsMock.newClient()}. Making such a client starts the mock's HTTP server if it is not running.
     */
    HTTP,
    /**
     * Straight to the mock inside the JVM, without a socket: every SDK step (marshalling, signing,
     * unmarshalling, retries, waiters) still runs, only HTTP does not. The default of the clients the
     * JUnit extension injects.
     */
    IN_MEMORY
}
