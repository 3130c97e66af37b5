package io.github.ecsmock.internal.protocol;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * An answer in the awsJson 1.1 protocol, independent of the transport that carries it: the status,
 * the request id that goes into {@code x-amzn-RequestId}, the JSON body, and for errors the AWS
 * error code (also inside the body as {@code __type}).
 *
 * <p>The body of an answer from {@link EcsProtocol#handleLent} is lent: the first
 * {@link #bodyLength()} bytes of the array the codec wrote it in, read once through
 * {@link #bodyStream()}, whose closing gives the array back for later answers.
 */
public final class ProtocolResponse {
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final int status;
    private final String requestId;
    private final byte[] body;
    private final int bodyLength;
    private final String errorCode;
    /** Where a lent body's array goes back to; null for a body of its own. */
    private final Consumer<byte[]> giveBack;
    private boolean streamed;

    public ProtocolResponse(int status, String requestId, byte[] body, String errorCode) {
        this(status, requestId, body, body.length, errorCode, null);
    }

    ProtocolResponse(int status, String requestId, byte[] body, int bodyLength, String errorCode, Consumer<byte[]> giveBack) {
        this.status = status;
        this.requestId = requestId;
        this.body = body;
        this.bodyLength = bodyLength;
        this.errorCode = errorCode;
        this.giveBack = giveBack;
    }

    public int status() {
        return status;
    }

    public String requestId() {
        return requestId;
    }

    public String errorCode() {
        return errorCode;
    }

    public boolean isError() {
        return errorCode != null;
    }

    public int bodyLength() {
        return bodyLength;
    }

    /** The body's bytes; a copy of a lent body, which is there to copy only until it is streamed. */
    public synchronized byte[] body() {
        if (giveBack == null) {
            return body;
        }
        if (streamed) {
            throw new IllegalStateException("A lent answer's body was streamed, and its array may be in use again");
        }
        return Arrays.copyOf(body, bodyLength);
    }

    /**
     * The body to read. A lent body can be read this way once, and its stream, once closed, reads as
     * ended and gives the array back: nothing can read the array after it has gone back.
     */
    public synchronized InputStream bodyStream() {
        if (giveBack == null) {
            return new ByteArrayInputStream(body, 0, bodyLength);
        }
        if (streamed) {
            throw new IllegalStateException("A lent answer's body is read once");
        }
        streamed = true;
        return new ByteArrayInputStream(body, 0, bodyLength) {
            @Override
            public synchronized void close() {
                if (buf.length > 0) {
                    byte[] lent = buf;
                    buf = new byte[0];
                    pos = 0;
                    count = 0;
                    mark = 0;
                    giveBack.accept(lent);
                }
            }
        };
    }
}
