package io.github.ecsmock.internal.protocol;

/**
 * An answer in the awsJson 1.1 protocol, independent of the transport that carries it: the status,
 * the request id that goes into {@code x-amzn-RequestId}, the JSON body, and for errors the AWS
 * error code (also inside the body as {@code __type}).
 */
public record ProtocolResponse(int status, String requestId, byte[] body, String errorCode) {
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    public boolean isError() {
        return errorCode != null;
    }
}
