package io.github.ecsmock.internal.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error that ECS itself would answer with. It carries the AWS error code that clients map to an
 * exception class, the HTTP status and the message worded as AWS words it, and the few exceptions
 * that have members of their own beside the message (a {@code ConflictException}'s
 * {@code resourceIds}) carry those too, so that the SDK's exception object has them filled in.
 * Anything else thrown while handling a request is a bug in the mock and is answered as a
 * {@code ServerException}.
 */
public final class EcsError extends RuntimeException {
    private final String code;
    private final int status;
    private final Map<String, List<String>> members;

    public EcsError(String code, int status, String message) {
        this(code, status, message, Map.of());
    }

    public EcsError(String code, String message) {
        this(code, 400, message);
    }

    private EcsError(String code, int status, String message, Map<String, List<String>> members) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.members = members;
    }

    /** This error with one more member, a list of strings, in the error's JSON beside its message. */
    public EcsError with(String member, List<String> values) {
        Map<String, List<String>> more = new LinkedHashMap<>(members);
        more.put(member, List.copyOf(values));
        return new EcsError(code, status, getMessage(), Collections.unmodifiableMap(more));
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** The members the error's JSON has besides {@code __type} and {@code message}. */
    public Map<String, List<String>> members() {
        return members;
    }
}
