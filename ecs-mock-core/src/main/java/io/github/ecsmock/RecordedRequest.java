package io.github.ecsmock;

import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One request the mock answered, as the journal keeps it.
 *
 * @param operation the ECS operation named by {@code X-Amz-Target}, or the target as sent when it
 *                  named none
 * @param request   the request as the SDK's model object, or null when its body could not be read
 * @param body      the request body as sent
 * @param status    the HTTP status of the answer
 * @param errorCode the AWS error code of the answer, or null for a success
 * @param at        the time on the mock's clock
 */
public record RecordedRequest(String operation, String account, String region, SdkPojo request, String body, int status,
                              String errorCode, Instant at, String requestId) {

    /** The request as {@code type}, when it is one. */
    public <T> Optional<T> requestAs(Class<T> type) {
        return type.isInstance(request) ? Optional.of(type.cast(request)) : Optional.empty();
    }

    public boolean succeeded() {
        return errorCode == null;
    }

    @Override
    public String toString() {
        return operation + " -> " + status + (errorCode == null ? "" : " " + errorCode) + " " + body;
    }
}
