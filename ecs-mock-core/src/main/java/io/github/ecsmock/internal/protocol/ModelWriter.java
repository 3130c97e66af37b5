package io.github.ecsmock.internal.protocol;

import io.github.ecsmock.internal.protocol.MemberReaders.Kind;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.DefaultSdkAutoConstructList;
import software.amazon.awssdk.core.util.DefaultSdkAutoConstructMap;

/**
 * The writing half of {@link AwsJsonCodec}: any SDK model object as JSON, walked through the SDK's
 * {@code sdkFields()}, into an {@link AnswerWriter}. Unset members are left out, timestamps are
 * epoch seconds; the objects an answer carries are written through {@link ShownObjects}, so an
 * object written before comes out as the JSON it gave then.
 */
final class ModelWriter {
    /**
     * How many objects of a class a mock writes through the SDK's getters before it writes those nested
     * in its answers through a reader made for the class. Making one costs milliseconds, once a JVM,
     * and saves some 80 ns for each object written (a RunTask answer of ten tasks writes 120): worth it
     * to a mock that answers thousands of calls, as in a benchmark, never to a test class that makes a
     * few hundred.
     */
    static final int WRITES_BEFORE_MADE_READER = 10_000;

    private final int writesBeforeMadeReader;

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
    private final ThreadLocal<Writing> writings = ThreadLocal.withInitial(() -> new Writing(this));
    private final ShownObjects shown = new ShownObjects();
    /**
     * The timestamp written last and its text. The objects of one answer mostly show one instant (the
     * tasks a RunTask starts were created, pulled and started at its one operation time), and each
     * formatting cost a string concatenation. An immutable pair, so threads that race on it only miss.
     */
    private LastInstant lastInstant = new LastInstant(Instant.EPOCH, epochSeconds(Instant.EPOCH));

    private record LastInstant(Instant instant, String text) {
    }

    /** A writer that reads a class's members with a made reader once it has written {@code writesBeforeMadeReader} of them. */
    ModelWriter(int writesBeforeMadeReader) {
        this.writesBeforeMadeReader = writesBeforeMadeReader;
    }

