package io.github.ecsmock;

import io.github.ecsmock.internal.ecs.EcsApi;
import io.github.ecsmock.internal.ecs.StateView;
import io.github.ecsmock.internal.protocol.EcsProtocol;
import io.github.ecsmock.internal.server.HttpServer;
import io.github.ecsmock.internal.state.EcsStates;
import io.github.ecsmock.internal.state.Invariants;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsAsyncClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * An Amazon ECS emulator running inside this JVM: the handle to start and stop it, find its endpoint,
 * reset it, move its clock and look at its state. It is framework-neutral; the JUnit 5 extension is a
 * thin layer over it.
 *
 * <pre>{@code
 * try (EcsMock mock = EcsMock.builder().build().start();
 *      EcsClient ecs = mock.newClient()) {
 *     ecs.createCluster(r -> r.clusterName("dev"));
 * }
 * }</pre>
 *
 * <p>All methods are safe to call from several threads. Every request runs atomically under the
 * lock of its (account, region).
 */
public final class EcsMock implements AutoCloseable {
    /** The account a request speaks for unless its access key id is a 12-digit account number. */
    public static final String DEFAULT_ACCOUNT = "123456789012";
    public static final String DEFAULT_REGION = "us-east-1";
    /** The credentials of the clients {@link #newClient()} makes; any credentials are accepted. */
    public static final String TEST_ACCESS_KEY = "test";

    private final Builder settings;
    private final EcsClock clock;
    private final EcsStates states;
    private final EcsApi api;
    private final EcsProtocol protocol;
    private HttpServer server;

