package io.github.ecsmock.junit5;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.Lifecycle;
import io.github.ecsmock.Transport;
import io.github.ecsmock.ValidationProfile;
import io.github.ecsmock.junit5.internal.MockResource;
import io.github.ecsmock.junit5.internal.MockSettings;
import java.lang.annotation.Annotation;
import java.lang.reflect.Executable;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import software.amazon.awssdk.services.ecs.EcsAsyncClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/**
 * Runs the tests of a class against an Amazon ECS mock inside the test JVM.
 *
 * <p>Register it declaratively, with {@code @ExtendWith(EcsMockExtension.class)} or
 * {@link EcsMockTest @EcsMockTest}, or programmatically with a builder:
 * <pre>{@code
 * @RegisterExtension
 * static EcsMockExtension ecs = EcsMockExtension.builder().region("eu-west-1").build();
 * }</pre>
 *
 * <p>Each test class gets one mock, built before its first test and closed, with the clients it handed
 * out, when the class is done (JUnit closes it from the extension store, also when tests fail).
 * {@code @Nested} classes share their outer class's mock. The state is reset before each test unless
 * {@link ResetMode#NEVER} is chosen. The injected clients reach it in memory unless
 * {@link EcsMockTest#transport()} says HTTP; its HTTP endpoint opens on a random loopback port when
 * first asked for, or at once on a fixed port.
 *
 * <p>Test and lifecycle methods receive {@link EcsClient}, {@link EcsAsyncClient}, {@link EcsWaiter}
 * (the SDK's waiter, waiting on the mock's clock), {@link EcsMock} (the handle: journal, state views,
 * clock, faults) and the endpoint {@link URI} as parameters. The clients are configured for the mock
 * (transport, region, test credentials) and shared by the class's tests; code that needs an address
 * takes the {@code URI}, as an in-memory client names none that answers. {@link EcsRegion} and
 * {@link EcsAccount} on a client parameter ask for one of another region or account.
 *
 * <p>Concurrency: test classes may run in parallel; each has its own mock. When the methods of one
 * class run concurrently, they share one mock: every request is atomic, but a reset before one test
 * wipes what another is doing, so use {@link ResetMode#NEVER} and distinct resource names there.
 */
