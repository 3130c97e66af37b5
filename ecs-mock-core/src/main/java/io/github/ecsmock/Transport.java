package io.github.ecsmock;

/** How a client the mock hands out reaches it. */
public enum Transport {
    /** Over loopback HTTP to the mock's endpoint, as any client outside the JVM does; the default. */
    HTTP,
    /**
     * Straight to the mock inside the JVM, without a socket: every SDK step (marshalling, signing,
     * unmarshalling, retries, waiters) still runs, only HTTP does not.
     */
    IN_MEMORY
}
