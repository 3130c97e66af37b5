package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.errors.EcsError;
import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.state.ClusterEntry;
import io.github.ecsmock.internal.state.EcsState;
import io.github.ecsmock.internal.state.TaskEntry;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import software.amazon.awssdk.services.ecs.model.ExecuteCommandRequest;
import software.amazon.awssdk.services.ecs.model.ExecuteCommandResponse;
import software.amazon.awssdk.services.ecs.model.Session;

/**
 * ExecuteCommand (ECS Exec): the mock runs nothing, it answers as ECS does when it opens a Session
 * Manager session to a container of a RUNNING task launched with {@code enableExecuteCommand}, so
 * code that calls ExecuteCommand and reads the session can be tested. Sessions are not kept.
 */
public final class EcsExec {
    /** ECS's text, as the AWS CLI prints it in many reports (e.g. aws-containers' ecs-exec-checker users). */
    static final String NOT_ENABLED = "The execute command failed because execute command was not enabled when the task "
            + "was run or the execute command agent isn't running. Wait and try again or run a new task with execute "
            + "command enabled and try again.";
    /** ECS's text for a target the session cannot reach, as widely reported with TargetNotConnectedException. */
    static final String NOT_CONNECTED = "The execute command failed due to an internal error. Try again later.";
    /** ECS's text when interactive is false. */
    static final String INTERACTIVE_ONLY = "Interactive is the only mode supported currently.";
    /** ECS's text for a task id of the wrong length (research notes: Mic-U/ecsher#56). */
    static final String TASK_ID_LENGTH = "task length should be one of [32,36]";
    /** As StopTask answers an unknown task; assumed the same for ExecuteCommand. */
    static final String TASK_NOT_FOUND = "The referenced task was not found.";
    /** Unverified wording, in ECS's style. */
    static final String CONTAINER_REQUIRED = "Container name must be provided when the task has more than one container.";
    /** Unverified wording, in ECS's style. */
    static final String CONTAINER_NOT_FOUND = "The container does not exist in the task.";

    public ExecuteCommandResponse executeCommand(EcsState state, ExecuteCommandRequest request) {
        ClusterEntry cluster = state.activeCluster(request.cluster());
        if (request.command() == null || request.command().isEmpty()) {
            throw Errors.missingMember("command");
        }
        if (request.interactive() == null) {
            throw Errors.missingMember("interactive");
        }
        if (!request.interactive()) {
            throw Errors.invalidParameter(INTERACTIVE_ONLY);
        }
        if (request.task() == null || request.task().isEmpty()) {
            throw Errors.missingMember("task");
        }
        String id = state.arns().nameOf(request.task(), "task").orElse(request.task());
        if (id.length() != 32 && id.length() != 36) {
            throw Errors.invalidParameter(TASK_ID_LENGTH);
        }
        TaskEntry task = Tasks.find(state, cluster, request.task())
                .orElseThrow(() -> Errors.invalidParameter(TASK_NOT_FOUND));
        TaskEntry.ContainerSlot container = container(task, request.container());
        if (!task.enableExecuteCommand()) {
            throw Errors.invalidParameter(NOT_ENABLED);
        }
        if (!task.isRunning()) {
            throw new EcsError("TargetNotConnectedException", NOT_CONNECTED);
        }
        // A Session Manager session id: the caller's session name and 17 hex digits, as ECS Exec shows it.
        String sessionId = "ecs-execute-command-" + state.ids().hex(17);
        String domain = state.arns().partition().equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com";
        String streamUrl = "wss://ssmmessages." + state.arns().region() + "." + domain + "/v1/data-channel/" + sessionId
                + "?role=publish_subscribe";
        String token = Base64.getEncoder().encodeToString(
                (sessionId + ":" + task.arn() + ":" + state.ids().hex(64)).getBytes(StandardCharsets.UTF_8));
        return ExecuteCommandResponse.builder()
                .clusterArn(cluster.arn())
                .containerArn(container.arn())
                .containerName(container.name())
                .interactive(true)
                .session(Session.builder().sessionId(sessionId).streamUrl(streamUrl).tokenValue(token).build())
                .taskArn(task.arn())
                .build();
    }

    /** The container named, or the only one; a task of several containers needs the name. */
    private static TaskEntry.ContainerSlot container(TaskEntry task, String name) {
        if (name == null || name.isEmpty()) {
            if (task.containerSlots().size() != 1) {
                throw Errors.invalidParameter(CONTAINER_REQUIRED);
            }
            return task.containerSlots().get(0);
        }
        return task.containerSlots().stream().filter(slot -> slot.name().equals(name)).findFirst()
                .orElseThrow(() -> Errors.invalidParameter(CONTAINER_NOT_FOUND));
    }
}
