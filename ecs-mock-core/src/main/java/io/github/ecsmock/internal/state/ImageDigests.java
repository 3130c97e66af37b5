package io.github.ecsmock.internal.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The digest ECS shows for a container's image once it is pulled. ECS reports the digest of what the
 * registry gave for the reference, so every container of one image shows the same one. The mock pulls
 * nothing: an image pinned to a digest ({@code repo@sha256:...}) shows that digest, and any other
 * reference a SHA-256 of the reference itself, the same in every run.
 */
final class ImageDigests {
    private static final Pattern PINNED = Pattern.compile("@(sha256:[0-9a-f]{64})$");

    private ImageDigests() {
    }

    static String of(String image) {
        Matcher pinned = PINNED.matcher(image);
        if (pinned.find()) {
            return pinned.group(1);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(image.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
