package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.ValidationProfile;
import io.github.ecsmock.internal.errors.EcsError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the validation profile decides: a request that AWS rejects but the lenient
 * profile accepts is either refused with AWS's error or accepted with a single warning line.
 */
public final class Leniency {
    private static final Logger LOG = LoggerFactory.getLogger("io.github.ecsmock");

    private final ValidationProfile profile;

    public Leniency(ValidationProfile profile) {
        this.profile = profile;
    }

    /** Throws {@code error} under the strict profile; under the lenient one logs what AWS would answer. */
    public void awsWouldReject(String operation, EcsError error) {
        if (profile == ValidationProfile.STRICT) {
            throw error;
        }
        LOG.warn("ecs-mock accepted a {} request that AWS rejects with {}: {} (the STRICT validation profile rejects it)",
                operation, error.code(), error.getMessage());
    }
}
