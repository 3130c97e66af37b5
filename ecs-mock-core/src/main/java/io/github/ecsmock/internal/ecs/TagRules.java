package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.errors.Errors;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * The limits ECS puts on tags (from the model's {@code Tag} shape): at most 50 a resource, keys of 1
 * to 128 and values of up to 256 letters, digits, spaces and {@code _.:/=+-@}, and no {@code aws:}
 * prefix in any case, which is reserved for tags that AWS sets.
 */
public final class TagRules {
    public static final int MAX_TAGS = 50;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    /** Checks tags given when a resource is created. */
    public void checkNew(List<Tag> tags) {
        if (tags.size() > MAX_TAGS) {
            throw tooMany();
        }
        tags.forEach(TagRules::check);
    }

    public static void check(Tag tag) {
        String key = tag.key();
        if (key == null || key.isEmpty() || key.length() > 128) {
            throw Errors.invalidParameter("Tag keys must be between 1 and 128 characters.");
        }
        if (!ALLOWED.matcher(key).matches()) {
            throw Errors.invalidParameter("Tag key '" + key + "' contains characters that are not allowed. "
                    + "Use letters, numbers, spaces and the characters + - = . _ : / @.");
        }
        String value = tag.value() == null ? "" : tag.value();
        if (value.length() > 256) {
            throw Errors.invalidParameter("Tag value for key '" + key + "' must be at most 256 characters.");
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw Errors.invalidParameter("Tag value for key '" + key + "' contains characters that are not allowed. "
                    + "Use letters, numbers, spaces and the characters + - = . _ : / @.");
        }
        if (isReserved(key) || isReserved(value)) {
            throw Errors.invalidParameter("The 'aws:' prefix is reserved for AWS use and cannot be used in tag keys or values: "
                    + key + ".");
        }
    }

    public static boolean isReserved(String text) {
        return text.toLowerCase(Locale.ROOT).startsWith("aws:");
    }

    public static RuntimeException tooMany() {
        return Errors.invalidParameter("A resource can have at most " + MAX_TAGS + " tags.");
    }
}
