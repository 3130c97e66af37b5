package io.github.ecsmock.junit5.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ecsmock.Transport;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/** The class's clients and waiters, made on first use and kept by region and account. */
class MockResourceTest {

    /**
     * A waiter's client is made first: made inside the waiter's own computeIfAbsent, it changed the
     * map from within itself, which ConcurrentHashMap refuses ("Recursive update") when the two keys
     * fall in one bin. Whether they do depends on the identity hashes of the client classes, which
     * differ from JVM to JVM: this caught the mistake in some JVMs only (a review saw it in three of
     * three; it passed in others), so the fix rests on the map's contract as much as on this test.
     */
    @Test
    void waitersOfManyAccountsAreMadeOneAfterAnother() throws Exception {
        MockSettings settings = new MockSettings(MockSettings.DEFAULTS.region(), MockSettings.DEFAULTS.account(), 0,
                MockSettings.DEFAULTS.reset(), MockSettings.DEFAULTS.validation(), MockSettings.DEFAULTS.lifecycle(),
                MockSettings.DEFAULTS.credentials(), Transport.IN_MEMORY, builder -> { }, null);
        try (MockResource resource = MockResource.start(settings)) {
            Set<EcsWaiter> waiters = new HashSet<>();
            for (int i = 0; i < 60; i++) {
                waiters.add(resource.waiter("us-east-1", String.format("%012d", 100_000_000_000L + i)));
            }

            assertThat(waiters).hasSize(60);
            assertThat(resource.waiter("us-east-1", "100000000000")).isIn(waiters);
        }
    }
}
