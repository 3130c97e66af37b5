package io.github.ecsmock.internal.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Plain JSON for the mock's own documents (its constraints file, the control API): objects as maps,
 * arrays as lists, numbers and strings as they are. SDK model objects inside a written value go out
 * through the codec, timestamps as epoch seconds, so they look as they do on the ECS wire.
 */
public final class JsonValues {
    private static final JsonFactory JSON = new JsonFactory();

    /** Made when a document first holds a model object: the constraints file, read on a mock's first request, holds none. */
    private static final class Codec {
        static final AwsJsonCodec INSTANCE = new AwsJsonCodec();
    }

    private JsonValues() {
    }

    /** The value of a JSON text; empty input reads as an empty object. */
    public static Object read(byte[] json) {
        if (json.length == 0) {
            return new LinkedHashMap<String, Object>();
        }
        try (JsonParser parser = JSON.createParser(json)) {
            parser.nextToken();
            return readValue(parser);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getMessage(), e);
        }
    }

    static Map<String, Object> readObject(JsonParser parser) throws IOException {
        if (parser.currentToken() == null) {
            parser.nextToken();
        }
        Map<String, Object> object = new LinkedHashMap<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            parser.nextToken();
            object.put(name, readValue(parser));
        }
        return object;
    }

    private static Object readValue(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> readObject(parser);
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    list.add(readValue(parser));
                }
                yield list;
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> parser.getText();
        };
    }

    /** Writes maps, lists, strings, numbers, booleans, instants and SDK model objects as JSON. */
    public static byte[] write(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            writeValue(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeValue(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(out, entry.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof List<?> list) {
            out.writeStartArray();
            for (Object item : list) {
                writeValue(out, item);
            }
            out.writeEndArray();
        } else if (value instanceof SdkPojo pojo) {
            out.writeRawValue(new String(Codec.INSTANCE.write(pojo), java.nio.charset.StandardCharsets.UTF_8));
        } else if (value instanceof Instant instant) {
            out.writeNumber(BigDecimal.valueOf(instant.toEpochMilli(), 3).toPlainString());
        } else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        } else if (value instanceof Integer || value instanceof Long) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number number) {
            out.writeNumber(number.doubleValue());
        } else {
            out.writeString(String.valueOf(value));
        }
    }
}
