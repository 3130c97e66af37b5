package io.github.ecsmock.internal.errors;

/**
 * The catalogue of ECS error codes and the messages AWS answers with, so that a wording lives in one
 * place. Sources and confidence for each text are in the project's ECS behaviour notes.
 */
public final class Errors {
    private Errors() {
    }

    public static EcsError invalidParameter(String message) {
        return new EcsError("InvalidParameterException", message);
    }

    public static EcsError client(String message) {
        return new EcsError("ClientException", message);
    }

    public static EcsError serialization(String message) {
        return new EcsError("SerializationException", message);
    }

    public static EcsError unknownOperation(String message) {
        return new EcsError("UnknownOperationException", message);
    }

    /** 501 is not retried by the SDKs, so a call to an operation we lack fails at once and says why. */
    public static EcsError notImplemented(String operation) {
        return new EcsError("NotImplementedException", 501,
                "ecs-mock does not implement the ECS operation " + operation + " yet.");
    }

    public static EcsError server(String message) {
        return new EcsError("ServerException", 500, message);
    }

    public static EcsError clusterNotFound() {
        return new EcsError("ClusterNotFoundException", "Cluster not found.");
    }

    public static EcsError resourceNotFound() {
        return new EcsError("ResourceNotFoundException", "The specified resource could not be found.");
    }

    /** A name or ARN that the request needs was absent: the model marks the member required. */
    public static EcsError missingMember(String member) {
        return invalidParameter(member + " must not be null or empty.");
    }

    /** Unverified wording, in the style of {@code Service not found.} */
    public static EcsError daemonNotFound() {
        return new EcsError("DaemonNotFoundException", "Daemon not found.");
    }

    /** Unverified wording, in the style of {@code Service was not ACTIVE.} */
    public static EcsError daemonNotActive() {
        return new EcsError("DaemonNotActiveException", "Daemon was not ACTIVE.");
    }
}
