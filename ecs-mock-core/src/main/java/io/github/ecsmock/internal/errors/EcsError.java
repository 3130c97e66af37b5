package io.github.ecsmock.internal.errors;

/**
 * An error that ECS itself would answer with. It carries the AWS error code that clients map to an
 * exception class, the HTTP status and the message worded as AWS words it. Anything else thrown while
 * handling a request is a bug in the mock and is answered as a {@code ServerException}.
 */
public final class EcsError extends RuntimeException {
    private final String code;
    private final int status;

    public EcsError(String code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    public EcsError(String code, String message) {
        this(code, 400, message);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
