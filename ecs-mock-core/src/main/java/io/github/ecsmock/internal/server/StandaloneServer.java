package io.github.ecsmock.internal.server;

import io.github.ecsmock.EcsClock;
import io.github.ecsmock.EcsMock;
import io.github.ecsmock.Lifecycle;
import io.github.ecsmock.ValidationProfile;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The mock as a server of its own, for curl, boto3, the AWS CLI and the JavaScript SDK:
 * {@code java -jar ecs-mock-standalone.jar [--port 4566] [--host 127.0.0.1] [--region us-east-1]
 * [--account 123456789012] [--strict] [--step SECONDS] [--auth KEY:SECRET] [--allow-remote]}. It listens
 * on loopback unless told otherwise with {@code --allow-remote}. It prints one line naming the endpoint and runs until
 * interrupted. Its clock follows the wall clock, as its clients cannot reach into the JVM to move it.
 */
public final class StandaloneServer {
    static final int DEFAULT_PORT = 4566;

    private StandaloneServer() {
    }

    /** What the command line asks for. */
    record Options(String host, int port, String region, String account, ValidationProfile profile, Lifecycle lifecycle,
                   Map<String, String> credentials, boolean allowRemote) {
    }

    public static void main(String[] args) throws InterruptedException {
        quietLogging();
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ecs-mock: " + e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        if (options == null) {
            usage(System.out);
            return;
        }
        if (!isLoopback(options.host())) {
            if (!options.allowRemote()) {
                System.err.println("ecs-mock: " + options.host() + " is not a loopback address; the mock has no access "
                        + "control worth the name, so it listens on another address only with --allow-remote");
                System.exit(2);
                return;
            }
            System.err.println("ecs-mock: WARNING: listening on " + options.host() + ", reachable from other machines"
                    + (options.credentials().isEmpty() ? ", and answering unsigned requests" : ""));
        }
        EcsMock built;
        try {
            EcsMock.Builder builder = EcsMock.builder()
                    .host(options.host())
                    .port(options.port())
                    .region(options.region())
                    .account(options.account())
                    .validationProfile(options.profile())
                    .lifecycle(options.lifecycle())
                    .clock(EcsClock.system());
            options.credentials().forEach(builder::credentials);
            built = builder.build();
        } catch (IllegalArgumentException e) {
            // A setting the mock refuses (a region that is no region) is the command line's mistake, not the network's.
            System.err.println("ecs-mock: " + rootMessage(e));
            usage(System.err);
            System.exit(2);
            return;
        }
        EcsMock mock;
        try {
            mock = built.start();
        } catch (RuntimeException e) {
            System.err.println("ecs-mock: cannot listen on " + options.host() + ":" + options.port() + ": " + rootMessage(e));
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mock.close();
            stopped.countDown();
        }, "ecs-mock-shutdown"));
        System.out.println("ecs-mock listening on " + mock.endpoint() + " (account " + mock.account() + ", region "
                + mock.region() + ", validation " + mock.validationProfile() + ", " + mock.lifecycle() + "); Ctrl-C stops it");
        System.out.flush();
        stopped.await();
    }

    /** The options of a command line, or {@code null} when it asks for help. */
    static Options parse(String[] args) {
        String host = "127.0.0.1";
        int port = DEFAULT_PORT;
        String region = EcsMock.DEFAULT_REGION;
        String account = EcsMock.DEFAULT_ACCOUNT;
        ValidationProfile profile = ValidationProfile.LENIENT;
        Lifecycle lifecycle = Lifecycle.immediate();
        Map<String, String> credentials = new LinkedHashMap<>();
        boolean allowRemote = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--strict" -> profile = ValidationProfile.STRICT;
                case "--allow-remote" -> allowRemote = true;
                case "--host", "--port", "--region", "--account", "--step", "--auth" -> {
                    String value;
                    if (arg.contains("=")) {
                        value = arg.substring(arg.indexOf('=') + 1);
                    } else if (i + 1 < args.length) {
                        value = args[++i];
                    } else {
                        throw new IllegalArgumentException(name + " needs a value");
                    }
                    switch (name) {
                        case "--host" -> host = value;
                        case "--port" -> port = port(value);
                        case "--region" -> region = value;
                        case "--step" -> lifecycle = Lifecycle.stepped(Duration.ofMillis(seconds(value)));
                        case "--auth" -> {
                            int colon = value.indexOf(':');
                            if (colon < 1 || colon == value.length() - 1) {
                                throw new IllegalArgumentException("--auth needs ACCESS_KEY_ID:SECRET_ACCESS_KEY");
                            }
                            credentials.put(value.substring(0, colon), value.substring(colon + 1));
                        }
                        default -> account = value;
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (!account.matches("\\d{12}")) {
            throw new IllegalArgumentException("--account needs a 12-digit AWS account id, not " + account);
        }
        return new Options(host, port, region, account, profile, lifecycle, credentials, allowRemote);
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--port needs a number from 0 to 65535, not " + value);
    }

    /** Whether the address is this machine's loopback; names that do not resolve are not. */
    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static long seconds(String value) {
        try {
            double seconds = Double.parseDouble(value);
            if (seconds > 0 && seconds <= 86_400) {
                return Math.round(seconds * 1000);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--step needs a number of seconds above 0, not " + value);
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar ecs-mock-standalone.jar [--port 4566] [--host 127.0.0.1] [--region us-east-1]");
        out.println("                                         [--account 123456789012] [--strict] [--step SECONDS]");
        out.println("                                         [--auth KEY:SECRET]... [--allow-remote]");
        out.println("  --port     TCP port to listen on (0 picks a free one); default 4566");
        out.println("  --host     address to listen on; default the loopback address 127.0.0.1; another address");
        out.println("             needs --allow-remote");
        out.println("  --region   region of unsigned requests; signed ones use their credential scope");
        out.println("  --account  account of requests whose access key id is not a 12-digit account id");
        out.println("  --strict   reject what AWS rejects (the default also accepts the quick-start's requests)");
        out.println("  --step     walk tasks through their statuses, one every SECONDS of wall-clock time;");
        out.println("             by default RunTask answers RUNNING and services are steady at once");
        out.println("  --auth     accept only requests signed (SigV4) with these credentials; may be repeated");
        out.println("  --allow-remote  let --host name an address other machines can reach");
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** The standalone server logs warnings and its own notices only, not Jetty's start-up chatter. */
    private static void quietLogging() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.log.io.github.ecsmock", System.getProperty("org.slf4j.simpleLogger.log.io.github.ecsmock", "info"));
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    }
}
