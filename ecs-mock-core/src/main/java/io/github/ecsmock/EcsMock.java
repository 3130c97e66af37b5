package io.github.ecsmock;

import io.github.ecsmock.internal.ecs.EcsApi;
import io.github.ecsmock.internal.ecs.EcsOperationNames;
import io.github.ecsmock.internal.ecs.StateView;
import io.github.ecsmock.internal.ecs.Steering;
import io.github.ecsmock.internal.protocol.ClientCredentials;
import io.github.ecsmock.internal.protocol.EcsProtocol;
import io.github.ecsmock.internal.protocol.Fixtures;
import io.github.ecsmock.internal.protocol.ProtocolRequest;
import io.github.ecsmock.internal.protocol.ProtocolResponse;
import io.github.ecsmock.internal.server.ClockRetries;
import io.github.ecsmock.internal.server.ClockWaiter;
import io.github.ecsmock.internal.server.HttpServer;
import io.github.ecsmock.internal.server.InMemoryTransport;
import io.github.ecsmock.internal.server.LoopbackHttpClient;
import io.github.ecsmock.internal.state.EcsState;
import io.github.ecsmock.internal.state.EcsStates;
import io.github.ecsmock.internal.state.Invariants;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsAsyncClient;
import software.amazon.awssdk.services.ecs.EcsAsyncClientBuilder;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.EcsClientBuilder;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.EcsRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/**
 * An Amazon ECS emulator running inside this JVM, and the handle a test holds it by: start and stop
 * it, hand out clients, reset it, move its clock, look at its state and at the requests it answered,
 * and make it misbehave on cue. It is framework-neutral; the JUnit 5 extension is a thin layer over it.
 *
 * <pre>{@code
 * try (EcsMock mock = EcsMock.builder().build().start();
 *      EcsClient ecs = mock.newClient()) {
 *     ecs.createCluster(r -> r.clusterName("dev"));
 *     assertThat(mock.journal().count("CreateCluster")).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>All methods are safe to call from several threads. Every request runs atomically under the
 * lock of its (account, region). The methods that steer tasks act on the default account and region.
 */
public final class EcsMock implements AutoCloseable {
    /** The account a request speaks for unless its access key id is a 12-digit account number. */
    public static final String DEFAULT_ACCOUNT = "123456789012";
    public static final String DEFAULT_REGION = "us-east-1";
    /** The credentials of the clients {@link #newClient()} makes; any credentials are accepted. */
    public static final String TEST_ACCESS_KEY = ClientCredentials.TEST_ACCESS_KEY;

    private final Builder settings;
    private final EcsClock clock;
    private final EcsStates states;
    private final EcsApi api;
    private final EcsProtocol protocol;
    private final RequestJournal journal;
    private final List<Fixtures.Fixture> fixtures;
    private final ThreadLocal<Boolean> replaying = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private HttpServer server;
    private boolean closed;

