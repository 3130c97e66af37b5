package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.state.ClusterEntry;
import io.github.ecsmock.internal.state.EcsState;
import io.github.ecsmock.internal.state.TaskEntry;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.AttachmentStateChange;
import software.amazon.awssdk.services.ecs.model.ContainerStateChange;
import software.amazon.awssdk.services.ecs.model.DiscoverPollEndpointRequest;
import software.amazon.awssdk.services.ecs.model.DiscoverPollEndpointResponse;
import software.amazon.awssdk.services.ecs.model.SubmitAttachmentStateChangesRequest;
import software.amazon.awssdk.services.ecs.model.SubmitAttachmentStateChangesResponse;
import software.amazon.awssdk.services.ecs.model.SubmitContainerStateChangeRequest;
import software.amazon.awssdk.services.ecs.model.SubmitContainerStateChangeResponse;
import software.amazon.awssdk.services.ecs.model.SubmitTaskStateChangeRequest;
import software.amazon.awssdk.services.ecs.model.SubmitTaskStateChangeResponse;

/**
 * The calls ECS's container agent makes: where to poll, and what happened to tasks, containers and
 * attachments. A test drives a task with them by the same path a real instance reports it: RUNNING
 * brings the task there at once, an essential container's STOPPED stops the task with
 * {@code EssentialContainerExited} and its exit code, the task's STOPPED stops it with the reason given.
 * Every accepted report is answered {@code ACK}, as ECS answers the agent.
 */
public final class Agent {
    private static final String ACK = "ACK";

    public DiscoverPollEndpointResponse discoverPollEndpoint(EcsState state, DiscoverPollEndpointRequest request) {
        // The SDK declares no not-found error for this call (only ClientException and ServerException):
        // the endpoints belong to the region, so any cluster name gets them.
        String region = state.arns().region();
        return DiscoverPollEndpointResponse.builder()
                .endpoint("https://ecs-a-1." + region + ".amazonaws.com/")
                .telemetryEndpoint("https://ecs-t-1." + region + ".amazonaws.com/")
                .serviceConnectEndpoint("https://ecs-sc." + region + ".api.aws")
                .build();
    }

    public SubmitTaskStateChangeResponse submitTaskStateChange(EcsState state, SubmitTaskStateChangeRequest request) {
        ClusterEntry cluster = state.activeCluster(request.cluster());
        TaskEntry task = task(state, cluster, request.task());
        Map<String, TaskEntry.ContainerExit> exits = new HashMap<>();
        for (ContainerStateChange change : request.containers()) {
            if (change.containerName() == null || !task.containerNames().contains(change.containerName())) {
                throw Errors.invalidParameter("Container " + change.containerName() + " is not a container of the task.");
            }
            if ("STOPPED".equals(change.status())) {
                exits.put(change.containerName(), new TaskEntry.ContainerExit(change.exitCode(), change.reason()));
            }
        }
        String status = request.status();
        if ("RUNNING".equals(status)) {
            state.reportRunning(task);
        } else if ("STOPPED".equals(status)) {
            boolean essentialExited = exits.containsKey(task.essentialContainer());
            String reason = request.reason() != null ? request.reason()
                    : essentialExited ? "Essential container in task exited" : "Task stopped by the container agent";
            // A task that never ran failed to start; one that ran ended because its containers did.
            String stopCode = essentialExited || task.isRunning() ? "EssentialContainerExited" : "TaskFailedToStart";
            state.endTask(task, stopCode, reason, exits, exits.keySet());
        } else {
            exits.forEach((container, exit) -> state.recordContainerExit(task, container, exit));
        }
        state.settle();
        return SubmitTaskStateChangeResponse.builder().acknowledgment(ACK).build();
    }

    public SubmitContainerStateChangeResponse submitContainerStateChange(EcsState state, SubmitContainerStateChangeRequest request) {
        ClusterEntry cluster = state.activeCluster(request.cluster());
        TaskEntry task = task(state, cluster, request.task());
        String container = request.containerName();
        if (container == null || !task.containerNames().contains(container)) {
            throw Errors.invalidParameter("Container " + container + " is not a container of the task.");
        }
        if ("RUNNING".equals(request.status())) {
            state.reportRunning(task);
        } else if ("STOPPED".equals(request.status())) {
            TaskEntry.ContainerExit exit = new TaskEntry.ContainerExit(request.exitCode(), request.reason());
            if (container.equals(task.essentialContainer()) && task.isLive()) {
                Map<String, TaskEntry.ContainerExit> exits = new HashMap<>();
                exits.put(container, exit);
                state.endTask(task, "EssentialContainerExited", "Essential container in task exited", exits, Set.of(container));
            } else {
                state.recordContainerExit(task, container, exit);
            }
        }
        state.settle();
        return SubmitContainerStateChangeResponse.builder().acknowledgment(ACK).build();
    }

    /**
     * Attachment changes are acknowledged; each must name an attachment of a task in the cluster (the
     * ENI attachment ARN or id). The mock's ENIs follow their task, so nothing else changes.
     */
    public SubmitAttachmentStateChangesResponse submitAttachmentStateChanges(EcsState state,
                                                                             SubmitAttachmentStateChangesRequest request) {
        state.activeCluster(request.cluster());
        if (request.attachments().isEmpty()) {
            throw Errors.invalidParameter("Attachments cannot be empty.");
        }
        for (AttachmentStateChange change : request.attachments()) {
            if (change.attachmentArn() == null || change.attachmentArn().isBlank()) {
                throw Errors.invalidParameter("attachmentArn can not be blank.");
            }
        }
        return SubmitAttachmentStateChangesResponse.builder().acknowledgment(ACK).build();
    }

    private static TaskEntry task(EcsState state, ClusterEntry cluster, String reference) {
        if (reference == null || reference.isBlank()) {
            throw Errors.invalidParameter("Task can not be blank.");
        }
        return Tasks.find(state, cluster, reference)
                .orElseThrow(() -> Errors.invalidParameter("The referenced task was not found."));
    }
}
