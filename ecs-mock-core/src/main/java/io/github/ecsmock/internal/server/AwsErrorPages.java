package io.github.ecsmock.internal.server;

import io.github.ecsmock.internal.errors.EcsError;
import io.github.ecsmock.internal.protocol.EcsProtocol;
import io.github.ecsmock.internal.protocol.ProtocolResponse;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own answers (a request line or URI it cannot parse, an error before any route runs) in the
 * AWS error format instead of Jetty's HTML page, so no client ever sees a page from the server
 * underneath.
 */
final class AwsErrorPages extends ErrorHandler {
    private final EcsProtocol protocol;

    AwsErrorPages(EcsProtocol protocol) {
        this.protocol = protocol;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        ProtocolResponse error = protocol.error(new EcsError(HttpServer.codeFor(code), code, text(code)));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProtocolResponse.CONTENT_TYPE);
        response.getHeaders().put("x-amzn-RequestId", error.requestId());
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(error.body()), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        ProtocolResponse error = protocol.error(new EcsError(HttpServer.codeFor(status), status, text(status)));
        fields.put(HttpHeader.CONTENT_TYPE, ProtocolResponse.CONTENT_TYPE);
        fields.put("x-amzn-RequestId", error.requestId());
        // Jetty closes a connection it could not parse; say so, or the client reuses it and finds it gone.
        fields.put(HttpHeader.CONNECTION, "close");
        return ByteBuffer.wrap(error.body());
    }

    private static String text(int status) {
        return status == 413 ? "The request body is larger than ecs-mock accepts."
                : "ecs-mock could not read this request as HTTP (status " + status + ").";
    }
}
