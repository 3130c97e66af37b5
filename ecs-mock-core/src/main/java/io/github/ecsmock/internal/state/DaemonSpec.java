package io.github.ecsmock.internal.state;

import java.util.List;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinition;

/**
 * What a daemon revision is made of: what CreateDaemon or UpdateDaemon was given, once checked.
 *
 * @param capacityProviderArns the providers whose instances the daemon runs on, never empty
 */
public record DaemonSpec(DaemonTaskDefinition definition, List<String> capacityProviderArns, String propagateTags,
                         boolean enableECSManagedTags, boolean enableExecuteCommand, boolean critical) {
    public DaemonSpec {
        capacityProviderArns = List.copyOf(capacityProviderArns);
    }
}
