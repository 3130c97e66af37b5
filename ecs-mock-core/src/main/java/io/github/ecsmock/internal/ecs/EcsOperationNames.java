package io.github.ecsmock.internal.ecs;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsRequest;

/**
 * Every operation name the AWS SDK's {@code EcsClient} can send, read from the client interface
 * itself, so that an ECS operation the mock lacks is told apart from a target that is not ECS at all.
 */
public final class EcsOperationNames {
    private static final Pattern OPERATION_NAME = Pattern.compile("[A-Z][A-Za-z0-9]{0,99}");

    /** Read on first use: it loads every request class of the SDK, which a mock that is never asked an unknown operation need not. */
    private static final class Holder {
        static final Set<String> ALL = read();
    }

    private EcsOperationNames() {
    }

    /**
     * Whether the SDK has a request class for {@code name}, looked up alone: a test's first
     * {@code journal().count("RunTask")} would otherwise load every request class, a tenth of a second
     * of a fresh JVM. The answer is the same as {@link #all()}'s: every concrete request class of the
     * SDK is the input of one of its client's operations.
     */
    public static boolean isEcsOperation(String name) {
        if (name == null || !OPERATION_NAME.matcher(name).matches()) {
            return false;
        }
        try {
            Class<?> request = Class.forName(EcsRequest.class.getPackageName() + "." + name + "Request", false,
                    EcsRequest.class.getClassLoader());
            return EcsRequest.class.isAssignableFrom(request) && !Modifier.isAbstract(request.getModifiers());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * {@code operation}, checked where a test names one, for a fault or a count of the journal: a fault
     * for a misspelt operation ("RunTasks") would never fire, and {@code count("runTask")} would be 0
     * whatever the code did, so the test would pass for nothing.
     */
    public static String requireEcsOperation(String operation) {
        if (!isEcsOperation(operation)) {
            throw new IllegalArgumentException("No ECS operation is called " + operation + nearest(operation)
                    + "; operations are named as in X-Amz-Target, e.g. RunTask or DescribeServices.");
        }
        return operation;
    }

    /** The operation meant by a name in the wrong case or with the SDK method's spelling ({@code runTask}). */
    private static String nearest(String operation) {
        if (operation == null) {
            return "";
        }
        for (String name : Holder.ALL) {
            if (name.equalsIgnoreCase(operation.strip())) {
                return " (did you mean " + name + "?)";
            }
        }
        return "";
    }

    public static Set<String> all() {
        return Holder.ALL;
    }

    private static Set<String> read() {
        Set<String> names = new TreeSet<>();
        for (Method method : EcsClient.class.getMethods()) {
            Class<?>[] parameters = method.getParameterTypes();
            if (parameters.length == 1 && EcsRequest.class.isAssignableFrom(parameters[0])
                    && !Modifier.isAbstract(parameters[0].getModifiers())) {
                String request = parameters[0].getSimpleName();
                names.add(request.substring(0, request.length() - "Request".length()));
            }
        }
        return Set.copyOf(names);
    }
}
