package io.github.ecsmock.internal.server;

import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;

/**
 * Apache's client as the mock's own clients use it. The mock serves plain HTTP, so TLS is set up
 * only should a caller point the client at https: the SDK's default builds an SSLContext for every
 * client, which was half of building one. The SDK's idle-connection reaper is left out too: it
 * starts a thread for the first client and stops it after the last, and connections to a mock on
 * loopback may idle harmlessly until their client closes.
 */
public final class LoopbackHttpClient {
    private LoopbackHttpClient() {
    }

    public static Apache5HttpClient.Builder builder() {
        return Apache5HttpClient.builder()
                .tlsSocketStrategy((socket, target, port, attachment, context) ->
                        DefaultClientTlsStrategy.createDefault().upgrade(socket, target, port, attachment, context))
                .useIdleConnectionReaper(false);
    }
}
