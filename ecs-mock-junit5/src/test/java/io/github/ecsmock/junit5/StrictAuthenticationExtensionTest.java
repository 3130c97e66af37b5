package io.github.ecsmock.junit5;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Strict authentication with the default, in-memory clients. */
class StrictAuthenticationExtensionTest extends StrictAuthenticationContract {
    @RegisterExtension
    static EcsMockExtension ecsMock = strict().build();
}
