package io.github.ecsmock.internal.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.ecs.model.Tag;

/** The tags of every resource of one state, by resource ARN, in the order they were first set. */
public final class TagStore {
    private final Map<String, LinkedHashMap<String, String>> byArn = new HashMap<>();

    public List<Tag> tagsOf(String arn) {
        Map<String, String> tags = byArn.get(arn);
        if (tags == null) {
            return List.of();
        }
        List<Tag> list = new ArrayList<>(tags.size());
        tags.forEach((key, value) -> list.add(Tag.builder().key(key).value(value).build()));
        return list;
    }

    /** How many tags whose keys are {@code counted} the resource would carry after {@code tags} were added. */
    public int countAfterAdding(String arn, Collection<Tag> tags, Predicate<String> counted) {
        Set<String> keys = new HashSet<>(byArn.getOrDefault(arn, new LinkedHashMap<>()).keySet());
        tags.forEach(tag -> keys.add(tag.key()));
        return (int) keys.stream().filter(counted).count();
    }

    public void add(String arn, Collection<Tag> tags) {
        if (tags.isEmpty()) {
            return;
        }
        LinkedHashMap<String, String> current = byArn.computeIfAbsent(arn, a -> new LinkedHashMap<>());
        for (Tag tag : tags) {
            current.put(tag.key(), tag.value() == null ? "" : tag.value());
        }
    }

    public void remove(String arn, Collection<String> keys) {
        Map<String, String> current = byArn.get(arn);
        if (current != null) {
            current.keySet().removeAll(keys);
            if (current.isEmpty()) {
                byArn.remove(arn);
            }
        }
    }

    public void forget(String arn) {
        byArn.remove(arn);
    }
}
