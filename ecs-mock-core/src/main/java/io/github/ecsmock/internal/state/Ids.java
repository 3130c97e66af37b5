package io.github.ecsmock.internal.state;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The random identifiers ECS hands out, in its formats: 32 lower-case hex digits for tasks and
 * container instances, {@code ecs-svc/} and 19 digits for deployments, UUIDs for events and
 * attachments. Seeded, so a mock built with a seed gives the same identifiers on every run.
 *
 * <p>Not safe for concurrent use, and need not be: identifiers are drawn by operations, which run one
 * at a time under their state's lock. {@code java.util.Random} paid an atomic compare-and-set for each
 * draw, some ten of them a task, to order draws the lock already orders.
 */
public final class Ids {
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);
    private final SplittableRandom random;

    Ids(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** 32 lower-case hex digits, as in a task ARN. */
    public String hex32() {
        return hex(32);
    }

    /**
     * {@code digits} lower-case hex digits, sixteen from each random long: a task takes about 120 of
     * them (its id, container runtime ids, image digests, its network interface), and drawing each
     * alone cost more than the rest of starting the task.
     */
    public String hex(int digits) {
        return hex("", digits);
    }

    /** {@code prefix} and then {@code digits} hex digits, as in {@code sha256:} digests and {@code eni-} ids, made as one string. */
    public String hex(String prefix, int digits) {
        byte[] text = new byte[prefix.length() + digits];
        for (int i = 0; i < prefix.length(); i++) {
            text[i] = (byte) prefix.charAt(i);
        }
        fillHex(text, prefix.length(), digits);
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /** A locally administered MAC address, {@code 0e:} and five random octets, as Fargate's interfaces have. */
    public String macAddress() {
        byte[] text = "0e:00:00:00:00:00".getBytes(StandardCharsets.ISO_8859_1);
        long bits = random.nextLong();
        for (int at = 3; at < text.length; at += 3) {
            text[at] = HEX_DIGITS[(int) (bits & 15)];
            text[at + 1] = HEX_DIGITS[(int) ((bits >>> 4) & 15)];
            bits >>>= 8;
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    private void fillHex(byte[] text, int from, int digits) {
        long bits = 0;
        for (int i = 0; i < digits; i++) {
            if ((i & 15) == 0) {
                bits = random.nextLong();
            }
            text[from + i] = HEX_DIGITS[(int) (bits & 15)];
            bits >>>= 4;
        }
    }

    /** {@code ecs-svc/} and exactly 19 decimal digits, zero-padded. */
    public String deploymentId() {
        return String.format("ecs-svc/%019d", random.nextLong() & Long.MAX_VALUE);
    }

    /**
     * A service deployment's id: 22 characters of letters, digits, {@code -} and {@code _}, the shape of
     * the ids in AWS's examples ({@code NCWGC2ZR-taVzC3gBDfIg2}); how ECS makes them is not documented.
     */
    public String serviceDeploymentId() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder text = new StringBuilder(22);
        for (int i = 0; i < 22; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    public String uuid() {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
                .toString();
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public long nextLong() {
        return random.nextLong();
    }

    /** Upper- and lower-case letters and digits, as in a daemon deployment ARN ({@code xY9zA8bC7dE6fG5h}). */
    public String alphanumeric(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
