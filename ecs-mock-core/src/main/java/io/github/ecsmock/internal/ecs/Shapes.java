package io.github.ecsmock.internal.ecs;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/** Small operations on the SDK's model objects that the operations share. */
final class Shapes {
    private Shapes() {
    }

    /**
     * Copies every member the source has set into the target builder's member of the same name and
     * marshalling type. ECS echoes a request's members into the resource it creates (a task
     * definition, a service) under the same names; copying by the model keeps that true for members
     * added in later SDK versions.
     */
    static void copySameNamedMembers(SdkPojo source, SdkPojo targetBuilder) {
        Map<String, SdkField<?>> target = new HashMap<>();
        targetBuilder.sdkFields().forEach(field -> target.put(field.memberName(), field));
        for (SdkField<?> field : source.sdkFields()) {
            SdkField<?> into = target.get(field.memberName());
            if (into == null || !into.marshallingType().equals(field.marshallingType())) {
                continue;
            }
            Object value = field.getValueOrDefault(source);
            if (value != null && !(value instanceof SdkAutoConstructList) && !(value instanceof SdkAutoConstructMap)) {
                into.set(targetBuilder, value);
            }
        }
    }
}
