package io.github.ecsmock.benchmarks;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Compares versions of the mock as they ship: each version's benchmarks jar in a class loader of its
 * own, all in one JVM, each measured against its own SDK floor in rounds whose order rotates, so that
 * the machine's drift falls on every version alike. A change measured by a flag inside one JVM has both
 * versions compiled side by side, and misses what larger inlined code costs a call that runs with cold
 * caches between the SDK's work; two such "gains" were losses as shipped. Two copies of one jar differ
 * here by up to 0.03 in ratio: compare in both orders, or three ways.
 *
 * <p>{@code java -cp benchmarks.jar io.github.ecsmock.benchmarks.VersionComparison RUN_TASK_10 90 old.jar new.jar}
 * prints each version's median ratio to its floor. A version needs the benchmarks module's
 * {@code Workload}, {@code Floors} and {@code Operation}; the code that drives it ({@link Side}) is this
 * one's, defined into each version's class loader.
 */
public final class VersionComparison {
    private static final int BATCH = 40;

    private VersionComparison() {
    }

    /** {@code OPERATION SECONDS JAR JAR [JAR...]}: the first third of the time warms up. */
    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            throw new IllegalArgumentException("usage: OPERATION SECONDS JAR JAR [JAR...]");
        }
        List<URL[]> versions = new ArrayList<>();
        for (String jar : Arrays.asList(args).subList(2, args.length)) {
            versions.add(new URL[] {Path.of(jar).toUri().toURL()});
        }
        double[] ratios = compare(Operation.valueOf(args[0]), Double.parseDouble(args[1]), versions);
        StringBuilder line = new StringBuilder(args[0]);
        for (int i = 0; i < ratios.length; i++) {
            line.append(String.format(Locale.ROOT, "  %s %.3fx", Path.of(args[2 + i]).getFileName(), ratios[i]));
        }
        System.out.println(line);
    }

    /** Each version's median ratio of mock to floor, over the rounds after the first third of {@code seconds}. */
    public static double[] compare(Operation operation, double seconds, List<URL[]> versions) throws ReflectiveOperationException {
        int count = versions.size();
        Object[] sides = new Object[count];
        Method[] mockBatch = new Method[count];
        Method[] floorBatch = new Method[count];
        List<URLClassLoader> loaders = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                SideLoader loader = new SideLoader(versions.get(i));
                loaders.add(loader);
                Class<?> side = loader.loadClass(Side.class.getName());
                sides[i] = side.getConstructor(String.class).newInstance(operation.name());
                mockBatch[i] = side.getMethod("mockBatch", int.class);
                floorBatch[i] = side.getMethod("floorBatch", int.class);
            }
            List<List<Double>> ratios = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ratios.add(new ArrayList<>());
            }
            long start = System.nanoTime();
            long warmUpEnd = start + (long) (seconds / 3 * 1e9);
            long end = start + (long) (seconds * 1e9);
            int round = 0;
            do {
                for (int k = 0; k < count; k++) {
                    int i = (k + round) % count;
                    double mock;
                    double floor;
                    if (round % 2 == 0) {
                        mock = (double) call(mockBatch[i], sides[i]);
                        floor = (double) call(floorBatch[i], sides[i]);
                    } else {
                        floor = (double) call(floorBatch[i], sides[i]);
                        mock = (double) call(mockBatch[i], sides[i]);
                    }
                    if (System.nanoTime() >= warmUpEnd) {
                        ratios.get(i).add(mock / floor);
                    }
                }
                round++;
            } while (System.nanoTime() < end || ratios.get(0).isEmpty());
            return ratios.stream().mapToDouble(list -> Measurements.median(list.stream().mapToDouble(Double::doubleValue).toArray()))
                    .toArray();
        } finally {
            for (Object side : sides) {
                if (side instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception e) {
                        // a side that cannot close leaves a mock to the JVM's end; the figures stand
                    }
                }
            }
            for (URLClassLoader loader : loaders) {
                try {
                    loader.close();
                } catch (IOException e) {
                    // the jar stays open until the JVM ends
                }
            }
        }
    }

    private static Object call(Method method, Object side) throws ReflectiveOperationException {
        try {
            return method.invoke(side, BATCH);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** The URLs of this JVM's own class path: a version that is the code under test. */
    static URL[] ownClassPath() {
        String[] entries = System.getProperty("java.class.path").split(java.io.File.pathSeparator);
        URL[] urls = new URL[entries.length];
        for (int i = 0; i < entries.length; i++) {
            try {
                urls[i] = Path.of(entries[i]).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(entries[i], e);
            }
        }
        return urls;
    }

    /**
     * A version's class loader, whose parent is the platform's, so the mock and the SDK are the
     * version's own; {@link Side} is defined in it from this class's bytes, in the version's package, so
     * it drives a version that does not have it.
     */
    private static final class SideLoader extends URLClassLoader {
        SideLoader(URL[] classPath) {
            super(classPath, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(Side.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    byte[] bytes = sideBytes();
                    loaded = defineClass(name, bytes, 0, bytes.length);
                }
                return loaded;
            }
        }

        private static byte[] sideBytes() {
            String resource = Side.class.getName().replace('.', '/') + ".class";
            try (InputStream in = VersionComparison.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("No class file for " + resource);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * One version: a seeded mock and its in-memory client, and the SDK floor answering the mock's bytes.
     * It repeats what {@link PerCallComparison} does in a round rather than call it: it runs inside older
     * jars, and may use only what they have.
     */
    public static final class Side implements AutoCloseable {
        private final Operation operation;
        private final EcsMock mock;
        private final EcsClient mockClient;
        private final EcsClient floorClient;
        private final List<String> floorArguments = List.of("ignored");
        private List<String> tasks;

        public Side(String operation) {
            this.operation = Operation.valueOf(operation);
            Map<String, byte[]> canned = Workload.cannedAnswers();
            this.mock = Workload.newMock();
            this.mockClient = mock.newClient(Transport.IN_MEMORY);
            this.floorClient = Floors.client(Floors.NO_SERVER).httpClient(Floors.sdkFloor(canned)).build();
            this.tasks = Workload.seed(mockClient);
        }

        /** The median time of {@code calls} calls to the mock, in µs; operations that add to the state start from the seed. */
        public double mockBatch(int calls) {
            if (operation.grows()) {
                mock.reset();
                tasks = Workload.seed(mockClient);
            }
            return batch(mockClient, tasks, calls);
        }

        /** The median time of {@code calls} calls to the floor, in µs. */
        public double floorBatch(int calls) {
            return batch(floorClient, floorArguments, calls);
        }

        private double batch(EcsClient client, List<String> arguments, int calls) {
            double[] times = new double[calls];
            for (int i = 0; i < calls; i++) {
                long began = System.nanoTime();
                operation.call(client, arguments);
                times[i] = (System.nanoTime() - began) / 1e3;
            }
            return Measurements.median(times);
        }

        @Override
        public void close() {
            mockClient.close();
            floorClient.close();
            mock.close();
        }
    }
}
