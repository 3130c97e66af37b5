package io.github.ecsmock.benchmarks;

import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;

/**
 * The Apache client configured as the mock configures its own clients (no TLS set up for plain
 * HTTP, no idle-connection reaper), so that the floors and the cold-start baseline build the same
 * client as the mock and the comparison holds only the mock's own work.
 */
final class LoopbackHttpClient {
    private LoopbackHttpClient() {
    }

    static Apache5HttpClient.Builder builder() {
        return Apache5HttpClient.builder()
                .tlsSocketStrategy((socket, target, port, attachment, context) ->
                        DefaultClientTlsStrategy.createDefault().upgrade(socket, target, port, attachment, context))
                .useIdleConnectionReaper(false);
    }
}
