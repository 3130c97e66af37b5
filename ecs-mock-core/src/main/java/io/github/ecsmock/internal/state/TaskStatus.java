package io.github.ecsmock.internal.state;

import java.util.List;

/**
 * The statuses a task walks, in ECS's order. Tasks in {@code awsvpc} mode add the network steps
 * PROVISIONING (the ENI is created) and DEPROVISIONING (it is removed).
 */
public final class TaskStatus {
    public static final String PROVISIONING = "PROVISIONING";
    public static final String PENDING = "PENDING";
    public static final String ACTIVATING = "ACTIVATING";
    public static final String RUNNING = "RUNNING";
    public static final String DEACTIVATING = "DEACTIVATING";
    public static final String STOPPING = "STOPPING";
    public static final String DEPROVISIONING = "DEPROVISIONING";
    public static final String STOPPED = "STOPPED";

    private static final List<String> AWSVPC_START = List.of(PROVISIONING, PENDING, ACTIVATING, RUNNING);
    private static final List<String> START = List.of(PENDING, ACTIVATING, RUNNING);
    private static final List<String> AWSVPC_STOP_STARTED = List.of(DEACTIVATING, STOPPING, DEPROVISIONING, STOPPED);
    private static final List<String> STOP_STARTED = List.of(DEACTIVATING, STOPPING, STOPPED);
    private static final List<String> AWSVPC_STOP = List.of(STOPPING, DEPROVISIONING, STOPPED);
    private static final List<String> STOP = List.of(STOPPING, STOPPED);

    private TaskStatus() {
    }

    /** The statuses from launch to RUNNING. */
    static List<String> startPath(boolean awsvpc) {
        return awsvpc ? AWSVPC_START : START;
    }

    /** The statuses from a stop request to STOPPED, for a task that has reached {@code from}. */
    static List<String> stopPath(boolean awsvpc, String from) {
        boolean started = from.equals(ACTIVATING) || from.equals(RUNNING);
        if (started) {
            return awsvpc ? AWSVPC_STOP_STARTED : STOP_STARTED;
        }
        return awsvpc ? AWSVPC_STOP : STOP;
    }

    /** Whether a task in this status has reached STOPPING or a later status: its containers are being stopped or are. */
    static boolean isStoppingOrLater(String status) {
        return status.equals(STOPPING) || status.equals(DEPROVISIONING) || status.equals(STOPPED);
    }

    /** Whether a task in this status counts as pending: on its way to RUNNING. */
    public static boolean isPending(String status) {
        return status.equals(PROVISIONING) || status.equals(PENDING) || status.equals(ACTIVATING);
    }
}
