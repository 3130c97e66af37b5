package io.github.ecsmock.junit5.internal;

import io.github.ecsmock.EcsMock;
import software.amazon.awssdk.services.ecs.EcsAsyncClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * One test class's running mock and the clients handed to its tests, kept in the JUnit extension
 * store. JUnit closes it when the class's context closes, whether the tests passed or not, which
 * closes the clients and stops the mock. Clients are made on first use and shared by the class.
 */
public final class MockResource implements AutoCloseable {
    private final MockSettings settings;
    private final EcsMock mock;
    private EcsClient client;
    private EcsAsyncClient asyncClient;

    private MockResource(MockSettings settings, EcsMock mock) {
        this.settings = settings;
        this.mock = mock;
    }

    public static MockResource start(MockSettings settings) {
        return new MockResource(settings, settings.newMock().start());
    }

    public MockSettings settings() {
        return settings;
    }

    public EcsMock mock() {
        return mock;
    }

    public synchronized EcsClient client() {
        if (client == null) {
            client = mock.newClient();
        }
        return client;
    }

    public synchronized EcsAsyncClient asyncClient() {
        if (asyncClient == null) {
            asyncClient = mock.newAsyncClient();
        }
        return asyncClient;
    }

    @Override
    public synchronized void close() {
        try (EcsMock stopping = mock) {
            if (client != null) {
                client.close();
            }
            if (asyncClient != null) {
                asyncClient.close();
            }
        }
    }
}
