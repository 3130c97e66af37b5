package io.github.ecsmock.internal.state;

import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** What Fargate reports about the platform it runs tasks on. */
public final class Fargate {
    /** The platform version {@code LATEST} resolves to, as deployments and tasks show it. */
    public static final String LATEST_PLATFORM_VERSION = "1.4.0";

    private Fargate() {
    }

    /** The platform version a request's {@code platformVersion} resolves to. */
    public static String platformVersion(String requested) {
        return requested == null || requested.equals("LATEST") ? LATEST_PLATFORM_VERSION : requested;
    }

    /** The platform family: {@code Linux} unless the definition asks for a Windows family. */
    public static String platformFamily(TaskDefinition definition) {
        String family = definition.runtimePlatform() == null ? null : definition.runtimePlatform().operatingSystemFamilyAsString();
        return family != null && family.startsWith("WINDOWS") ? family : "Linux";
    }
}
