package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ecsmock.internal.ecs.EcsApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import java.lang.reflect.InvocationTargetException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsException;

/**
 * The README's table of operations against the mock itself: the table lists exactly the operations
 * the mock answers, and every one it lists answers through the real client (not "not implemented").
 */
class ReadmeOperationsTest extends EcsApiTest {
    private static final Path README = Path.of("..", "README.md");

    /** The operations in the table under "What it implements", in table order. */
    static List<String> documented() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int start = lines.indexOf("## What it implements");
        assertThat(start).as("the README has a section \"What it implements\"").isNotNegative();
        List<String> operations = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("| ") && !line.startsWith("| area ")) {
                String cell = line.substring(line.indexOf('|', 1) + 1, line.lastIndexOf('|')).trim();
                Arrays.stream(cell.split(",")).map(String::trim).filter(name -> !name.isEmpty()).forEach(operations::add);
            }
        }
        return operations;
    }

    @Test
    void theReadmeListsExactlyTheOperationsTheMockAnswers() throws IOException {
        List<String> documented = documented();

        assertThat(documented).doesNotHaveDuplicates();
        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                new EcsApi(ValidationProfile.LENIENT).operations().keySet());
    }

    /**
     * Calls every documented operation through the real client with an empty request, found by
     * reflection: an error about the input is fine, "not implemented" is not.
     */
    @Test
    void everyDocumentedOperationIsAnsweredThroughTheClient() throws Exception {
        for (String operation : documented()) {
            String method = Character.toLowerCase(operation.charAt(0)) + operation.substring(1);
            Class<?> requestType = Class.forName("software.amazon.awssdk.services.ecs.model." + operation + "Request");
            Object builder = requestType.getMethod("builder").invoke(null);
            Object request = software.amazon.awssdk.utils.builder.SdkBuilder.class.getMethod("build").invoke(builder);
            try {
                EcsClient.class.getMethod(method, requestType).invoke(ecs, request);
            } catch (InvocationTargetException e) {
                assertThat(e.getCause()).as(operation).isInstanceOf(EcsException.class);
                assertThat(((EcsException) e.getCause()).statusCode()).as(operation).isEqualTo(400);
            }
        }
    }
}