public final class EcsMockExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EcsMockExtension.class);
    private static final String PARAMETERIZED_TEST = "org.junit.jupiter.params.ParameterizedTest";

    /** Settings from the builder; {@code null} when registered declaratively (then the annotation decides). */
    private final MockSettings settings;
    private volatile MockResource lastResource;

    /** The extension with the settings of {@link EcsMockTest} on the class, or the defaults. */
    public EcsMockExtension() {
        this(null);
    }

    private EcsMockExtension(MockSettings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        checkSameSettings(classContext(context), resource(context));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        MockResource resource = resource(context);
        if (resource.settings().reset() == ResetMode.BEFORE_EACH) {
            resource.mock().reset();
        }
    }

    /**
     * The clients, the waiter, the mock and its endpoint {@code URI}; a {@code URI} only outside a
     * {@code @ParameterizedTest}, whose arguments may be URIs of their own (such a test asks for the
     * {@code EcsMock} and its {@code endpoint()}).
     */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == EcsClient.class || type == EcsAsyncClient.class || type == EcsWaiter.class || type == EcsMock.class
                || type == URI.class && !isParameterizedTest(parameter.getDeclaringExecutable());
    }

    /**
     * Annotated {@code @ParameterizedTest}, directly or through an annotation of the user's; by name, so
     * that the extension needs no junit-jupiter-params on the class path.
     */
    private static boolean isParameterizedTest(Executable executable) {
        for (Annotation annotation : executable.getAnnotations()) {
            if (annotation.annotationType().getName().equals(PARAMETERIZED_TEST)) {
                return true;
            }
            for (Annotation meta : annotation.annotationType().getAnnotations()) {
                if (meta.annotationType().getName().equals(PARAMETERIZED_TEST)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        MockResource resource = resource(context);
        try {
            return resolve(parameter, resource);
        } catch (IllegalArgumentException e) {
            throw new ParameterResolutionException(e.getMessage() + " (" + parameter.getParameter() + " of "
                    + parameter.getDeclaringExecutable().getName() + ")", e);
        }
    }

    private static Object resolve(ParameterContext parameter, MockResource resource) {
        Class<?> type = parameter.getParameter().getType();
        // The mock's own: a region or account set through .mock(m -> ...) overrides the extension's.
        String region = parameter.findAnnotation(EcsRegion.class).map(EcsRegion::value).orElse(resource.mock().region());
        String account = parameter.findAnnotation(EcsAccount.class).map(EcsAccount::value).orElse(resource.mock().account());
        if (type == EcsClient.class) {
            return resource.client(region, account);
        }
        if (type == EcsAsyncClient.class) {
            return resource.asyncClient(region, account);
        }
        if (type == EcsWaiter.class) {
            return resource.waiter(region, account);
        }
        if (type == EcsMock.class) {
            return resource.mock();
        }
        return resource.mock().endpoint();
    }

    /**
     * The mock of the test class this extension last served, for tests that hold the extension in a
     * static field; parameters are the way to reach it from tests that run in parallel.
     */
    public EcsMock mock() {
        MockResource resource = lastResource;
        if (resource == null) {
            throw new IllegalStateException("No test class has started a mock through this extension yet.");
        }
        return resource.mock();
    }

    /** The mock of the test class of {@code context}, started on first use in that class's store. */
    private MockResource resource(ExtensionContext context) {
        ExtensionContext owner = classContext(context);
        MockResource resource = owner.getStore(NAMESPACE).getOrComputeIfAbsent(
                MockResource.class, key -> MockResource.start(settingsFor(owner)), MockResource.class);
        lastResource = resource;
        return resource;
    }

    /**
     * A {@code @Nested} class shares its outer class's mock, so settings of its own would be ignored:
     * an {@link EcsMockTest} on it that differs from the one the mock was made with is a mistake to
     * point out, not to drop silently, also when the outer class registered the extension with a builder.
     * Checked once a class, before its tests.
     */
    private static void checkSameSettings(ExtensionContext owner, MockResource resource) {
        if (owner.getTestClass().isEmpty()) {
            return;
        }
        Optional<EcsMockTest> own = AnnotationSupport.findAnnotation(owner.getRequiredTestClass(), EcsMockTest.class);
        if (own.isPresent() && !own.get().equals(resource.settings().annotation())) {
            throw new ExtensionConfigurationException(owner.getRequiredTestClass().getName() + " shares the mock of its "
                    + "outer class, so its own " + own.get() + " cannot apply; put the settings on the outermost class.");
        }
    }

    /** The nearest context of a test class: the mock lives as long as the class. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() || current.getTestClass().isEmpty()) {
            Optional<ExtensionContext> parent = current.getParent();
            if (parent.isEmpty()) {
                return context;
            }
            current = parent.get();
        }
        return current;
    }

    private MockSettings settingsFor(ExtensionContext classContext) {
        if (settings != null) {
            return settings;
        }
        // Found also through an annotation of the user's that carries it, or an interface the class implements.
        for (Class<?> type = classContext.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
            Optional<EcsMockTest> annotation = AnnotationSupport.findAnnotation(type, EcsMockTest.class);
            if (annotation.isPresent()) {
                return MockSettings.of(annotation.get());
            }
        }
        return MockSettings.DEFAULTS;
    }

    /** Settings for a programmatically registered extension. */
    public static final class Builder {
        private String region = EcsMock.DEFAULT_REGION;
        private String account = EcsMock.DEFAULT_ACCOUNT;
        private int port;
        private ResetMode reset = ResetMode.BEFORE_EACH;
        private ValidationProfile validation = ValidationProfile.LENIENT;
        private Lifecycle lifecycle = Lifecycle.immediate();
        private final Map<String, String> credentials = new LinkedHashMap<>();
        private Transport transport = Transport.IN_MEMORY;
        private Consumer<EcsMock.Builder> customizer = builder -> { };

        private Builder() {
        }

        /** The region of the injected clients; default {@code us-east-1}. */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /** The 12-digit account the injected clients act for; default {@code 123456789012}. */
        public Builder account(String account) {
            this.account = Objects.requireNonNull(account, "account");
            return this;
        }

        /** A fixed port; default 0, a free port for each class (needed when classes run in parallel). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** When the state is forgotten; default {@link ResetMode#BEFORE_EACH}. */
        public Builder reset(ResetMode reset) {
            this.reset = Objects.requireNonNull(reset, "reset");
            return this;
        }

        /** How strictly requests are held to what AWS accepts; default {@link ValidationProfile#LENIENT}. */
        public Builder validation(ValidationProfile validation) {
            this.validation = Objects.requireNonNull(validation, "validation");
            return this;
        }

        /** How tasks move through their statuses; default {@link Lifecycle#immediate()}. */
        public Builder lifecycle(Lifecycle lifecycle) {
            this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
            return this;
        }

        /**
         * Turns on strict authentication: requests must be SigV4-signed with credentials given here, and
         * the injected clients sign with the first ones. See {@link EcsMock.Builder#credentials}.
         */
        public Builder credentials(String accessKeyId, String secretAccessKey) {
            credentials.put(accessKeyId, secretAccessKey);
            return this;
        }

        /** How the injected clients reach the mock; default {@link Transport#IN_MEMORY}. */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * Any other setting of the mock, on its own builder: fixtures, a clock, a seed, the journal's
         * capacity. {@code .mock(m -> m.withCluster("dev").seed(42))}
         */
        public Builder mock(Consumer<EcsMock.Builder> customizer) {
            this.customizer = this.customizer.andThen(Objects.requireNonNull(customizer, "customizer"));
            return this;
        }

        public EcsMockExtension build() {
            MockSettings built = new MockSettings(region, account, port, reset, validation, lifecycle, credentials,
                    transport, customizer, null);
            built.newMock(); // fails now, at registration, on a setting the mock refuses
            return new EcsMockExtension(built);
        }
    }
}
