package io.github.ecsmock.junit5.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A client the extension hands to every test of a class, seen through its interface with
 * {@code close()} made harmless. Code under test often closes the client it is given
 * ({@code try (EcsClient ecs = clients.get())}); that must not break the tests that come after it in
 * the class. The extension owns the client and JUnit closes it with the class.
 */
final class SharedClient implements InvocationHandler {
    private final Object client;

    private SharedClient(Object client) {
        this.client = client;
    }

    static <T extends AutoCloseable> T of(Class<T> type, T client) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new SharedClient(client)));
    }

    /** The client behind a shared one, for its owner to close. */
    static AutoCloseable owned(Object shared) {
        return (AutoCloseable) ((SharedClient) Proxy.getInvocationHandler(shared)).client;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
        if (method.getParameterCount() == 0) {
            switch (method.getName()) {
                case "close":
                    return null;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return client + " (shared by the test class; closed with it)";
                default:
                    break;
            }
        }
        if (method.getName().equals("equals") && method.getParameterCount() == 1) {
            return proxy == arguments[0];
        }
        try {
            return method.invoke(client, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
