package io.github.ecsmock.junit5.internal;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.Lifecycle;
import io.github.ecsmock.Transport;
import io.github.ecsmock.ValidationProfile;
import io.github.ecsmock.junit5.EcsMockTest;
import io.github.ecsmock.junit5.ResetMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What one test class's mock looks like, from the extension's builder or the {@link EcsMockTest}
 * annotation; {@code annotation} is the one it was read from, null for the builder and the defaults.
 */
public record MockSettings(String region, String account, int port, ResetMode reset, ValidationProfile validation,
                           Lifecycle lifecycle, Map<String, String> credentials, Transport transport,
                           Consumer<EcsMock.Builder> customizer, EcsMockTest annotation) {

    public static final MockSettings DEFAULTS = new MockSettings(EcsMock.DEFAULT_REGION, EcsMock.DEFAULT_ACCOUNT, 0,
            ResetMode.BEFORE_EACH, ValidationProfile.LENIENT, Lifecycle.immediate(), Map.of(), Transport.IN_MEMORY, builder -> { },
            null);

    public MockSettings {
        credentials = Collections.unmodifiableMap(new LinkedHashMap<>(credentials));
    }

    public static MockSettings of(EcsMockTest annotation) {
        String fixture = annotation.fixture();
        return new MockSettings(annotation.region(), annotation.account(), 0, annotation.reset(), annotation.validation(),
                annotation.stepped() ? Lifecycle.stepped() : Lifecycle.immediate(), Map.of(), annotation.transport(),
                builder -> {
                    if (!fixture.isEmpty()) {
                        builder.withFixture(fixture);
                    }
                }, annotation);
    }

    /** These settings with the injected clients over {@code other}. */
    public MockSettings withTransport(Transport other) {
        return new MockSettings(region, account, port, reset, validation, lifecycle, credentials, other, customizer, annotation);
    }

    /** A mock built with these settings, not yet started. */
    public EcsMock newMock() {
        EcsMock.Builder builder = EcsMock.builder()
                .region(region)
                .account(account)
                .port(port)
                .validationProfile(validation)
                .lifecycle(lifecycle);
        credentials.forEach(builder::credentials);
        customizer.accept(builder);
        return builder.build();
    }
}
