package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A body the server cannot read (malformed chunked encoding) is answered in the AWS error format, as
 * every other bad request is, not with Javalin's plain-text 500. (A body that stops arriving gets the
 * same format with a 408 after Jetty's 30-second idle timeout, too slow to test here.)
 */
class HttpFramingTest {

    @Test
    void aMalformedChunkedBodyIsABadRequestInTheAwsFormat() throws IOException {
        try (EcsMock mock = EcsMock.builder().build().start()) {
            for (String chunkSize : List.of("zz", "-1", "fffffffffffffffffff")) {
                String answer = send(mock.port(), "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "X-Amz-Target: AmazonEC2ContainerServiceV20141113.CreateCluster\r\n"
                        + "Content-Type: application/x-amz-json-1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + chunkSize + "\r\n{\"clusterName\":\"x\"}\r\n0\r\n\r\n");

                assertThat(answer).as("chunk size %s", chunkSize).startsWith("HTTP/1.1 400 ")
                        .containsIgnoringCase("Content-Type: application/x-amz-json-1.1")
                        .containsIgnoringCase("x-amzn-RequestId: ")
                        .endsWith("{\"__type\":\"BadRequestException\",\"message\":\"The request body could not be read: "
                                + "it ended early or its chunked encoding is malformed.\"}");
            }
            assertThat(mock.view().clusters()).isEmpty();
        }
    }

    /** A body far shorter than the length it claims, over the limit, is answered 413 like any other oversized one. */
    @Test
    void aBodyThatEndsLongBeforeItsHugeLengthIsTooLargeInTheAwsFormat() throws IOException {
        try (EcsMock mock = EcsMock.builder().build().start()) {
            String answer = send(mock.port(), "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "X-Amz-Target: AmazonEC2ContainerServiceV20141113.CreateCluster\r\n"
                    + "Content-Type: application/x-amz-json-1.1\r\nContent-Length: 99999999999\r\n\r\n"
                    + "{\"clusterName\":\"x\"}");

            assertThat(answer).startsWith("HTTP/1.1 413 ").containsIgnoringCase("Content-Type: application/x-amz-json-1.1")
                    .contains("\"__type\":\"RequestEntityTooLargeException\"");
            assertThat(mock.view().clusters()).isEmpty();
        }
    }

    private static String send(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
