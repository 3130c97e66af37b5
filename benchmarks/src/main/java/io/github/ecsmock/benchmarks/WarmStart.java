package io.github.ecsmock.benchmarks;

import io.github.ecsmock.Transport;
import java.io.IOException;
import java.util.Locale;

/**
 * The warm start measured as the issue defines it: the hundredth start of a JVM that has done nothing
 * but start test classes' mocks and answer each one's first call. Measured in the report's own JVM, it came after the
 * heap measurements' thousands of calls, whose compiled SDK and request paths made it look up to half
 * faster than a JVM that has only started mocks. The JVMs differ by a few milliseconds from one to the
 * next, so the figure is the median of several.
 */
public final class WarmStart {
    private WarmStart() {
    }

    /**
     * The median over {@code jvms} fresh JVMs of the median of their starts 91 to 100, in milliseconds,
     * with the injected clients over {@code transport}.
     */
    public static double inFreshJvms(int jvms, Transport transport) throws IOException, InterruptedException {
        double[] medians = new double[jvms];
        for (int i = 0; i < jvms; i++) {
            medians[i] = Double.parseDouble(FreshJvm.result(WarmStart.class, "91", "100", transport.name()));
        }
        return Measurements.median(medians);
    }

    /** The child JVM: {@code FROM TO TRANSPORT}, the starts whose median it prints. */
    public static void main(String[] args) {
        double millis = Measurements.warmStartMillis(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                Transport.valueOf(args[2]));
        System.out.println(String.format(Locale.ROOT, "RESULT %.3f", millis));
    }
}
