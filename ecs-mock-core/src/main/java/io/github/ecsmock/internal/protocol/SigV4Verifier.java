package io.github.ecsmock.internal.protocol;

import io.github.ecsmock.internal.errors.EcsError;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Strict authentication: verifies the AWS Signature Version 4 of each request against the
 * credentials the mock was given, and answers what AWS answers when it does not hold: no signature
 * ({@code MissingAuthenticationTokenException}), an access key it does not know
 * ({@code UnrecognizedClientException}), a signature that does not match
 * ({@code InvalidSignatureException}), all with HTTP 403. The request time is not checked against the
 * clock, which in a test stands where the test puts it.
 */
final class SigV4Verifier {
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request,\\s*"
                    + "SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-f]{64})\\s*");
    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, String> secrets;

    /** @param secrets secret access keys by access key id */
    SigV4Verifier(Map<String, String> secrets) {
        this.secrets = Map.copyOf(secrets);
    }

    void verify(ProtocolRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null || authorization.isBlank()) {
            throw new EcsError("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
        }
        Matcher matcher = AUTHORIZATION.matcher(authorization);
        if (!matcher.matches()) {
            throw new EcsError("IncompleteSignatureException", 403, "Authorization header requires 'Credential', "
                    + "'Signature' and 'SignedHeaders' parameters of the AWS4-HMAC-SHA256 scheme.");
        }
        String accessKey = matcher.group(1);
        String secret = secrets.get(accessKey);
        if (secret == null) {
            throw new EcsError("UnrecognizedClientException", 403, "The security token included in the request is invalid.");
        }
        String amzDate = request.header("X-Amz-Date");
        if (amzDate == null || !amzDate.startsWith(matcher.group(2))) {
            throw new EcsError("IncompleteSignatureException", 403, "The request must carry an X-Amz-Date header on the "
                    + "date of its credential scope.");
        }
        String scope = matcher.group(2) + "/" + matcher.group(3) + "/" + matcher.group(4) + "/aws4_request";
        String canonical = canonicalRequest(request, matcher.group(5));
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + HEX.formatHex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), matcher.group(2));
        key = hmac(key, matcher.group(3));
        key = hmac(key, matcher.group(4));
        key = hmac(key, "aws4_request");
        byte[] expected = hmac(key, toSign);
        if (!MessageDigest.isEqual(expected, HEX.parseHex(matcher.group(6)))) {
            throw new EcsError("InvalidSignatureException", 403, "The request signature we calculated does not match the "
                    + "signature you provided. Check your AWS Secret Access Key and signing method. Consult the service "
                    + "documentation for details.");
        }
    }

    private static String canonicalRequest(ProtocolRequest request, String signedHeaders) {
        StringBuilder canonical = new StringBuilder()
                .append(request.method()).append('\n')
                .append(request.path().isEmpty() ? "/" : request.path()).append('\n')
                .append(canonicalQuery(request.query())).append('\n');
        for (String name : signedHeaders.split(";")) {
            String value = request.header(name);
            canonical.append(name).append(':').append(value == null ? "" : value.trim().replaceAll("\\s+", " ")).append('\n');
        }
        // The hash of the body received, never the x-amz-content-sha256 the client sent: taking the
        // header's word let a body changed after signing through with its old signature.
        String payloadHash = HEX.formatHex(sha256(request.body()));
        return canonical.append('\n').append(signedHeaders).append('\n').append(payloadHash).toString();
    }

    /** The query as signed: parameters sorted; ECS requests have none. */
    private static String canonicalQuery(String query) {
        if (query.isEmpty()) {
            return "";
        }
        String[] parameters = query.split("&");
        java.util.Arrays.sort(parameters);
        return String.join("&", parameters);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
