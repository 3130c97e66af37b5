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

    private TaskStatus() {
    }

    /** The statuses from launch to RUNNING. */
    static List<String> startPath(boolean awsvpc) {
        return awsvpc ? List.of(PROVISIONING, PENDING, ACTIVATING, RUNNING) : List.of(PENDING, ACTIVATING, RUNNING);
    }

    /** The statuses from a stop request to STOPPED, for a task that has reached {@code from}. */
    static List<String> stopPath(boolean awsvpc, String from) {
        boolean started = from.equals(ACTIVATING) || from.equals(RUNNING);
        if (started) {
            return awsvpc ? List.of(DEACTIVATING, STOPPING, DEPROVISIONING, STOPPED) : List.of(DEACTIVATING, STOPPING, STOPPED);
        }
        return awsvpc ? List.of(STOPPING, DEPROVISIONING, STOPPED) : List.of(STOPPING, STOPPED);
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
