package io.github.ecsmock.junit5.internal;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.Lifecycle;
import io.github.ecsmock.ValidationProfile;
import io.github.ecsmock.junit5.EcsMockTest;
import io.github.ecsmock.junit5.ResetMode;

/** What one test class's mock looks like, from the extension's builder or the {@link EcsMockTest} annotation. */
public record MockSettings(String region, String account, int port, ResetMode reset, ValidationProfile validation,
                           Lifecycle lifecycle) {

    public static final MockSettings DEFAULTS = new MockSettings(EcsMock.DEFAULT_REGION, EcsMock.DEFAULT_ACCOUNT, 0,
            ResetMode.BEFORE_EACH, ValidationProfile.LENIENT, Lifecycle.immediate());

    public static MockSettings of(EcsMockTest annotation) {
        return new MockSettings(annotation.region(), annotation.account(), 0, annotation.reset(), annotation.validation(),
                annotation.stepped() ? Lifecycle.stepped() : Lifecycle.immediate());
    }

    /** A mock built with these settings, not yet started. */
    public EcsMock newMock() {
        return EcsMock.builder()
                .region(region)
                .account(account)
                .port(port)
                .validationProfile(validation)
                .lifecycle(lifecycle)
                .build();
    }
}
