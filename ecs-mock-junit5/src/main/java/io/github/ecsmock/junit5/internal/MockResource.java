package io.github.ecsmock.junit5.internal;

import io.github.ecsmock.EcsMock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.ecs.EcsAsyncClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/**
 * One test class's mock and the clients handed to its tests, kept in the JUnit extension
 * store. JUnit closes it when the class's context closes, whether the tests passed or not, which
 * closes the clients and stops the mock. A client is made on first use for its region and account
 * and shared by the class.
 */
public final class MockResource implements AutoCloseable {
    /**
     * Which client: sync or async, and the region and account it acts in. Its equality is written out:
     * a record's generated methods are linked through {@code ObjectMethods} on first use, which cost
     * a fresh JVM's first test some 9 ms of method-handle set-up before its first call.
     */
    private record ClientKey(Class<?> type, String region, String account) {
        @Override
        public boolean equals(Object other) {
            return other instanceof ClientKey key && type == key.type && Objects.equals(region, key.region)
                    && Objects.equals(account, key.account);
        }

        @Override
        public int hashCode() {
            return (type.hashCode() * 31 + Objects.hashCode(region)) * 31 + Objects.hashCode(account);
        }
    }

    private final MockSettings settings;
    private final EcsMock mock;
    private final Map<ClientKey, AutoCloseable> clients = new ConcurrentHashMap<>();

    private MockResource(MockSettings settings, EcsMock mock) {
        this.settings = settings;
        this.mock = mock;
    }

    /**
     * The class's mock. Its HTTP server starts when something asks for its endpoint (a {@code URI}
     * parameter, an HTTP client, {@code mock.endpoint()}), or at once on a fixed port, which a client
     * outside the JVM may be pointed at without asking: a server on a free port nobody has asked about
     * cannot be reached, and starting one costs more than the rest of a start-up with in-memory clients.
     */
    public static MockResource start(MockSettings settings) {
        EcsMock mock = settings.newMock();
        if (mock.requestedPort() != 0) {
            mock.start();
        }
        return new MockResource(settings, mock);
    }

    public MockSettings settings() {
        return settings;
    }

    public EcsMock mock() {
        return mock;
    }

    public EcsClient client() {
        return client(mock.region(), mock.account());
    }

    public EcsClient client(String region, String account) {
        return (EcsClient) clients.computeIfAbsent(new ClientKey(EcsClient.class, region, account),
                key -> mock.newClient(region, account, settings.transport()));
    }

    public EcsAsyncClient asyncClient(String region, String account) {
        return (EcsAsyncClient) clients.computeIfAbsent(new ClientKey(EcsAsyncClient.class, region, account),
                key -> mock.newAsyncClient(region, account, settings.transport()));
    }

    /** The waiter on the mock's clock, over the client of that region and account. */
    public EcsWaiter waiter(String region, String account) {
        // The client first: a ConcurrentHashMap must not be changed from inside its own computeIfAbsent.
        EcsClient client = client(region, account);
        return (EcsWaiter) clients.computeIfAbsent(new ClientKey(EcsWaiter.class, region, account),
                key -> mock.waiter(client));
    }

    @Override
    public void close() throws Exception {
        List<Exception> failures = new ArrayList<>();
        for (AutoCloseable client : clients.values()) {
            try {
                client.close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        clients.clear();
        mock.close();
        if (!failures.isEmpty()) {
            Exception first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }
}