    /**
     * Filled from the first object of its class that is written: the SDK lists a class's fields on its
     * instances. The members are read through their getters until this mock has written the class
     * {@code hot} times, and from then on, where the class is nested in an answer, by the reader made
     * for the class ({@link MemberReaders}).
     */
    private static final class WritePlan {
        private final Class<?> type;
        private final int hot;
        private volatile Member[] members;
        private volatile MemberReaders.ThroughGetters getters;
        /** Counted without a lock: a lost count only delays the made reader a little. */
        private int writes;
        private volatile boolean tried;
        private volatile MemberReaders.MadeReader made;

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
                        getters = MemberReaders.ofGetters(fields.stream().<Function<Object, ?>>map(field -> SdkGetters.of(field, pojo)).toList());
                        members = known;
                    }
                }
            }
            return known;
        }

        /** The reader of this class's members through their getters; call {@link #members} first. */
        MemberReaders.ThroughGetters getters() {
            return getters;
        }

        /** The reader made for this class once it has been written {@code hot} times, if it can have one; else null. */
        MemberReaders.MadeReader made() {
            if (!tried && ++writes >= hot) {
                made = MemberReaders.made(type);
                tried = true;
            }
            return made;
        }
    }

    /**
     * One member of a model class as it is written, worked out once per class: its JSON name ready to
     * write (with the comma before it, and without for the first member written), its type, and for
     * lists and maps how their elements are written. Reading the SDK's traits for every value written
     * cost more than writing the value. Its {@link MemberReaders.Kind} sorts out the members an object
     * writes most (strings, structures, timestamps, numbers, booleans) in one switch over small numbers,
     * for the rest {@link #writeValue}: the two switches that took, the second over the SDK's enum,
     * were a fortieth of writing a RunTask answer.
     */
    private record Member(SdkField<?> field, byte[] name, byte[] nameAfterComma, MarshallingKnownType type,
                          int kind, Member element, LastPlan plan, Repeats repeats) {
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
            int kind = Kind.of(type);
            return new Member(field, quoted, afterComma, type, kind, element,
                    type == MarshallingKnownType.SDK_POJO ? new LastPlan() : null,
                    kind == Kind.STRUCTURE || kind == Kind.OTHER ? new Repeats() : null);
        }
    }

    /**
     * One thread's writing: the answer's bytes, and at each depth of nesting an array the members of
     * the object written there are read into, kept from answer to answer. It is also the sink a made
     * reader hands the members of a nested object to: each member written as it comes, straight from
     * its getter, without the array.
     */
    private static final class Writing implements MemberReaders.Sink {
        final AnswerWriter out = new AnswerWriter();
        private final ModelWriter writer;
        private Object[][] values = new Object[8][];
        /** The members of the object a made reader reads, and how deep it is nested. */
        private Member[] members;
        private int depth;

        Writing(ModelWriter writer) {
            this.writer = writer;
        }

        @Override
        public void string(int index, Object value) {
            if (value != null) {
                name(members[index]);
                out.string((String) value);
            }
        }

        @Override
        public void structure(int index, Object value) {
            if (value != null) {
                Member member = members[index];
                name(member);
                repeatable(member, value);
            }
        }

        @Override
        public void instant(int index, Object value) {
            if (value != null) {
                name(members[index]);
                out.ascii(writer.instantText((Instant) value));
            }
        }

        @Override
        public void wholeNumber(int index, Object value) {
            if (value != null) {
                name(members[index]);
                out.number(((Number) value).longValue());
            }
        }

        @Override
        public void bool(int index, Object value) {
            if (value != null) {
                name(members[index]);
                out.ascii((Boolean) value ? "true" : "false");
            }
        }

        @Override
        public void other(int index, Object value) {
            if (value != null) {
                Member member = members[index];
                if (!member.unsetWhenAutoConstructed(value)) {
                    name(member);
                    repeatable(member, value);
                }
            }
        }

        /** A structure, list or map: the JSON it gave last time if it is the object this member wrote twice in a row before. */
        private void repeatable(Member member, Object value) {
            Repeats repeats = member.repeats();
            Kept kept = repeats.kept;
            if (kept != null && kept.value() == value) {
                out.raw(kept.json());
                return;
            }
            boolean again = repeats.seen == value;
            if (!again) {
                repeats.seen = value;
            }
            int from = out.size();
            writer.writeValue(this, member, value, depth + 1);
            if (again) {
                repeats.kept = new Kept(value, out.copyFrom(from));
            }
        }

        /** A member's name, after a comma unless it is the first of its object: no value ends in a brace that opens. */
        private void name(Member member) {
            out.raw(out.last() == '{' ? member.name() : member.nameAfterComma());
        }

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
     * The value a structure, list or map member of a nested object wrote last, and the JSON of the one
     * it wrote twice in a row. Model objects are immutable, so the same object writes the same JSON;
     * and the state shows many as the very same object in every answer (a task's attributes, its
     * storage, the overrides of the tasks of one launch), which are then copied rather than written.
     * The last value is held strongly, one a member, so that an object is compared by identity alone.
     * Written without locks: {@code kept} is an immutable pair, and a lost race only costs a miss.
     */
    private static final class Repeats {
        private Object seen;
        private Kept kept;
    }

    private record Kept(Object value, byte[] json) {
    }

    /**
     * The plan of the class last written through one structure member. A member's values are all of one
     * model class, so after the first this saves the class-keyed lookup, once for every object written.
     */
    private static final class LastPlan {
        private volatile WritePlan plan;
    }

    /**
     * Writes any SDK model object as JSON: unset members are left out, timestamps are epoch seconds.
     * The objects it carries (its structure members, and the structures and strings in its lists) are
     * written through {@link ShownObjects}: an object written before comes out as the JSON it gave then.
     */
    public byte[] write(SdkPojo pojo) {
        return written(pojo).out.toByteArrayAndRelease();
    }

    /** JSON lent in the array it was written in: its first {@code length} bytes. */
    record Lent(byte[] array, int length) {
    }

    /**
     * Writes like {@link #write}, without copying the answer out of the array it was written in: the
     * array is lent to the caller, and this thread writes its next answers in another until
     * {@link #giveBack} returns it. For a transport that hands the bytes on and learns when they have
     * been read: copying a RunTask answer of 20 KB out into new memory, and the caller reading it from
     * there, took some 2 µs of each call.
     */
    Lent lend(SdkPojo pojo) {
        AnswerWriter out = written(pojo).out;
        int length = out.size();
        return new Lent(out.lend(), length);
    }

    /** This thread's writing, with {@code pojo} written as an answer. */
    private Writing written(SdkPojo pojo) {
        Writing writing = writings.get();
        writing.out.reset();
        writing.members = null;
        writing.depth = 0;
        writeObject(writing, pojo, writePlans.get(pojo.getClass()), 0, true);
        return writing;
    }

    /** Takes back an array {@link #lend} lent, once nothing reads it; on any thread, whose next answer it takes. */
    void giveBack(byte[] array) {
        writings.get().out.giveBack(array);
    }

    /**
     * A member of the answer itself other than a structure (which {@link #writeObject} carries): the
     * structures and strings of its list are carried.
     */
    private void writeAnswerMember(Writing writing, Member member, Object value) {
        MarshallingKnownType element = member.element() == null ? null : member.element().type();
        if (member.type() == MarshallingKnownType.LIST
                && (element == MarshallingKnownType.SDK_POJO || element == MarshallingKnownType.STRING)) {
            writeList(writing, member, (List<?>) value, true, 1);
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
     * Writes {@code pojo}, nested {@code depth} deep; {@code answer} when it is the answer itself, whose
     * members are carried. Its members are read into the array of its depth, which the objects it holds,
     * one level deeper, leave alone, and emptied again so that no answer's objects stay reachable.
     */
    private void writeObject(Writing writing, SdkPojo pojo, WritePlan plan, int depth, boolean answer) {
        Member[] members = plan.members(pojo);
        Object[] values = writing.values(depth, members.length);
        plan.getters().read(pojo, values);
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
            if (member.kind() == Kind.OTHER && member.unsetWhenAutoConstructed(value)) {
                continue;
            }
            out.raw(first ? member.name() : member.nameAfterComma());
            first = false;
            switch (member.kind()) {
                case Kind.STRING -> out.string((String) value);
                case Kind.STRUCTURE -> {
                    if (answer) {
                        writeCarried(writing, member, value);
                    } else {
                        writeNested(writing, member, value, depth + 1);
                    }
                }
                case Kind.INSTANT -> out.ascii(instantText((Instant) value));
                case Kind.WHOLE_NUMBER -> out.number(((Number) value).longValue());
                case Kind.BOOLEAN -> out.ascii((Boolean) value ? "true" : "false");
                default -> {
                    if (answer) {
                        writeAnswerMember(writing, member, value);
                    } else {
                        writeValue(writing, member, value, depth + 1);
                    }
                }
            }
        }
        out.raw('}');
    }

    /**
     * A structure nested {@code depth} deep in the answer: by its class's made reader once it has one,
     * which hands each member to {@code writing} as a {@link MemberReaders.Sink}.
     */
    private void writeNested(Writing writing, Member member, Object value, int depth) {
        SdkPojo pojo = (SdkPojo) value;
        WritePlan plan = planOf(member.plan(), value);
        Member[] members = plan.members(pojo);
        MemberReaders.MadeReader made = plan.made();
        if (made == null) {
            writeObject(writing, pojo, plan, depth, false);
            return;
        }
        Member[] outer = writing.members;
        int outerDepth = writing.depth;
        writing.members = members;
        writing.depth = depth;
        writing.out.raw('{');
        made.read(pojo, writing);
        writing.out.raw('}');
        writing.members = outer;
        writing.depth = outerDepth;
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
            case LIST -> writeList(writing, member, (List<?>) value, false, depth);
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
            case SDK_POJO -> writeNested(writing, member, value, depth);
            case DOCUMENT -> writeDocument(out, (Document) value);
            default -> throw new IllegalStateException("No JSON form for member " + member.field().memberName());
        }
    }

    /**
     * The list's items that are not null, as a JSON array; {@code carried} for a list of the answer
     * itself, whose structures and strings are carried (see {@link #writeCarried}).
     */
    private void writeList(Writing writing, Member member, List<?> list, boolean carried, int depth) {
        AnswerWriter out = writing.out;
        out.raw('[');
        boolean first = true;
        for (int i = 0, size = list.size(); i < size; i++) {
            Object item = list.get(i);
            if (item != null) {
                if (!first) {
                    out.raw(',');
                }
                first = false;
                if (carried) {
                    writeCarried(writing, member.element(), item);
                } else {
                    writeValue(writing, member.element(), item, depth);
                }
            }
        }
        out.raw(']');
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
