package io.github.ecsmock.internal.ecs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.DefaultSdkAutoConstructList;
import software.amazon.awssdk.core.util.DefaultSdkAutoConstructMap;

/** Small operations on the SDK's model objects that the operations share. */
final class Shapes {
    /**
     * The pairs of same-named members, by source class and then target builder class: which members
     * pair up depends on the two classes only, and matching them by name on every call was a fifth of
     * a RegisterTaskDefinition's own work. A cache of what the classes say, not state of a mock.
     */
    private static final ClassValue<Map<Class<?>, CopyPlan>> PLANS = new ClassValue<>() {
        @Override
        protected Map<Class<?>, CopyPlan> computeValue(Class<?> source) {
            return new ConcurrentHashMap<>();
        }
    };

    private Shapes() {
    }

    /**
     * Copies every member the source has set into the target builder's member of the same name and
     * marshalling type. ECS echoes a request's members into the resource it creates (a task
     * definition, a service) under the same names; copying by the model keeps that true for members
     * added in later SDK versions. A list or map never set (the SDK's one class of each, compared
     * exactly: an {@code instanceof} of their interfaces searched each value's) is not copied.
     */
    static void copySameNamedMembers(SdkPojo source, SdkPojo targetBuilder) {
        PLANS.get(source.getClass())
                .computeIfAbsent(targetBuilder.getClass(), target -> CopyPlan.of(source, targetBuilder))
                .copy(source, targetBuilder);
    }

    /** The source's members that have a target member of the same name and type, each beside it. */
    private record CopyPlan(SdkField<?>[] from, SdkField<?>[] into) {
        static CopyPlan of(SdkPojo source, SdkPojo targetBuilder) {
            Map<String, SdkField<?>> target = new HashMap<>();
            targetBuilder.sdkFields().forEach(field -> target.put(field.memberName(), field));
            List<SdkField<?>> from = new ArrayList<>();
            List<SdkField<?>> into = new ArrayList<>();
            for (SdkField<?> field : source.sdkFields()) {
                SdkField<?> same = target.get(field.memberName());
                if (same != null && same.marshallingType().equals(field.marshallingType())) {
                    from.add(field);
                    into.add(same);
                }
            }
            return new CopyPlan(from.toArray(SdkField<?>[]::new), into.toArray(SdkField<?>[]::new));
        }

        void copy(SdkPojo source, SdkPojo targetBuilder) {
            for (int i = 0; i < from.length; i++) {
                Object value = from[i].getValueOrDefault(source);
                if (value != null && value.getClass() != DefaultSdkAutoConstructList.class
                        && value.getClass() != DefaultSdkAutoConstructMap.class) {
                    into[i].set(targetBuilder, value);
                }
            }
        }
    }
}
