package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ecsmock.internal.ecs.EcsApi;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsException;

/**
 * Every operation the SDK's {@code EcsClient} can send, found by reflection rather than from a list
 * we keep, is one the mock answers: a new SDK version that adds an operation fails here until the
 * mock has it.
 */
class EveryOperationTest extends EcsApiTest {
    /** The client's operations: its methods that take one request object, by operation name. */
    static Map<String, Method> clientOperations() {
        Map<String, Method> operations = new TreeMap<>();
        for (Method method : EcsClient.class.getMethods()) {
            Class<?>[] parameters = method.getParameterTypes();
            if (parameters.length == 1 && SdkRequest.class.isAssignableFrom(parameters[0]) && !Modifier.isStatic(method.getModifiers())
                    && !method.getName().endsWith("Paginator")) {
                String name = parameters[0].getSimpleName().replaceFirst("Request$", "");
                assertThat(method.getName()).as("the method for " + name)
                        .isEqualTo(Character.toLowerCase(name.charAt(0)) + name.substring(1));
                operations.put(name, method);
            }
        }
        return operations;
    }

    @Test
    void theMockHasEveryOperationOfTheClient() {
        Map<String, Method> client = clientOperations();

        assertThat(client).as("operations of EcsClient 2.57.8").hasSize(88);
        assertThat(new EcsApi(ValidationProfile.LENIENT).operations().keySet())
                .containsExactlyInAnyOrderElementsOf(client.keySet());
    }

    /**
     * An empty request to each operation: the answer may be an error about the input (HTTP 400),
     * never "not implemented" (501) and never a server error.
     */
    @Test
    void everyOperationOfTheClientIsAnsweredWithoutA5xx() throws Exception {
        List<String> unanswered = new ArrayList<>();
        for (Map.Entry<String, Method> operation : clientOperations().entrySet()) {
            Class<?> requestType = operation.getValue().getParameterTypes()[0];
            Object builder = requestType.getMethod("builder").invoke(null);
            Object request = software.amazon.awssdk.utils.builder.SdkBuilder.class.getMethod("build").invoke(builder);
            try {
                operation.getValue().invoke(ecs, request);
            } catch (InvocationTargetException e) {
                if (!(e.getCause() instanceof EcsException error) || error.statusCode() != 400) {
                    unanswered.add(operation.getKey() + ": " + e.getCause());
                }
            }
        }
        assertThat(unanswered).isEmpty();
    }
}
