package io.github.ecsmock.internal.server;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.internal.errors.EcsError;
import io.github.ecsmock.internal.protocol.EcsProtocol;
import io.github.ecsmock.internal.protocol.ProtocolRequest;
import io.github.ecsmock.internal.protocol.ProtocolResponse;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.ServerSocketChannel;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.CompletionException;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.LowResourceMonitor;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.session.DefaultSessionIdManager;
import org.eclipse.jetty.session.HouseKeeper;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP transport: Javalin on Jetty, answering {@code POST /} through the protocol. Whatever
 * reaches the server and is not an ECS request (another path or method, a body over the size limit)
 * is still answered in the AWS error format, never with an HTML page or a stack trace.
 *
 * <p>The listening socket is bound at once, so the port is known and connections queue from the
 * first moment; Jetty starts on a thread of its own meanwhile. Starting Jetty is most of the cost of
 * a mock's start in a fresh JVM (class loading), and the caller builds its SDK client, the other
 * large cost, in parallel.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    /** The largest body accepted, as Javalin's default; ECS's own largest requests are far smaller. */
    static final long MAX_REQUEST_BYTES = EcsProtocol.MAX_REQUEST_BYTES;
    /** The most a body without a Content-Length may grow before Javalin itself refuses it. */
    private static final long JAVALIN_MAX_REQUEST_BYTES = 8L * 1024 * 1024;
    /** How much of an oversized body is read and dropped before the connection is closed on it. */
    private static final long MAX_DRAINED_BYTES = 64L * 1024 * 1024;

    /**
     * Whether a mock of this JVM has warmed up its request path. Classes load once per JVM, so only the
     * first start gains from the warm-up; in a JVM that has started mocks before, the warm-up's request
     * only took a core from the caller's first call (about 2 ms of a start of 20).
     */
    private static final AtomicBoolean WARMED_UP = new AtomicBoolean();

    private final ServerSocketChannel channel;
    private final int port;
    private final CompletableFuture<Javalin> app;
    private final Thread starter;

    private HttpServer(ServerSocketChannel channel, int port, CompletableFuture<Javalin> app, Thread starter) {
        this.channel = channel;
        this.port = port;
        this.app = app;
        this.starter = starter;
    }

    /**
     * Binds {@code host:port} (port 0 picks a free port, see {@link #port()}) and starts serving it.
     * Once Jetty runs, the first start in a JVM runs {@code warmUp} and asks the server one read-only
     * question over loopback, so that the classes of a first answer load while the caller is still
     * building its client rather than during its first call.
     *
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static HttpServer start(EcsProtocol protocol, EcsMock mock, String host, int port, Runnable warmUp) {
        ServerSocketChannel channel;
        int bound;
        try {
            channel = ServerSocketChannel.open();
            channel.bind(new InetSocketAddress(host, port), 1024);
            bound = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        CompletableFuture<Javalin> app = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                app.complete(javalin(protocol, mock, channel));
            } catch (RuntimeException | Error e) {
                LOG.error("ecs-mock could not start its HTTP server on port {}", bound, e);
                closeQuietly(channel);
                app.completeExceptionally(e);
                return;
            }
            if (WARMED_UP.getAndSet(true)) {
                return;
            }
            try {
                warmUp.run();
                askClock(host, bound);
            } catch (IOException | RuntimeException e) {
                LOG.debug("ecs-mock's warm-up on port {} did not finish: {}", bound, e.toString());
            }
        }, "ecs-mock-start-" + bound);
        starter.setDaemon(true);
        starter.start();
        return new HttpServer(channel, bound, app, starter);
    }

    /** The endpoint a client dials to reach a server bound to {@code host} and {@code port}. */
    public static URI endpoint(String host, int port) {
        String address = reachableHost(host);
        return URI.create("http://" + (address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address)
                + ":" + port);
    }

    /** The host a client dials: a wildcard address (any interface) is reached through loopback. */
    private static String reachableHost(String host) {
        try {
            if (host.isEmpty() || InetAddress.getByName(host).isAnyLocalAddress()) {
                return "127.0.0.1";
            }
        } catch (UnknownHostException e) {
            // A name that does not resolve is used as given; binding would have failed on it.
        }
        return host;
    }

    /** One {@code GET /_ecsmock/clock} over a plain socket: it reads no state and is not journaled. */
    private static void askClock(String host, int port) throws IOException {
        String address = reachableHost(host);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            socket.setSoTimeout(2_000);
            socket.getOutputStream().write(("GET " + ControlRoutes.ROOT + "/clock HTTP/1.1\r\nHost: " + address
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getInputStream().readAllBytes();
        }
    }

    private static Javalin javalin(EcsProtocol protocol, EcsMock mock, ServerSocketChannel channel) {
        // A queue of the JDK's own, unbounded as Jetty asks: Jetty's default queue sizes itself by asking
        // the platform MBean server about compressed references, which loads some 200 JMX classes on a
        // cold start.
        QueuedThreadPool threads = new QueuedThreadPool(64, 2, 30_000, -1, new LinkedBlockingQueue<>(), null);
        threads.setName("ecs-mock-http");
        threads.setDaemon(true);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.startup.startupWatcherEnabled = false;
            config.http.compressionStrategy = CompressionStrategy.NONE;
            // Javalin's own limit is kept above the mock's, so that the mock answers every oversized body
            // itself, after reading it (see refuseTooLarge), instead of Javalin cutting the connection.
            config.http.maxRequestSize = JAVALIN_MAX_REQUEST_BYTES;
            config.jetty.threadPool = threads;
            config.jetty.addConnector((server, http) -> {
                // No acceptor thread: the selector accepts. A mock sees a few connections, and each start
                // then launches one thread fewer and each new connection takes one hand-off fewer.
                ServerConnector connector = new ServerConnector(server, 0, 1, new HttpConnectionFactory(http));
                try {
                    connector.open(channel);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return connector;
            });
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new AwsErrorPages(protocol));
                // Javalin's default server watches for low resources and counts requests; a mock has no
                // use for either, and both cost a start its time (a scheduler thread, a handler).
                server.getBeans(LowResourceMonitor.class).forEach(server::removeBean);
                if (server.getHandler() instanceof StatisticsHandler statistics) {
                    server.setHandler(statistics.getHandler());
                }
                // Javalin's servlet context has sessions, which the mock never uses; their housekeeper
                // would start a scheduler thread on every start to scavenge them.
                server.addBean(sessionIdsWithoutHousekeeping(server), true);
            });
            new ControlRoutes(mock, protocol).register(config.routes);
            config.routes.post("/", ctx -> {
                if (ctx.req().getContentLengthLong() > MAX_REQUEST_BYTES) {
                    refuseTooLarge(ctx, protocol);
                    return;
                }
                byte[] body;
                try {
                    body = ctx.bodyAsBytes();
                } catch (Exception e) {
                    refuseUnreadable(ctx, protocol, e);
                    return;
                }
                if (body.length > MAX_REQUEST_BYTES) {
                    refuseTooLarge(ctx, protocol);
                    return;
                }
                write(ctx, protocol.handle(new ProtocolRequest("POST", ctx.path(), ctx.queryString(), headers(ctx), body)));
            });
            config.routes.exception(HttpResponseException.class, (e, ctx) ->
                    write(ctx, protocol.error(new EcsError(codeFor(e.getStatus()), e.getStatus(), e.getMessage()))));
            config.routes.error(404, ctx -> notEcs(ctx, protocol, 404));
            config.routes.error(405, ctx -> notEcs(ctx, protocol, 405));
        });
        return app.start();
    }

    private static DefaultSessionIdManager sessionIdsWithoutHousekeeping(Server server) {
        DefaultSessionIdManager ids = new DefaultSessionIdManager(server);
        HouseKeeper keeper = new HouseKeeper();
        keeper.setSessionIdManager(ids);
        try {
            keeper.setIntervalSec(0);
        } catch (Exception e) {
            throw new IllegalStateException("Jetty refused to turn session scavenging off", e);
        }
        ids.setSessionHouseKeeper(keeper);
        return ids;
    }

    private static void closeQuietly(ServerSocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // already closed
        }
    }

    /**
     * Answers 413 to a body over the limit. The body is read and dropped first (up to a bound), so a
     * client that sends it all before reading the answer gets the answer rather than a reset.
     */
    private static void refuseTooLarge(Context ctx, EcsProtocol protocol) {
        byte[] sink = new byte[64 * 1024];
        long drained = 0;
        try {
            InputStream body = ctx.req().getInputStream();
            for (int read = body.read(sink); read >= 0 && drained < MAX_DRAINED_BYTES; read = body.read(sink)) {
                drained += read;
            }
        } catch (IOException e) {
            // The body ended before the length it claimed (or stopped arriving): too large all the same.
            LOG.debug("ecs-mock stopped draining an oversized request body: {}", e.toString());
        }
        ctx.header("Connection", "close");
        write(ctx, protocol.tooLarge());
    }

    /**
     * Answers a body that could not be read: it ended before its Content-Length, its chunked encoding
     * was malformed, or it stopped arriving. Left to Javalin, that was a plain-text 500 or 408.
     */
    private static void refuseUnreadable(Context ctx, EcsProtocol protocol, Exception e) {
        boolean timedOut = false;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            timedOut |= cause instanceof TimeoutException;
        }
        LOG.debug("ecs-mock could not read a request body: {}", e.toString());
        ctx.header("Connection", "close");
        write(ctx, protocol.error(timedOut
                ? new EcsError("RequestTimeoutException", 408, "The request body stopped arriving before its end.")
                : new EcsError("BadRequestException", 400,
                        "The request body could not be read: it ended early or its chunked encoding is malformed.")));
    }

    /**
     * Answers a request that is not ECS's. Its body was never read, so the connection is closed after
     * the answer rather than left with unread bytes that the client's next request would stumble on.
     */
    private static void notEcs(Context ctx, EcsProtocol protocol, int status) {
        ctx.header("Connection", "close");
        write(ctx, protocol.error(new EcsError("UnknownOperationException", status,
                "ECS answers POST / only; " + ctx.method() + " " + ctx.path() + " is not an ECS request.")));
    }

    /**
     * The request's headers, read once from Jetty into the map the protocol looks them up in
     * (Javalin's {@code headerMap()} builds a map of its own, which the protocol would copy again).
     */
    private static Map<String, String> headers(Context ctx) {
        Map<String, String> headers = ProtocolRequest.newHeaders();
        for (Enumeration<String> names = ctx.req().getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            headers.put(name, ctx.req().getHeader(name));
        }
        return headers;
    }

    static String codeFor(int status) {
        return status == 413 ? "RequestEntityTooLargeException" : status >= 500 ? "ServerException" : "BadRequestException";
    }

    private static void write(Context ctx, ProtocolResponse response) {
        ctx.status(response.status());
        ctx.header("x-amzn-RequestId", response.requestId());
        ctx.contentType(ProtocolResponse.CONTENT_TYPE);
        ctx.result(response.body());
    }

    public int port() {
        return port;
    }

    /** Stops serving once the start in progress, if any, has finished; the port is closed on return. */
    @Override
    public void close() {
        try {
            starter.join();
            app.join().stop();
        } catch (CompletionException e) {
            // The start failed and closed the channel; nothing to stop.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            app.thenAccept(Javalin::stop);
        } finally {
            closeQuietly(channel);
        }
    }
}