    private EcsMock(Builder builder) {
        this.settings = builder.copy();
        this.clock = builder.clock != null ? builder.clock : EcsClock.manual();
        this.states = new EcsStates(clock, builder.seed != null ? builder.seed : new SecureRandom().nextLong(),
                builder.lifecycle.step());
        this.api = new EcsApi(builder.validationProfile);
        this.protocol = new EcsProtocol(api, states, builder.account, builder.region, builder.credentials);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the HTTP endpoint; returns this handle. Starting a running mock does nothing. */
    public synchronized EcsMock start() {
        if (server == null) {
            server = HttpServer.start(protocol, settings.host, settings.port);
        }
        return this;
    }

    /** Stops the HTTP endpoint; the state stays. A stopped mock can be started again on a new port. */
    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The HTTP endpoint, e.g. {@code http://127.0.0.1:52417}; the mock must be running. */
    public synchronized URI endpoint() {
        return URI.create("http://" + hostForUri() + ":" + port());
    }

    /** The port the mock listens on; the mock must be running. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("The mock is not running: call start() first.");
        }
        return server.port();
    }

    /** The host as a client should name it: a wildcard address is reached through loopback. */
    private String hostForUri() {
        String host = settings.host;
        try {
            if (InetAddress.getByName(host).isAnyLocalAddress()) {
                return "127.0.0.1";
            }
        } catch (UnknownHostException e) {
            // A name that does not resolve is used as given; starting would have failed on it.
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    public String region() {
        return settings.region;
    }

    public String account() {
        return settings.account;
    }

    public ValidationProfile validationProfile() {
        return settings.validationProfile;
    }

    public Lifecycle lifecycle() {
        return settings.lifecycle;
    }

    /** The mock's clock, to read or advance; every timestamp and scheduled transition uses it. */
    public EcsClock clock() {
        return clock;
    }

    /** Forgets every resource of every account and region; the clock keeps its time. */
    public void reset() {
        states.reset();
    }

    /** The state of the default account and region. */
    public EcsView view() {
        return view(settings.account, settings.region);
    }

    /** The state of one account and region. */
    public EcsView view(String account, String region) {
        return new StateView(states.of(account, region), api);
    }

    /**
     * A new synchronous client for this mock: its endpoint, the default region, test credentials and
     * the Apache 5 HTTP client, the fastest of the SDK's clients on loopback (about three times
     * faster per call than the URL-connection client). The caller closes it.
     */
    public EcsClient newClient() {
        return EcsClient.builder()
                .endpointOverride(endpoint())
                .region(Region.of(settings.region))
                .credentialsProvider(credentials())
                .httpClientBuilder(Apache5HttpClient.builder())
                .build();
    }

    /** A new asynchronous client for this mock, configured like {@link #newClient()}. The caller closes it. */
    public EcsAsyncClient newAsyncClient() {
        return EcsAsyncClient.builder()
                .endpointOverride(endpoint())
                .region(Region.of(settings.region))
                .credentialsProvider(credentials())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder())
                .build();
    }

    /** The test credentials, or under strict authentication the first credentials the mock was given. */
    private StaticCredentialsProvider credentials() {
        Map.Entry<String, String> first = settings.credentials.isEmpty()
                ? Map.entry(TEST_ACCESS_KEY, TEST_ACCESS_KEY) : settings.credentials.entrySet().iterator().next();
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(first.getKey(), first.getValue()));
    }

    /** Whether every request must carry a valid SigV4 signature by credentials the mock was given. */
    public boolean authenticates() {
        return !settings.credentials.isEmpty();
    }

    /** What breaks the state's own rules, over every account and region; empty unless the mock has a bug. */
    java.util.List<String> invariantViolations() {
        return states.all().stream().flatMap(state -> Invariants.violations(state).stream()).toList();
    }

    /** The protocol core, for transports in this library. */
    EcsProtocol protocol() {
        return protocol;
    }

    @Override
    public String toString() {
        return "EcsMock[" + (isRunning() ? endpoint() : "stopped") + ", account " + settings.account + ", region "
                + settings.region + "]";
    }

    /** How a mock is set up. Every setting has a default that suits a unit test. */
    public static final class Builder {
        private String region = DEFAULT_REGION;
        private String account = DEFAULT_ACCOUNT;
        private String host = "127.0.0.1";
        private int port;
        private EcsClock clock;
        private ValidationProfile validationProfile = ValidationProfile.LENIENT;
        private Lifecycle lifecycle = Lifecycle.immediate();
        private Long seed;
        private Map<String, String> credentials = new LinkedHashMap<>();

        private Builder() {
        }

        /** The region of requests that do not name one (unsigned requests); default {@code us-east-1}. */
        public Builder region(String region) {
            this.region = requireText(region, "region");
            return this;
        }

        /** The account of requests whose access key is not a 12-digit account id; default {@code 123456789012}. */
        public Builder account(String account) {
            if (account == null || !account.matches("\\d{12}")) {
                throw new IllegalArgumentException("An AWS account id is 12 digits: " + account);
            }
            this.account = account;
            return this;
        }

        /** The address to listen on; default the loopback address {@code 127.0.0.1}. */
        public Builder host(String host) {
            this.host = requireText(host, "host");
            return this;
        }

        /** The port to listen on; default 0, any free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Not a TCP port: " + port);
            }
            this.port = port;
            return this;
        }

        /** The clock; default a manual clock standing at the time the mock is built. */
        public Builder clock(EcsClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How strictly requests are held to what AWS accepts; default {@link ValidationProfile#LENIENT}. */
        public Builder validationProfile(ValidationProfile profile) {
            this.validationProfile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /** How tasks move through their statuses; default {@link Lifecycle#immediate()}. */
        public Builder lifecycle(Lifecycle lifecycle) {
            this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
            return this;
        }

        /**
         * Turns on strict authentication and accepts these credentials: every request must then be
         * signed (SigV4) by a secret the mock knows, and is refused as AWS refuses it otherwise
         * (MissingAuthenticationTokenException, UnrecognizedClientException, InvalidSignatureException).
         * May be called again to accept more; the clients of {@link #newClient()} sign with the first.
         */
        public Builder credentials(String accessKeyId, String secretAccessKey) {
            if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isEmpty()) {
                throw new IllegalArgumentException("An access key id and a secret access key are needed");
            }
            this.credentials.put(accessKeyId, secretAccessKey);
            return this;
        }

        /** Seeds the identifiers the mock hands out, so that a run can be repeated exactly. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public EcsMock build() {
            return new EcsMock(this);
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.region = region;
            copy.account = account;
            copy.host = host;
            copy.port = port;
            copy.clock = clock;
            copy.validationProfile = validationProfile;
            copy.lifecycle = lifecycle;
            copy.seed = seed;
            copy.credentials = new LinkedHashMap<>(credentials);
            return copy;
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}
