package io.github.ecsmock.internal.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;

/**
 * State a mock starts with and returns to on every reset, as the ECS requests that make it: given on
 * the builder as SDK request objects, or in a JSON file of {@code [{"CreateCluster": {...}}, ...]},
 * each request in ECS's own JSON as the wire carries it. Replayed through the protocol, so a fixture
 * is validated like any request and a wrong one fails loudly.
 */
public final class Fixtures {
    /** One request of a fixture: its operation and its body. */
    public record Fixture(String operation, byte[] body) {
    }

    private static final AwsJsonCodec CODEC = new AwsJsonCodec();

    private Fixtures() {
    }

    /** The fixture an SDK request object makes, e.g. a {@code CreateClusterRequest}. */
    public static Fixture of(SdkPojo request) {
        String type = request.getClass().getSimpleName();
        if (!type.endsWith("Request")) {
            throw new IllegalArgumentException("Not an ECS request: " + request.getClass().getName());
        }
        return new Fixture(type.substring(0, type.length() - "Request".length()), CODEC.write(request));
    }

    /** The fixtures of a JSON file: an array of single-member objects, operation name to request. */
    public static List<Fixture> read(InputStream json, String name) {
        JsonFactory factory = new JsonFactory();
        List<Fixture> fixtures = new ArrayList<>();
        try (JsonParser parser = factory.createParser(json)) {
            expect(parser.nextToken() == JsonToken.START_ARRAY, name, "an array of requests");
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                expect(token == JsonToken.START_OBJECT, name, "an object naming one operation");
                expect(parser.nextToken() == JsonToken.FIELD_NAME, name, "an operation name");
                String operation = parser.currentName();
                expect(parser.nextToken() == JsonToken.START_OBJECT, name, "the " + operation + " request as an object");
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                try (JsonGenerator generator = factory.createGenerator(body)) {
                    generator.copyCurrentStructure(parser);
                }
                fixtures.add(new Fixture(operation, body.toByteArray()));
                expect(parser.nextToken() == JsonToken.END_OBJECT, name, "one operation per object");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the fixture " + name + ": " + e.getMessage(), e);
        }
        return List.copyOf(fixtures);
    }

    private static void expect(boolean ok, String name, String what) {
        if (!ok) {
            throw new IllegalArgumentException("The fixture " + name + " should hold " + what
                    + ", as in [{\"CreateCluster\": {\"clusterName\": \"dev\"}}]");
        }
    }
}
