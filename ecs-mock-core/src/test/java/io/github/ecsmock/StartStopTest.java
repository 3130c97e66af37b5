package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Starting, using and stopping a mock many times leaves no thread running and no port open: a test
 * suite that starts a mock per class can run for hours.
 */
class StartStopTest {
    private static final int CYCLES = 300;

    @Test
    void hundredsOfStartsAndStopsLeakNoThreadAndNoPort() throws Exception {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());

        for (int cycle = 0; cycle < CYCLES; cycle++) {
            EcsMock mock = EcsMock.builder().build().start();
            int port = mock.port();
            assertThat(post(port, "CreateCluster", "{\"clusterName\":\"c" + cycle + "\"}")).startsWith("HTTP/1.1 200");
            mock.reset();
            mock.close();
            assertThat(mock.isRunning()).isFalse();
            assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress("127.0.0.1", port), 1000))
                    .as("port %d after stop", port).isInstanceOf(ConnectException.class);
        }

        List<Thread> leftOver = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t)).toList();
        for (Thread thread : leftOver) {
            thread.join(10_000); // a stopped server's threads end on their own; give each time to do so
        }
        assertThat(leftOver.stream().filter(Thread::isAlive).map(Thread::getName)).isEmpty();
    }

    @Test
    void aStoppedMockClosesItsPortAndStartsAgainWithItsState() throws Exception {
        EcsMock mock = EcsMock.builder().build().start();
        int first = mock.port();
        assertThat(post(first, "CreateCluster", "{\"clusterName\":\"kept\"}")).startsWith("HTTP/1.1 200");
        mock.stop();
        assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress("127.0.0.1", first), 1000))
                .isInstanceOf(ConnectException.class);

        mock.start();
        try {
            assertThat(mock.endpoint().getPort()).isEqualTo(mock.port());
            assertThat(post(mock.port(), "ListClusters", "{}")).startsWith("HTTP/1.1 200").contains("cluster/kept");
        } finally {
            mock.close();
        }
    }

    /** One request over a plain socket, closed after the answer, so the test itself starts no threads. */
    private static String post(int port, String operation, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "X-Amz-Target: AmazonEC2ContainerServiceV20141113." + operation + "\r\n"
                    + "Content-Type: application/x-amz-json-1.1\r\nContent-Length: " + content.length + "\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
