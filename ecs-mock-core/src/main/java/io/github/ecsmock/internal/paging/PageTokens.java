package io.github.ecsmock.internal.paging;

import io.github.ecsmock.internal.errors.Errors;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Paging for the List operations. A {@code nextToken} names the key of the last item returned (a
 * cursor into an ordered index), not a position, so paging a set that others change concurrently
 * neither skips nor repeats an item. Tokens are signed with a key of this mock, so a token we did not
 * issue, or one issued by another List operation, is refused with {@code InvalidParameterException}.
 */
public final class PageTokens {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 12;

    private final SecretKeySpec key;
    /** A Mac is not thread-safe; each thread that pages keeps its own. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public PageTokens() {
        // The key only has to tell this mock's tokens from others', not to keep a secret: a fast random
        // source will do, where SecureRandom's first use costs a fresh JVM some 25 ms.
        byte[] secret = new byte[32];
        ThreadLocalRandom.current().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** A page of items and the token for the next one, or {@code null} when this page is the last. */
    public record Page<T>(List<T> items, String nextToken) {
    }

    /**
     * The page size a request asks for: {@code maxResults} when given and within 1..{@code max}, else
     * {@code defaultSize}; out of range is an {@code InvalidParameterException} naming the member.
     */
    public static int pageSize(Integer maxResults, int defaultSize, int max) {
        if (maxResults == null) {
            return defaultSize;
        }
        if (maxResults < 1 || maxResults > max) {
            throw Errors.invalidParameter("maxResults must be between 1 and " + max + ".");
        }
        return maxResults;
    }

    /**
     * One page of the values of {@code index} that {@code include} accepts, after the key that
     * {@code nextToken} names (from the start when it is null).
     *
     * @param list   the operation the token belongs to, so tokens cannot cross operations
     * @param encode the key as cursor text; {@code decode} is its inverse
     */
    public <K, V> Page<V> page(String list, NavigableMap<K, V> index, String nextToken, int size,
                               Predicate<? super V> include, Function<K, String> encode, Function<String, K> decode) {
        NavigableMap<K, V> rest = index;
        if (nextToken != null) {
            K after;
            String cursor = cursorOf(list, nextToken);
            try {
                after = decode.apply(cursor);
                // A cursor outside the range this request lists (a token of another family or
                // prefix) is refused by the range itself; it is the caller's mistake, not a 500.
                rest = index.tailMap(after, false);
            } catch (RuntimeException e) {
                throw invalidToken(nextToken);
            }
        }
        List<V> items = new java.util.ArrayList<>(Math.min(size, 128));
        K last = null;
        for (Map.Entry<K, V> entry : rest.entrySet()) {
            if (!include.test(entry.getValue())) {
                continue;
            }
            if (items.size() == size) {
                return new Page<>(items, issue(list, encode.apply(last)));
            }
            items.add(entry.getValue());
            last = entry.getKey();
        }
        return new Page<>(items, null);
    }

    /** A signed token that carries {@code cursor} for the List operation {@code list}. */
    public String issue(String list, String cursor) {
        byte[] payload = (list + "\n" + cursor).getBytes(StandardCharsets.UTF_8);
        byte[] mac = mac(payload);
        byte[] token = Arrays.copyOf(payload, payload.length + MAC_BYTES);
        System.arraycopy(mac, 0, token, payload.length, MAC_BYTES);
        return ENCODER.encodeToString(token);
    }

    /** The cursor inside a token this mock issued for {@code list}. */
    public String cursorOf(String list, String token) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(token);
        } catch (IllegalArgumentException e) {
            throw invalidToken(token);
        }
        if (bytes.length <= MAC_BYTES) {
            throw invalidToken(token);
        }
        byte[] payload = Arrays.copyOf(bytes, bytes.length - MAC_BYTES);
        byte[] mac = Arrays.copyOfRange(bytes, bytes.length - MAC_BYTES, bytes.length);
        if (!MessageDigest.isEqual(mac, Arrays.copyOf(mac(payload), MAC_BYTES))) {
            throw invalidToken(token);
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        String prefix = list + "\n";
        if (!text.startsWith(prefix)) {
            throw invalidToken(token);
        }
        return text.substring(prefix.length());
    }

    /** ECS's own text, {@code Invalid token <token>}, with a long token cut short. */
    private static RuntimeException invalidToken(String token) {
        String shown = token.length() > 64 ? token.substring(0, 64) + "..." : token;
        return Errors.invalidParameter("Invalid token " + shown);
    }

    private byte[] mac(byte[] payload) {
        return macs.get().doFinal(payload);
    }

    /** A Mac of this instance's key. Looking one up at the security providers costs more than the MAC. */
    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
