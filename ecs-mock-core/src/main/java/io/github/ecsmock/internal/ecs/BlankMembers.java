package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.errors.EcsError;
import io.github.ecsmock.internal.errors.Errors;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The answers ECS gives when a required member is missing or blank, where ECS words it its own way
 * (captured from real errors); every other required member gets the model validation's generic text.
 */
public final class BlankMembers {
    private static final Map<String, Supplier<EcsError>> ANSWERS = Map.ofEntries(
            Map.entry("RegisterTaskDefinition.family", () -> Errors.client("Family can not be blank.")),
            Map.entry("RegisterTaskDefinition.containerDefinitions", () -> Errors.client("Container list cannot be empty.")),
            Map.entry("DescribeTaskDefinition.taskDefinition", () -> Errors.invalidParameter("Task Definition can not be blank.")),
            Map.entry("DeregisterTaskDefinition.taskDefinition", () -> Errors.invalidParameter("Task Definition can not be blank.")),
            Map.entry("DeleteTaskDefinitions.taskDefinitions", () -> Errors.invalidParameter("taskDefinitions must contain at least 1 item.")),
            Map.entry("RunTask.taskDefinition", () -> Errors.invalidParameter("TaskDefinition can not be blank.")),
            Map.entry("StopTask.task", () -> Errors.invalidParameter("Task can not be blank.")),
            Map.entry("DescribeTasks.tasks", () -> Errors.invalidParameter("Tasks cannot be empty.")),
            Map.entry("CreateService.serviceName", () -> Errors.invalidParameter("Service name can not be blank.")),
            Map.entry("UpdateService.service", () -> Errors.invalidParameter("Service can not be blank.")),
            Map.entry("DeleteService.service", () -> Errors.invalidParameter("Service can not be blank.")),
            Map.entry("DescribeServices.services", () -> Errors.invalidParameter("Services cannot be empty.")));

    /**
     * Required members that may be the empty string because ECS gives it a meaning: an empty Service
     * Connect namespace removes the cluster's Service Connect defaults (the model's UpdateCluster text).
     */
    private static final Set<String> EMPTY_ALLOWED = Set.of("UpdateCluster.serviceConnectDefaults.namespace");

    private BlankMembers() {
    }

    /** Whether {@code path} (dotted from the request) of {@code operation} may be the empty string. */
    public static boolean mayBeEmpty(String operation, String path) {
        return EMPTY_ALLOWED.contains(operation + "." + path);
    }

    /** ECS's own answer to {@code operation} without {@code member}, if it has one. */
    public static Optional<EcsError> answer(String operation, String member) {
        Supplier<EcsError> answer = ANSWERS.get(operation + "." + member);
        return answer == null ? Optional.empty() : Optional.of(answer.get());
    }
}
