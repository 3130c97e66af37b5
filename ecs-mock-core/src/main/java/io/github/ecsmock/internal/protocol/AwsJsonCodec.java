package io.github.ecsmock.internal.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.github.ecsmock.internal.errors.Errors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * The one JSON codec of the mock, driven by the SDK model classes' {@code sdkFields()}: any ECS
 * request object from an awsJson 1.1 body and any response object back to JSON. Because the SDK's
 * classes describe every member, no ECS shape is written by hand here and new members arrive with a
 * new SDK version. A JSON value of the wrong type is a {@code SerializationException} naming the
 * member, as AWS answers it; unknown members are ignored, as newer clients send them.
 */
public final class AwsJsonCodec {
    /** Limits that keep a hostile body from exhausting the heap or the stack. */
    private static final int MAX_NESTING = 64;
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING)
            .maxStringLength(1_000_000)
            .maxNumberLength(64)
            .build();

    private final JsonFactory json = JsonFactory.builder().streamReadConstraints(LIMITS).build();
    /**
     * How each builder class is read, by JSON member name, worked out on its first request. A
     * ClassValue with each member's type and element at hand: a concurrent map keyed by class, and the
     * SDK's traits looked up for every value read, were a sixth of reading a small request in a profile.
     */
    private final ClassValue<ReadPlan> readPlans = new ClassValue<>() {
        @Override
        protected ReadPlan computeValue(Class<?> type) {
            return new ReadPlan();
        }
    };
    private final ModelWriter writer;

    public AwsJsonCodec() {
        this(ModelWriter.WRITES_BEFORE_MADE_READER);
    }

    /** A codec whose writer reads a class's members with a made reader once it has written {@code writesBeforeMadeReader} of them. */
    AwsJsonCodec(int writesBeforeMadeReader) {
        this.writer = new ModelWriter(writesBeforeMadeReader);
    }

    /** Filled from the first builder of its class that is read: the SDK lists a class's fields on its instances. */
    private static final class ReadPlan {
        private volatile Map<String, ReadMember> members;

        Map<String, ReadMember> members(SdkPojo builder) {
            Map<String, ReadMember> known = members;
            if (known == null) {
                known = new HashMap<>();
                for (SdkField<?> field : builder.sdkFields()) {
                    known.put(field.locationName(), ReadMember.of(field));
                }
                members = known;
            }
            return known;
        }
    }

    /** One member as it is read: the field that sets it, its type, and for lists and maps their element. */
    private record ReadMember(SdkField<?> field, MarshallingKnownType type, ReadMember element) {
        static ReadMember of(SdkField<?> field) {
            MarshallingKnownType type = field.marshallingType().getKnownType();
            ReadMember element = switch (type) {
                case LIST -> of(field.getRequiredTrait(ListTrait.class).memberFieldInfo());
                case MAP -> of(field.getRequiredTrait(MapTrait.class).valueFieldInfo());
                default -> null;
            };
            return new ReadMember(field, type, element);
        }
    }

    /** Reads {@code body} into the builder the supplier gives and builds it. An empty body means {@code {}}. */
    @SuppressWarnings("unchecked")
    public <T> T read(byte[] body, Supplier<? extends SdkPojo> builder) {
        SdkPojo target = builder.get();
        if (body.length > 0) {
            try (JsonParser parser = json.createParser(body)) {
                JsonToken first = parser.nextToken();
                if (first == null) {
                    // Only whitespace: treated like an empty body.
                } else if (first != JsonToken.START_OBJECT) {
                    throw Errors.serialization("The request body must be a JSON object.");
                } else {
                    readObject(parser, target, null);
                    if (parser.nextToken() != null) {
                        throw Errors.serialization("The request body holds more than one JSON value.");
                    }
                }
            } catch (StreamConstraintsException e) {
                throw Errors.serialization("The request body is nested more than " + MAX_NESTING + " deep, or holds a string "
                        + "or number longer than ecs-mock reads.");
            } catch (JsonProcessingException e) {
                throw Errors.serialization("The request body is not valid JSON: " + problem(e));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return (T) ((SdkBuilder<?, ?>) target).build();
    }

    /**
     * Writes any SDK model object as JSON: unset members are left out, timestamps are epoch seconds
     * (see {@link ModelWriter}).
     */
    public byte[] write(SdkPojo pojo) {
        return writer.write(pojo);
    }

    /** Writes like {@link #write}, lending the array written in rather than copying it (see {@link ModelWriter#lend}). */
    ModelWriter.Lent lend(SdkPojo pojo) {
        return writer.lend(pojo);
    }

    /** Takes back an array {@link #lend} lent, once nothing reads it. */
    void giveBack(byte[] array) {
        writer.giveBack(array);
    }

    private void readObject(JsonParser parser, SdkPojo target, MemberPath parent) throws IOException {
        Map<String, ReadMember> members = readPlans.get(target.getClass()).members(target);
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            parser.nextToken();
            ReadMember member = members.get(name);
            if (member == null) {
                parser.skipChildren();
                continue;
            }
            Object value = readValue(parser, member, MemberPath.member(parent, name));
            if (value != null) {
                member.field().set(target, value);
            }
        }
    }

    private Object readValue(JsonParser parser, ReadMember member, MemberPath path) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        switch (member.type()) {
            case STRING:
                expect(token == JsonToken.VALUE_STRING, path, "String", token);
                return parser.getText();
            case BOOLEAN:
                expect(token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE, path, "Boolean", token);
                return token == JsonToken.VALUE_TRUE;
            case INTEGER:
                expect(token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT,
                        path, "Integer", token);
                return parser.getIntValue();
            case LONG:
                expect(token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER,
                        path, "Long", token);
                return parser.getLongValue();
            case SHORT:
                expect(token == JsonToken.VALUE_NUMBER_INT && fits(parser, Short.MIN_VALUE, Short.MAX_VALUE),
                        path, "Short", token);
                return (short) parser.getIntValue();
            case BYTE:
                expect(token == JsonToken.VALUE_NUMBER_INT && fits(parser, Byte.MIN_VALUE, Byte.MAX_VALUE),
                        path, "Byte", token);
                return (byte) parser.getIntValue();
            case DOUBLE:
                expect(token.isNumeric(), path, "Double", token);
                return finite(parser.getDoubleValue(), path);
            case FLOAT:
                expect(token.isNumeric(), path, "Double", token);
                return (float) finite(parser.getFloatValue(), path);
            case BIG_DECIMAL:
                expect(token.isNumeric(), path, "Double", token);
                return parser.getDecimalValue();
            case INSTANT:
                expect(token.isNumeric(), path, "Timestamp", token);
                return instant(parser.getDecimalValue(), path);
            case SDK_BYTES:
                expect(token == JsonToken.VALUE_STRING, path, "Blob", token);
                try {
                    return SdkBytes.fromByteArray(Base64.getDecoder().decode(parser.getText()));
                } catch (IllegalArgumentException e) {
                    throw Errors.serialization("Member '" + path + "' is not valid base64.");
                }
            case LIST:
                expect(token == JsonToken.START_ARRAY, path, "List", token);
                List<Object> list = new ArrayList<>();
                for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
                    Object item = readValue(parser, member.element(), MemberPath.element(path, list.size()));
                    if (item == null) {
                        throw Errors.serialization("Member '" + path + "' must not contain null.");
                    }
                    list.add(item);
                }
                return list;
            case MAP:
                expect(token == JsonToken.START_OBJECT, path, "Map", token);
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken entry = parser.nextToken(); entry != JsonToken.END_OBJECT; entry = parser.nextToken()) {
                    String key = parser.currentName();
                    parser.nextToken();
                    Object value = readValue(parser, member.element(), MemberPath.member(path, key));
                    if (value != null) {
                        map.put(key, value);
                    }
                }
                return map;
            case SDK_POJO:
                expect(token == JsonToken.START_OBJECT, path, "Structure", token);
                SdkPojo nested = member.field().constructor().get();
                readObject(parser, nested, path);
                return ((SdkBuilder<?, ?>) nested).build();
            case DOCUMENT:
                return document(parser);
            default:
                throw Errors.serialization("Member '" + path + "' has a type ecs-mock cannot read.");
        }
    }

    /**
     * What the JSON parser found wrong and where, without its own vocabulary: its messages name its
     * features and settings ({@code JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS}, a redacted source),
     * which mean nothing to a caller of ECS.
     */
    static String problem(JsonProcessingException e) {
        // Its own names are in backticks; a backtick of the caller's body is quoted as ('`' (code 96)).
        String text = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("").replaceAll("`[A-Za-z.()_]+`", "");
        for (String internal : List.of(" (start marker", "[Source", ": enable")) {
            int at = text.indexOf(internal);
            if (at >= 0) {
                text = text.substring(0, at);
            }
        }
        text = text.strip();
        while (text.endsWith(":") || text.endsWith(",") || text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return (text.isEmpty() ? "malformed" : text) + where + ".";
    }

    /**
     * A member of free-form JSON (a lifecycle hook's {@code hookDetails}), as the SDK holds it: any JSON
     * value, kept as it came, numbers with their digits.
     */
    private static Document document(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT: {
                Map<String, Document> members = new LinkedHashMap<>();
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                    String name = parser.currentName();
                    parser.nextToken();
                    members.put(name, document(parser));
                }
                return Document.fromMap(members);
            }
            case START_ARRAY: {
                List<Document> items = new ArrayList<>();
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    items.add(document(parser));
                }
                return Document.fromList(items);
            }
            case VALUE_STRING:
                return Document.fromString(parser.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return Document.fromNumber(parser.getText());
            case VALUE_TRUE:
                return Document.fromBoolean(true);
            case VALUE_FALSE:
                return Document.fromBoolean(false);
            default:
                return Document.fromNull();
        }
    }

    /**
     * Epoch seconds as an Instant with millisecond precision, as the SDK keeps them: a finer fraction
     * is cut off; a value beyond what milliseconds in a long can hold is a SerializationException.
     */
    private static Instant instant(BigDecimal seconds, MemberPath path) {
        BigDecimal millis = seconds.movePointRight(3);
        int integerDigits = millis.precision() - millis.scale();
        if (integerDigits <= 0) {
            return Instant.EPOCH; // less than a millisecond either side of the epoch
        }
        if (integerDigits <= 19) {
            try {
                // The text is at most 64 characters long, so this scale is small and cheap to drop.
                return Instant.ofEpochMilli(millis.setScale(0, RoundingMode.DOWN).longValueExact());
            } catch (ArithmeticException e) {
                // Beyond a long: refused below.
            }
        }
        throw Errors.serialization("Timestamp out of range (member '" + path + "')");
    }

    private static boolean fits(JsonParser parser, int min, int max) throws IOException {
        if (parser.getNumberType() != JsonParser.NumberType.INT) {
            return false;
        }
        int value = parser.getIntValue();
        return value >= min && value <= max;
    }

    /** A number too large for its type (1e400) reads as infinity, which no answer could carry back as JSON. */
    private static double finite(double value, MemberPath path) {
        if (!Double.isFinite(value)) {
            throw Errors.serialization("Member '" + path + "' is out of range for a Double.");
        }
        return value;
    }

    /**
     * Fails with the text AWS's JSON front end uses ({@code STRING_VALUE cannot be converted to
     * Integer}), followed by the member it concerns so the caller can find the mistake.
     */
    private static void expect(boolean ok, MemberPath path, String wanted, JsonToken found) {
        if (ok) {
            return;
        }
        String text;
        switch (found) {
            case START_OBJECT: text = "Start of structure or map found where not expected."; break;
            case START_ARRAY: text = "Start of list found where not expected."; break;
            case VALUE_STRING: text = "STRING_VALUE cannot be converted to " + wanted; break;
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: text = "NUMBER_VALUE cannot be converted to " + wanted; break;
            case VALUE_TRUE: text = "TRUE_VALUE cannot be converted to " + wanted; break;
            case VALUE_FALSE: text = "FALSE_VALUE cannot be converted to " + wanted; break;
            default: text = "Unexpected JSON token where " + wanted + " was expected"; break;
        }
        throw Errors.serialization(text + " (member '" + path + "')");
    }
}
