package io.github.ecsmock.internal.protocol;

import java.util.Map;
import java.util.TreeMap;

/**
 * A request as any transport hands it to the protocol: method, path, query, headers (looked up
 * without regard to case) and body. The protocol needs the whole of it only to verify signatures.
 */
public record ProtocolRequest(String method, String path, String query, Map<String, String> headers, byte[] body) {

    public ProtocolRequest {
        // A transport that already built its headers ignoring case hands them over as they are.
        if (!(headers instanceof TreeMap<String, String> sorted && sorted.comparator() == String.CASE_INSENSITIVE_ORDER)) {
            TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            byName.putAll(headers);
            headers = byName;
        }
        query = query == null ? "" : query;
        body = body == null ? new byte[0] : body;
    }

    /** A {@code POST /} with just a target, as the SDK, curl or a test sends it. */
    public static ProtocolRequest post(String target, String authorization, byte[] body) {
        Map<String, String> headers = newHeaders();
        if (target != null) {
            headers.put("X-Amz-Target", target);
        }
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return new ProtocolRequest("POST", "/", "", headers, body);
    }

    /** An empty header map that looks names up without regard to case, for a transport to fill. */
    public static Map<String, String> newHeaders() {
        return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }

    public String header(String name) {
        return headers.get(name);
    }
}
