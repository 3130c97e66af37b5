package io.github.ecsmock.internal.protocol;

import io.github.ecsmock.internal.ecs.BlankMembers;
import io.github.ecsmock.internal.errors.Errors;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.RequiredTrait;

/**
 * Validation for operations the public model does not have yet (the SDK is newer than it): what the
 * SDK's own classes say of each member, which is less than the model says: a value that is not one of
 * its enum's, at any depth, and a required member left out where the SDK marks it with
 * {@code RequiredTrait} (2.57.8 marks none, so the operations check their required members
 * themselves). Lengths, patterns and ranges are not known this way.
 */
final class SdkShapes {
    static final String MODEL_PACKAGE = "software.amazon.awssdk.services.ecs.model.";

    /** Per model class and member: the enum values a member takes, or none. */
    private static final Map<Class<?>, Map<String, Set<String>>> ENUMS = new ConcurrentHashMap<>();

    private SdkShapes() {
    }

    static void validate(String operation, SdkPojo request) {
        structure(operation, request, "");
    }

    private static void structure(String operation, SdkPojo value, String path) {
        Map<String, Set<String>> enums = ENUMS.computeIfAbsent(value.getClass(), SdkShapes::enumsOf);
        for (SdkField<?> field : value.sdkFields()) {
            String member = field.locationName();
            Object memberValue = field.getValueOrDefault(value);
            if (ModelValidator.absent(memberValue)) {
                if (field.containsTrait(RequiredTrait.class)) {
                    throw path.isEmpty()
                            ? BlankMembers.answer(operation, member).orElseGet(() -> Errors.invalidParameter(member + " can not be blank."))
                            : Errors.invalidParameter(path + member + " can not be blank.");
                }
                continue;
            }
            Set<String> allowed = enums.get(field.memberName().toLowerCase(java.util.Locale.ROOT));
            check(operation, memberValue, allowed, path + member);
        }
    }

    private static void check(String operation, Object value, Set<String> allowed, String path) {
        if (value instanceof SdkPojo pojo) {
            structure(operation, pojo, path + ".");
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Object element = list.get(i);
                check(operation, element, allowed, element instanceof SdkPojo ? path + "[" + i + "]" : path);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> check(operation, element, allowed, path + "." + key));
        } else if (value instanceof String text && allowed != null && !allowed.contains(text)) {
            throw Errors.invalidParameter(path + " should be one of [" + String.join(",", allowed) + "]");
        }
    }

    /** The members of a model class whose getter gives an enum (or a list or map of one), with its values. */
    private static Map<String, Set<String>> enumsOf(Class<?> type) {
        Map<String, Set<String>> enums = new ConcurrentHashMap<>();
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() != 0) {
                continue;
            }
            Class<?> enumType = enumIn(method.getGenericReturnType());
            if (enumType == null) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (Object constant : enumType.getEnumConstants()) {
                String text = constant.toString();
                if (!((Enum<?>) constant).name().equals("UNKNOWN_TO_SDK_VERSION")) {
                    values.add(text);
                }
            }
            enums.put(method.getName().toLowerCase(java.util.Locale.ROOT),
                    java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(values)));
        }
        return enums;
    }

    private static Class<?> enumIn(Type type) {
        if (type instanceof Class<?> plain) {
            return plain.isEnum() && plain.getName().startsWith(MODEL_PACKAGE) ? plain : null;
        }
        if (type instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            return enumIn(arguments[arguments.length - 1]);
        }
        return null;
    }
}
