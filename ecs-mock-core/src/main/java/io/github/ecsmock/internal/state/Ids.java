package io.github.ecsmock.internal.state;

import java.util.Random;
import java.util.UUID;

/**
 * The random identifiers ECS hands out, in its formats: 32 lower-case hex digits for tasks and
 * container instances, {@code ecs-svc/} and 19 digits for deployments, UUIDs for events and
 * attachments. Seeded, so a mock built with a seed gives the same identifiers on every run.
 */
public final class Ids {
    private final Random random;

    Ids(long seed) {
        this.random = new Random(seed);
    }

    /** 32 lower-case hex digits, as in a task ARN. */
    public String hex32() {
        return hex(32);
    }

    public String hex(int digits) {
        StringBuilder text = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            text.append(Character.forDigit(random.nextInt(16), 16));
        }
        return text.toString();
    }

    /** {@code ecs-svc/} and exactly 19 decimal digits, zero-padded. */
    public String deploymentId() {
        return String.format("ecs-svc/%019d", random.nextLong() & Long.MAX_VALUE);
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
