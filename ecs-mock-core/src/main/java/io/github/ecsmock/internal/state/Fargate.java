package io.github.ecsmock.internal.state;

import java.util.Set;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** What Fargate reports about the platform it runs tasks on. */
public final class Fargate {
    /** The platform version {@code LATEST} resolves to, as deployments and tasks show it. */
    public static final String LATEST_PLATFORM_VERSION = "1.4.0";
    private static final Set<String> PLATFORM_VERSIONS = Set.of("LATEST", "1.4.0", "1.3.0", "1.2.0", "1.1.0", "1.0.0");

    private Fargate() {
    }

    /** The platform version a request's {@code platformVersion} resolves to. */
    public static String platformVersion(String requested) {
        return requested == null || requested.equals("LATEST") ? LATEST_PLATFORM_VERSION : requested;
    }

    /**
     * Whether Fargate has the version: {@code LATEST} or one of the versions it has had, Linux's
     * 1.0.0 to 1.4.0 (Windows has 1.0.0).
     */
    public static boolean isPlatformVersion(String requested) {
        return PLATFORM_VERSIONS.contains(requested);
    }

    /** The platform family: {@code Linux} unless the definition asks for a Windows family. */
    public static String platformFamily(TaskDefinition definition) {
        String family = definition.runtimePlatform() == null ? null : definition.runtimePlatform().operatingSystemFamilyAsString();
        return family != null && family.startsWith("WINDOWS") ? family : "Linux";
    }
}