    private EcsMock(Builder builder) {
        this.settings = builder.copy();
        this.clock = builder.clock != null ? builder.clock : EcsClock.manual();
        // An unseeded mock only needs ids that differ from run to run; SecureRandom's first use costs a
        // fresh JVM some 25 ms of provider set-up.
        this.states = new EcsStates(clock, builder.seed != null ? builder.seed : ThreadLocalRandom.current().nextLong(),
                builder.lifecycle.step());
        this.api = new EcsApi(builder.validationProfile);
        this.journal = new RequestJournal(builder.journalCapacity);
        this.protocol = new EcsProtocol(api, states, builder.account, builder.region, builder.credentials,
                (operation, scope, request, body, response, at) -> {
                    if (!replaying.get()) {
                        journal.record(new RecordedRequest(operation, scope.account(), scope.region(), request,
                                new String(body, StandardCharsets.UTF_8), response.status(), response.errorCode(), at,
                                response.requestId()));
                    }
                });
        this.fixtures = List.copyOf(builder.fixtures);
        replayFixtures();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the HTTP endpoint; returns this handle. Starting a running mock does nothing; a closed one
     * cannot be started again.
     */
    public synchronized EcsMock start() {
        if (closed) {
            throw new IllegalStateException("This mock is closed: build a new one.");
        }
        if (server == null) {
            server = HttpServer.start(protocol, this, settings.host, settings.port, this::warmUp);
        }
        return this;
    }

    /**
     * Stops the HTTP endpoint; the state stays. A stopped mock can be started again on a new port, by
     * {@link #start()} or by asking for its {@link #endpoint()}.
     */
    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /**
     * Stops the HTTP endpoint for good: unlike {@link #stop()}, a closed mock does not start again,
     * so a handle that outlives its test cannot open a server that nobody will stop.
     */
    @Override
    public synchronized void close() {
        closed = true;
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * The HTTP endpoint, e.g. {@code http://127.0.0.1:52417}, started first if it is not running: an
     * address handed out always answers. That lets a mock on a free port wait to start its server until
     * something asks where it is, which is what the JUnit extension does; in-memory clients never ask.
     */
    public synchronized URI endpoint() {
        return HttpServer.endpoint(settings.host, port());
    }

    /** The port the mock listens on, started first if it is not running (see {@link #endpoint()}). */
    public synchronized int port() {
        start();
        return server.port();
    }

    /**
     * The port the builder asked for; 0 for a free one, chosen when the server starts. A fixed port is
     * one a client outside the JVM may be pointed at without asking, so such a mock is started at once.
     */
    public int requestedPort() {
        return settings.port;
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

    /**
     * Forgets every resource of every account and region, the journal and the faults, takes back what
     * the clock was advanced (a manual clock stands where it started again), then puts the fixtures back.
     */
    public void reset() {
        states.reset();
        states.faults().clear();
        journal.clear();
        clock.rewind();
        replayFixtures();
    }

    /**
     * Runs on the thread that starts the HTTP server, while the caller builds its client: answers one
     * read-only question, unrecorded, so that what the mock's first answer loads is loaded by then.
     * (Warming the SDK's own first call the same way was tried: on two cores it only competed with
     * the caller's client build.)
     */
    private void warmUp() {
        replaying.set(Boolean.TRUE);
        try {
            protocol.handleUnsigned(ProtocolRequest.post(EcsProtocol.TARGET_PREFIX + "DescribeClusters", null,
                    "{\"clusters\":[\"ecs-mock-warm-up\"]}".getBytes(StandardCharsets.UTF_8)));
        } finally {
            replaying.remove();
        }
    }

    /** Replays the fixtures through the protocol, as the default account and region, unrecorded. */
    private void replayFixtures() {
        replaying.set(Boolean.TRUE);
        try {
            for (Fixtures.Fixture fixture : fixtures) {
                ProtocolResponse response = protocol.handleUnsigned(ProtocolRequest.post(
                        EcsProtocol.TARGET_PREFIX + fixture.operation(), null, fixture.body()));
                if (response.isError()) {
                    throw new IllegalStateException("The fixture's " + fixture.operation() + " request was refused: "
                            + new String(response.body(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            replaying.remove();
        }
    }

    /** Every request the mock answered since it was built or reset, with what it answered. */
    public RequestJournal journal() {
        return journal;
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
     * A new synchronous client for this mock over HTTP: its endpoint, the default region, test
     * credentials and the Apache 5 HTTP client, the fastest of the SDK's clients on loopback (about
     * three times faster per call than the URL-connection client). The caller closes it.
     */
    public EcsClient newClient() {
        return newClient(Transport.HTTP);
    }

    /** A new synchronous client for this mock over the given transport. The caller closes it. */
    public EcsClient newClient(Transport transport) {
        return newClient(settings.region, settings.account, transport);
    }

    /**
     * A new synchronous client that acts in another region and account of this mock: its requests
     * carry that region in their credential scope and the account as their access key id. The caller
     * closes it.
     */
    public EcsClient newClient(String region, String account, Transport transport) {
        return clientBuilder(region, account, transport).build();
    }

    /**
     * A client builder set up for this mock (endpoint or in-memory transport, region, credentials, and
     * retries that wait on the mock's clock instead of sleeping), for a test that wants more of its own,
     * a retry strategy say:
     * {@code mock.clientBuilder(Transport.IN_MEMORY).overrideConfiguration(o -> o.retryStrategy(...)).build()}
     * (an override configuration of one's own replaces the mock's, so its retries sleep as the SDK's do).
     * The builder comes with an HTTP client builder, which makes the client the SDK client's own (closed
     * with it); to put an HTTP client of your own in its place, clear that first:
     * {@code .httpClientBuilder(null).httpClient(yours)}, else the SDK refuses to build with both.
     */
    public EcsClientBuilder clientBuilder(Transport transport) {
        return clientBuilder(settings.region, settings.account, transport);
    }

    public EcsClientBuilder clientBuilder(String region, String account, Transport transport) {
        EcsClientBuilder builder = forThisMock(EcsClient.builder(), region, account, transport);
        if (transport == Transport.IN_MEMORY) {
            builder.httpClientBuilder(InMemoryTransport.syncClientBuilder(protocol));
        } else {
            builder.httpClientBuilder(LoopbackHttpClient.builder());
        }
        return builder;
    }

    /** A new asynchronous client for this mock over HTTP, configured like {@link #newClient()}. */
    public EcsAsyncClient newAsyncClient() {
        return newAsyncClient(Transport.HTTP);
    }

    public EcsAsyncClient newAsyncClient(Transport transport) {
        return newAsyncClient(settings.region, settings.account, transport);
    }

    public EcsAsyncClient newAsyncClient(String region, String account, Transport transport) {
        EcsAsyncClientBuilder builder = forThisMock(EcsAsyncClient.builder(), region, account, transport);
        if (transport == Transport.IN_MEMORY) {
            builder.httpClientBuilder(InMemoryTransport.asyncClientBuilder(protocol));
        } else {
            builder.httpClientBuilder(NettyNioAsyncHttpClient.builder());
        }
        return builder.build();
    }

    /** An SDK HTTP client that reaches this mock without a socket, for a client a test builds itself. */
    public SdkHttpClient inMemoryHttpClient() {
        return InMemoryTransport.syncClient(protocol);
    }

    /** The asynchronous counterpart of {@link #inMemoryHttpClient()}. */
    public SdkAsyncHttpClient inMemoryAsyncHttpClient() {
        return InMemoryTransport.asyncClient(protocol);
    }

    /** What a sync and an async client of this mock share: endpoint, region and credentials. */
    private <B extends AwsClientBuilder<B, ?>> B forThisMock(B builder, String region, String account, Transport transport) {
        return builder.endpointOverride(transport == Transport.IN_MEMORY ? InMemoryTransport.ENDPOINT : endpoint())
                .overrideConfiguration(o -> o.retryStrategy(ClockRetries.onClock(clock)))
                .region(Region.of(region))
                .credentialsProvider(ClientCredentials.of(account, settings.account, settings.credentials));
    }

    /** Whether every request must carry a valid SigV4 signature by credentials the mock was given. */
    public boolean authenticates() {
        return !settings.credentials.isEmpty();
    }

    /**
     * The SDK's waiter for {@code client}, whose wait between polls advances this mock's clock instead
     * of sleeping: under the stepped lifecycle, waiting for RUNNING takes milliseconds. The caller
     * closes it.
     */
    public EcsWaiter waiter(EcsClient client) {
        return new ClockWaiter(client, clock);
    }

    // ---- faults

    /** Makes the next calls of an operation fail: {@code mock.failNext("RunTask").times(2).withThrottling()}. */
    public ErrorInjection failNext(String operation) {
        return new ErrorInjection(states.faults(), EcsOperationNames.requireEcsOperation(operation));
    }

    /** Makes the next calls of an operation take time on the mock's clock. */
    public DelayInjection delayNext(String operation) {
        return new DelayInjection(states.faults(), EcsOperationNames.requireEcsOperation(operation));
    }

    /** Makes RunTask place fewer tasks than asked: {@code mock.failPlacement().withReason("RESOURCE:MEMORY")}. */
    public PlacementFailure failPlacement() {
        return new PlacementFailure(states.faults());
    }

    /**
     * Makes every task of a task definition fail to start ({@code TaskFailedToStart}), as a bad image
     * does: {@code family} for every revision, {@code family:revision} or an ARN for one. A service
     * deploying it keeps retrying, or its circuit breaker fails the deployment and rolls back.
     */
    public void failTasksOf(String taskDefinition, String reason) {
        states.faults().failTasksOf(Objects.requireNonNull(taskDefinition, "taskDefinition"), Objects.requireNonNull(reason, "reason"));
    }

    /** {@link #failTasksOf(String, String)} with an image that cannot be pulled. */
    public void failTasksOf(String taskDefinition) {
        failTasksOf(taskDefinition, "CannotPullContainerError: pull image manifest has been retried 5 time(s): "
                + "failed to resolve ref: not found");
    }

    /** Forgets every fault asked for; a reset does too. */
    public void clearFaults() {
        states.faults().clear();
    }

    // ---- steering tasks (default account and region)

    /**
     * Stops a running task as if its essential container exited with {@code exitCode}: stopCode
     * EssentialContainerExited, that container's exit code and reason; a service replaces the task.
     * Returns the task as DescribeTasks then shows it.
     */
    public Task exitEssentialContainer(String cluster, String task, int exitCode, String reason) {
        return Steering.exitEssentialContainer(defaultState(), cluster, task, exitCode, reason);
    }

    public Task exitEssentialContainer(String cluster, String task, int exitCode) {
        return exitEssentialContainer(cluster, task, exitCode, null);
    }

    /** Stops a running task as a Spot interruption does (stopCode SpotInterruption). */
    public Task interruptTask(String cluster, String task) {
        return Steering.interrupt(defaultState(), cluster, task);
    }

    /** Stops a running task as if its host were lost and the agent could not report how it ended. */
    public Task loseTask(String cluster, String task) {
        return Steering.lose(defaultState(), cluster, task);
    }

    private EcsState defaultState() {
        return states.of(settings.account, settings.region);
    }

    /** What breaks the state's own rules, over every account and region; empty unless the mock has a bug. */
    List<String> invariantViolations() {
        return states.all().stream().flatMap(state -> Invariants.violations(state).stream()).toList();
    }

    /** The protocol core, for transports in this library. */
    EcsProtocol protocol() {
        return protocol;
    }

    @Override
    public String toString() {
        return "EcsMock[" + (isRunning() ? endpoint() : "no HTTP endpoint") + ", account " + settings.account + ", region "
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
        private int journalCapacity = RequestJournal.DEFAULT_CAPACITY;
        private List<Fixtures.Fixture> fixtures = new ArrayList<>();

        private Builder() {
        }

        /** The region of requests that do not name one (unsigned requests); default {@code us-east-1}. */
        public Builder region(String region) {
            this.region = requireText(region, "region");
            return this;
        }

        /** The account of requests whose access key is not a 12-digit account id; default {@code 123456789012}. */
        public Builder account(String account) {
            ClientCredentials.requireAccount(account);
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

        /** How many requests the journal keeps, newest first; default {@value RequestJournal#DEFAULT_CAPACITY}. */
        public Builder journalCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("The journal keeps at least one request: " + capacity);
            }
            this.journalCapacity = capacity;
            return this;
        }

        /** A cluster the mock starts with, and returns to on every reset. */
        public Builder withCluster(String name) {
            return withRequest(CreateClusterRequest.builder().clusterName(name).build());
        }

        public Builder withCluster(CreateClusterRequest request) {
            return withRequest(request);
        }

        /** A task definition revision the mock starts with, and returns to on every reset. */
        public Builder withTaskDefinition(RegisterTaskDefinitionRequest request) {
            return withRequest(request);
        }

        /** A service the mock starts with (its tasks started), and returns to on every reset. */
        public Builder withService(CreateServiceRequest request) {
            return withRequest(request);
        }

        /** Tasks the mock starts with, and returns to on every reset. */
        public Builder withTasks(RunTaskRequest request) {
            return withRequest(request);
        }

        /** Any ECS request, answered when the mock is built and after every reset, in the order given. */
        public Builder withRequest(EcsRequest request) {
            this.fixtures.add(Fixtures.of((SdkPojo) request));
            return this;
        }

        /**
         * The requests of a JSON file on the classpath, {@code [{"CreateCluster": {"clusterName": "dev"}}, ...]},
         * each in ECS's JSON as the wire carries it.
         */
        public Builder withFixture(String classpathResource) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                    ? Thread.currentThread().getContextClassLoader() : EcsMock.class.getClassLoader();
            String path = classpathResource.startsWith("/") ? classpathResource.substring(1) : classpathResource;
            try (InputStream json = loader.getResourceAsStream(path)) {
                if (json == null) {
                    throw new IllegalArgumentException("No fixture " + classpathResource + " on the classpath");
                }
                this.fixtures.addAll(Fixtures.read(json, classpathResource));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
            copy.journalCapacity = journalCapacity;
            copy.fixtures = new ArrayList<>(fixtures);
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
