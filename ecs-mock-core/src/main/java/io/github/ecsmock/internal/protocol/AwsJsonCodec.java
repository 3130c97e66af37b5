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
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.DefaultSdkAutoConstructList;
import software.amazon.awssdk.core.util.DefaultSdkAutoConstructMap;
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

    /**
     * How many objects of a class a mock writes through the SDK's getters before it reads them with a
     * reader made for the class. Making one costs milliseconds, once a JVM, and saves some 60 ns for
     * each object written (a RunTask answer of ten tasks writes 120): worth it to a mock that answers
     * thousands of calls, as in a benchmark, never to a test class that makes a few hundred.
     */
    static final int WRITES_BEFORE_MADE_READER = 10_000;

    private final int writesBeforeMadeReader;

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
    /**
     * How each model class is written, worked out on its first write. A ClassValue rather than a map:
     * a large answer looks its plan up for every object in it.
     */
    private final ClassValue<WritePlan> writePlans = new ClassValue<>() {
        @Override
        protected WritePlan computeValue(Class<?> type) {
            return new WritePlan(type, writesBeforeMadeReader);
        }
    };

    /**
     * Where answers are written: one growing buffer per thread, kept between answers, so that an answer
     * costs one copy of its bytes rather than a chain of segments allocated, filled and joined anew.
     */
    private final ThreadLocal<Writing> writings = ThreadLocal.withInitial(Writing::new);
    private final ShownObjects shown = new ShownObjects();
    /**
     * The timestamp written last and its text. The objects of one answer mostly show one instant (the
     * tasks a RunTask starts were created, pulled and started at its one operation time), and each
     * formatting cost a string concatenation. An immutable pair, so threads that race on it only miss.
     */
    private LastInstant lastInstant = new LastInstant(Instant.EPOCH, epochSeconds(Instant.EPOCH));

    private record LastInstant(Instant instant, String text) {
    }

    public AwsJsonCodec() {
        this(WRITES_BEFORE_MADE_READER);
    }

    /** A codec that reads a class's members with a made reader once it has written {@code writesBeforeMadeReader} of them. */
    AwsJsonCodec(int writesBeforeMadeReader) {
        this.writesBeforeMadeReader = writesBeforeMadeReader;
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

    /**
     * Filled from the first object of its class that is written: the SDK lists a class's fields on its
     * instances. The members are read through their getters until this mock has written the class
     * {@code hot} times, and from then on by the reader made for the class ({@link MemberReaders}).
     */
    private static final class WritePlan {
        private final Class<?> type;
        private final int hot;
        private volatile Member[] members;
        private volatile MemberReaders.Reader reader;
        /** Counted without a lock: a lost count only delays the reader a little. */
        private int writes;
        private volatile boolean made;

        WritePlan(Class<?> type, int hot) {
            this.type = type;
            this.hot = hot;
        }

        Member[] members(SdkPojo pojo) {
            Member[] known = members;
            if (known == null) {
                synchronized (this) {
                    known = members;
                    if (known == null) {
                        List<SdkField<?>> fields = pojo.sdkFields();
                        known = fields.stream().map(Member::of).toArray(Member[]::new);
                        reader = MemberReaders.ofGetters(fields.stream().<Function<Object, ?>>map(field -> SdkGetters.of(field, pojo)).toList());
                        members = known;
                    }
                }
            }
            return known;
        }

        /** The reader of this class's members; call {@link #members} first. */
        MemberReaders.Reader reader() {
            if (!made && ++writes >= hot) {
                MemberReaders.Reader direct = MemberReaders.made(type);
                if (direct != null) {
                    reader = direct;
                }
                made = true;
            }
            return reader;
        }
    }

    /**
     * One member of a model class as it is written, worked out once per class: its JSON name ready to
     * write (with the comma before it, and without for the first member written), its type, and for
     * lists and maps how their elements are written. Reading the SDK's traits for every value written
     * cost more than writing the value.
     */
    private record Member(SdkField<?> field, byte[] name, byte[] nameAfterComma, MarshallingKnownType type,
                          Member element, LastPlan plan) {
        /**
         * An SDK list or map that was never set reads as empty but is left out of the JSON. The SDK's one
         * class of each is compared exactly: an {@code instanceof} of their interface searched every
         * list's interfaces, a list member at a time.
         */
        boolean unsetWhenAutoConstructed(Object value) {
            return type == MarshallingKnownType.LIST ? value.getClass() == DefaultSdkAutoConstructList.class
                    : type == MarshallingKnownType.MAP && value.getClass() == DefaultSdkAutoConstructMap.class;
        }

        static Member of(SdkField<?> field) {
            MarshallingKnownType type = field.marshallingType().getKnownType();
            Member element = switch (type) {
                case LIST -> of(field.getRequiredTrait(ListTrait.class).memberFieldInfo());
                case MAP -> of(field.getRequiredTrait(MapTrait.class).valueFieldInfo());
                default -> null;
            };
            AnswerWriter name = new AnswerWriter();
            name.string(field.locationName());
            name.raw(':');
            byte[] quoted = name.copyFrom(0);
            byte[] afterComma = new byte[quoted.length + 1];
            afterComma[0] = ',';
            System.arraycopy(quoted, 0, afterComma, 1, quoted.length);
            return new Member(field, quoted, afterComma, type, element, type == MarshallingKnownType.SDK_POJO ? new LastPlan() : null);
        }
    }

    /**
     * One thread's writing: the answer's bytes, and at each depth of nesting an array the members of
     * the object written there are read into, kept from answer to answer.
     */
    private static final class Writing {
        final AnswerWriter out = new AnswerWriter();
        private Object[][] values = new Object[8][];

        Object[] values(int depth, int size) {
            if (depth >= values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, depth + 1));
            }
            Object[] array = values[depth];
            if (array == null || array.length < size) {
                array = new Object[Math.max(size, 16)];
                values[depth] = array;
            }
            return array;
        }
    }

    /**
     * The plan of the class last written through one structure member. A member's values are all of one
     * model class, so after the first this saves the class-keyed lookup, once for every object written.
     */
    private static final class LastPlan {
        private volatile WritePlan plan;
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
     * Writes any SDK model object as JSON: unset members are left out, timestamps are epoch seconds.
     * The objects it carries (its structure members, and the structures and strings in its lists) are
     * written through {@link ShownObjects}: an object written before comes out as the JSON it gave then.
     */
    public byte[] write(SdkPojo pojo) {
        Writing writing = writings.get();
        writing.out.reset();
        writeObject(writing, pojo, writePlans.get(pojo.getClass()), 0, true);
        return writing.out.toByteArrayAndRelease();
    }

    /** A member of the answer itself: its structure, or the structures and strings of its list, are carried. */
    private void writeAnswerMember(Writing writing, Member member, Object value) {
        MarshallingKnownType element = member.element() == null ? null : member.element().type();
        if (member.type() == MarshallingKnownType.SDK_POJO) {
            writeCarried(writing, member, value);
        } else if (member.type() == MarshallingKnownType.LIST
                && (element == MarshallingKnownType.SDK_POJO || element == MarshallingKnownType.STRING)) {
            AnswerWriter out = writing.out;
            out.raw('[');
            List<?> list = (List<?>) value;
            boolean first = true;
            for (int i = 0, size = list.size(); i < size; i++) {
                Object item = list.get(i);
                if (item != null) {
                    if (!first) {
                        out.raw(',');
                    }
                    first = false;
                    writeCarried(writing, member.element(), item);
                }
            }
            out.raw(']');
        } else {
            writeValue(writing, member, value, 1);
        }
    }

    /** One object or string an answer carries: copied when kept, kept when written the second time. */
    private void writeCarried(Writing writing, Member member, Object value) {
        int hash = ShownObjects.hash(value);
        byte[] kept = shown.json(value, hash);
        if (kept != null) {
            writing.out.raw(kept);
            return;
        }
        if (!shown.seenBefore(hash)) {
            writeValue(writing, member, value, 1);
            return;
        }
        int from = writing.out.size();
        writeValue(writing, member, value, 1);
        shown.keep(value, hash, writing.out.copyFrom(from));
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

    private static void writeDocument(AnswerWriter out, Document document) {
        if (document.isNull()) {
            out.ascii("null");
        } else if (document.isBoolean()) {
            out.ascii(document.asBoolean() ? "true" : "false");
        } else if (document.isNumber()) {
            out.ascii(document.asNumber().stringValue());
        } else if (document.isString()) {
            out.string(document.asString());
        } else if (document.isList()) {
            out.raw('[');
            boolean first = true;
            for (Document item : document.asList()) {
                if (!first) {
                    out.raw(',');
                }
                first = false;
                writeDocument(out, item);
            }
            out.raw(']');
        } else {
            out.raw('{');
            boolean first = true;
            for (Map.Entry<String, Document> member : document.asMap().entrySet()) {
                if (!first) {
                    out.raw(',');
                }
                first = false;
                out.string(member.getKey());
                out.raw(':');
                writeDocument(out, member.getValue());
            }
            out.raw('}');
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

    /**
     * Writes {@code pojo}, nested {@code depth} deep; {@code answer} when it is the answer itself, whose
     * members are carried. Its members are read into the array of its depth, which the objects it holds,
     * one level deeper, leave alone, and emptied again so that no answer's objects stay reachable.
     */
    private void writeObject(Writing writing, SdkPojo pojo, WritePlan plan, int depth, boolean answer) {
        Member[] members = plan.members(pojo);
        Object[] values = writing.values(depth, members.length);
        plan.reader().read(pojo, values);
        AnswerWriter out = writing.out;
        out.raw('{');
        boolean first = true;
        for (int i = 0; i < members.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            values[i] = null;
            Member member = members[i];
            if (member.unsetWhenAutoConstructed(value)) {
                continue;
            }
            out.raw(first ? member.name() : member.nameAfterComma());
            first = false;
            if (answer) {
                writeAnswerMember(writing, member, value);
            } else {
                writeValue(writing, member, value, depth + 1);
            }
        }
        out.raw('}');
    }

    /** Writes a value whose structures, if any, are nested {@code depth} deep. */
    private void writeValue(Writing writing, Member member, Object value, int depth) {
        AnswerWriter out = writing.out;
        switch (member.type()) {
            case STRING -> out.string((String) value);
            case BOOLEAN -> out.ascii((Boolean) value ? "true" : "false");
            case INTEGER, SHORT, BYTE, LONG -> out.number(((Number) value).longValue());
            case DOUBLE -> decimal(out, (Double) value, Double.toString((Double) value));
            case FLOAT -> decimal(out, (Float) value, Float.toString((Float) value));
            case BIG_DECIMAL -> out.ascii(value.toString());
            case INSTANT -> out.ascii(instantText((Instant) value));
            case SDK_BYTES -> out.string(Base64.getEncoder().encodeToString(((SdkBytes) value).asByteArray()));
            case LIST -> {
                out.raw('[');
                List<?> list = (List<?>) value;
                boolean first = true;
                for (int i = 0, size = list.size(); i < size; i++) {
                    Object item = list.get(i);
                    if (item != null) {
                        if (!first) {
                            out.raw(',');
                        }
                        first = false;
                        writeValue(writing, member.element(), item, depth);
                    }
                }
                out.raw(']');
            }
            case MAP -> {
                out.raw('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    if (entry.getValue() != null) {
                        if (!first) {
                            out.raw(',');
                        }
                        first = false;
                        out.string(String.valueOf(entry.getKey()));
                        out.raw(':');
                        writeValue(writing, member.element(), entry.getValue(), depth);
                    }
                }
                out.raw('}');
            }
            case SDK_POJO -> writeObject(writing, (SdkPojo) value, planOf(member.plan(), value), depth, false);
            case DOCUMENT -> writeDocument(out, (Document) value);
            default -> throw new IllegalStateException("No JSON form for member " + member.field().memberName());
        }
    }

    /** A Double or Float as Java prints it; one that is not finite as a string, since JSON has no such number. */
    private static void decimal(AnswerWriter out, double value, String text) {
        if (Double.isFinite(value)) {
            out.ascii(text);
        } else {
            out.string(text);
        }
    }

    private WritePlan planOf(LastPlan last, Object value) {
        WritePlan plan = last.plan;
        if (plan == null || plan.type != value.getClass()) {
            plan = writePlans.get(value.getClass());
            last.plan = plan;
        }
        return plan;
    }

    private String instantText(Instant instant) {
        LastInstant last = lastInstant;
        if (!last.instant().equals(instant)) {
            last = new LastInstant(instant, epochSeconds(instant));
            lastInstant = last;
        }
        return last.text();
    }

    /** Epoch seconds with a millisecond fraction, as AWS sends them: {@code 1732512345.123}. */
    static String epochSeconds(Instant instant) {
        long millis = instant.toEpochMilli();
        long fraction = Math.floorMod(millis, 1000L);
        return Math.floorDiv(millis, 1000L) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }
}
