package io.github.ecsmock.internal.protocol;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.DefaultValueTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Reads every member of a model object in one call, for the codec's writer. Through the SDK's
 * {@code SdkField} getters each member costs a call that no JIT can inline (the call site sees every
 * getter of every class), and the writer then looks at each value again to see how to write it. For a
 * class the writer writes often, this makes a small class whose one method calls the model class's
 * own getters in a row, each a plain call the JIT inlines to a field read, and hands each value to the
 * method of a {@link Sink} for its kind of member: straight-line code that knows, for every member,
 * where it is and what it is.
 *
 * <p>A member's method is the one named as the member ({@code taskArn} for {@code TaskArn},
 * {@code launchTypeAsString} for an enum) that gives back exactly the object its getter gives, on an
 * object of the class built with every member an object of its own. A class with a member no such
 * method reads (one with a default value, which only requests have, or one a later SDK reads
 * differently), or that cannot be built or made, gets no reader and is read through its getters.
 */
final class MemberReaders {
    /**
     * Takes the members of one model object from a made reader, each by its index in its class's
     * {@code sdkFields()} and through the method of its {@link Kind}, set or not (null).
     */
    interface Sink {
        void string(int index, Object value);

        void structure(int index, Object value);

        void instant(int index, Object value);

        void wholeNumber(int index, Object value);

        void bool(int index, Object value);

        void other(int index, Object value);
    }

    /**
     * The kinds of member a {@link Sink} tells apart: those an answer holds most (strings, structures,
     * timestamps, whole numbers, booleans), and the rest. Small numbers rather than an enum, for the
     * writer's switch over them.
     */
    static final class Kind {
        static final int STRING = 0;
        static final int STRUCTURE = 1;
        static final int INSTANT = 2;
        static final int WHOLE_NUMBER = 3;
        static final int BOOLEAN = 4;
        static final int OTHER = 5;
        /** The {@link Sink} method of each kind, by its number. */
        private static final List<String> SINK_METHODS = List.of("string", "structure", "instant", "wholeNumber", "bool", "other");

        private Kind() {
        }

        static int of(MarshallingKnownType type) {
            return switch (type) {
                case STRING -> STRING;
                case SDK_POJO -> STRUCTURE;
                case INSTANT -> INSTANT;
                case INTEGER, LONG -> WHOLE_NUMBER;
                case BOOLEAN -> BOOLEAN;
                default -> OTHER;
            };
        }
    }

    /**
     * A made reader: its class, made for one model class, reads every member of an object of it into
     * the sink. An abstract class rather than an interface: the writer calls it for objects of every
     * class, and a virtual call through a class's table is cheaper than an interface's search.
     */
    abstract static class MadeReader {
        abstract void read(Object pojo, Sink sink);
    }

    private static final String MADE_READER = Type.internalName(MadeReader.class);
    private static final String SINK = Type.internalName(Sink.class);
    private static final String READ_DESCRIPTOR = "(Ljava/lang/Object;L" + SINK + ";)V";
    private static final String SINK_DESCRIPTOR = "(ILjava/lang/Object;)V";
    /** The readers made, by model class; empty for a class that cannot have one. */
    private static final ClassValue<Optional<MadeReader>> MADE = new ClassValue<>() {
        @Override
        protected Optional<MadeReader> computeValue(Class<?> type) {
            return Optional.ofNullable(make(type));
        }
    };

    private MemberReaders() {
    }

    /** Reads through the SDK's getters: what a class is written with until it has been written often. */
    static ThroughGetters ofGetters(List<Function<Object, ?>> getters) {
        return new ThroughGetters(getters);
    }

    /**
     * The reader of a class that has not been made, or could not be: fills an array with the members of
     * an object, in the order of its class's {@code sdkFields()}.
     */
    static final class ThroughGetters {
        private final Function<Object, ?>[] getters;

        @SuppressWarnings({"unchecked", "rawtypes"})
        ThroughGetters(List<Function<Object, ?>> getters) {
            this.getters = getters.toArray(new Function[0]);
        }

        void read(Object pojo, Object[] into) {
            for (int i = 0; i < getters.length; i++) {
                into[i] = getters[i].apply(pojo);
            }
        }
    }

    /**
     * The reader made for {@code type}, or null when none can be made and its getters must do. Made once
     * for the JVM, not once per mock: making one costs milliseconds (reflection, a class defined), which
     * every test class's mock paying anew would cost more than it saves. It depends on nothing but the
     * class, so no mock or test can change or see what another made.
     */
    static MadeReader made(Class<?> type) {
        return MADE.get(type).orElse(null);
    }

    private static MadeReader make(Class<?> type) {
        try {
            SdkPojo builder = (SdkPojo) type.getMethod("builder").invoke(null);
            List<SdkField<?>> fields = builder.sdkFields();
            for (int i = 0; i < fields.size(); i++) {
                Object value = sampleValue(fields.get(i), i);
                if (value != null) {
                    fields.get(i).set(builder, value);
                }
            }
            SdkPojo sample = (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
            List<Function<Object, ?>> getters = new ArrayList<>(fields.size());
            for (SdkField<?> field : fields) {
                getters.add(SdkGetters.of(field, sample));
            }
            Method[] methods = methodsOf(type, fields, getters, sample);
            int[] kinds = new int[fields.size()];
            for (int i = 0; i < methods.length; i++) {
                if (methods[i] == null) {
                    return null;
                }
                kinds[i] = Kind.of(fields.get(i).marshallingType().getKnownType());
            }
            return define(type, methods, kinds);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /**
     * For each field, the public method of {@code type} named as the member ({@code taskArn} for
     * {@code TaskArn}, {@code launchTypeAsString} for an enum) that returns what its getter returns on
     * {@code sample}, whose members are all distinct objects; a structure member, left unset so that
     * no class of it is loaded, by a method named so that returns a structure. Null where there is not
     * exactly one such method, or the member has a default value.
     */
    private static Method[] methodsOf(Class<?> type, List<SdkField<?>> fields, List<Function<Object, ?>> getters, Object sample)
            throws ReflectiveOperationException {
        Map<String, List<Method>> byName = new HashMap<>();
        for (Method method : type.getMethods()) {
            if (method.getDeclaringClass() == type && method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                    && !method.getReturnType().isPrimitive() && !method.isBridge() && !method.isSynthetic()) {
                byName.computeIfAbsent(method.getName().toLowerCase(Locale.ROOT), name -> new ArrayList<>()).add(method);
            }
        }
        Method[] chosen = new Method[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            SdkField<?> field = fields.get(i);
            if (field.getOptionalTrait(DefaultValueTrait.class).isPresent()) {
                continue;
            }
            Object expected = getters.get(i).apply(sample);
            boolean structure = field.marshallingType().getKnownType() == MarshallingKnownType.SDK_POJO;
            if ((expected == null) != structure) {
                continue;
            }
            String name = field.memberName().toLowerCase(Locale.ROOT);
            List<Method> matches = new ArrayList<>(1);
            for (String candidate : List.of(name, name + "asstring", name + "asstrings")) {
                for (Method method : byName.getOrDefault(candidate, List.of())) {
                    Object result = method.invoke(sample);
                    if (structure ? result == null && SdkPojo.class.isAssignableFrom(method.getReturnType()) : result == expected) {
                        matches.add(method);
                    }
                }
            }
            chosen[i] = matches.size() == 1 ? matches.get(0) : null;
        }
        return chosen;
    }

    /** An object of the member's type that no other member of the sample holds; null for a structure, and a type not set here. */
    private static Object sampleValue(SdkField<?> field, int index) {
        int unique = 1_000_000 + index;
        return switch (field.marshallingType().getKnownType()) {
            case STRING -> new String("m" + index);
            case INTEGER -> Integer.valueOf(unique);
            case LONG -> Long.valueOf(unique);
            case SHORT -> Short.valueOf((short) (1000 + index));
            case BYTE -> Byte.valueOf((byte) 1);
            case DOUBLE -> Double.valueOf(unique);
            case FLOAT -> Float.valueOf(unique);
            case BIG_DECIMAL -> BigDecimal.valueOf(unique);
            case BOOLEAN -> Boolean.TRUE;
            case INSTANT -> Instant.ofEpochSecond(unique);
            case SDK_BYTES -> SdkBytes.fromUtf8String("m" + index);
            case DOCUMENT -> Document.fromString("m" + index);
            case LIST -> new ArrayList<>();
            case MAP -> new HashMap<>();
            default -> null;
        };
    }

    /** Defines the class that reads {@code methods} in a row into a sink, and makes one of it. */
    private static MadeReader define(Class<?> type, Method[] methods, int[] kinds) throws ReflectiveOperationException {
        byte[] classFile = classFile(type, methods, kinds);
        Class<?> made = MethodHandles.lookup().defineHiddenClass(classFile, true).lookupClass();
        return (MadeReader) made.getDeclaredConstructor().newInstance();
    }

    /**
     * The class file of a reader: {@code read} casts the object once, and for each member calls its
     * method and hands the result, with the member's index, to the sink's method of its kind.
     * Straight-line code, so the class needs no stack map frames (class file version 52).
     */
    static byte[] classFile(Class<?> type, Method[] methods, int[] kinds) {
        ConstantPool pool = new ConstantPool();
        int thisClass = pool.type(Type.internalName(MemberReaders.class) + "Generated");
        int superClass = pool.type(MADE_READER);
        int modelClass = pool.type(Type.internalName(type));
        int superInit = pool.method(MADE_READER, "<init>", "()V");
        int initName = pool.utf8("<init>");
        int initDescriptor = pool.utf8("()V");
        int readName = pool.utf8("read");
        int readDescriptor = pool.utf8(READ_DESCRIPTOR);
        int code = pool.utf8("Code");

        Bytes read = new Bytes();
        read.u1(0x2b).u1(0xc0).u2(modelClass).u1(0x4e); // aload_1, checkcast, astore_3
        for (int i = 0; i < methods.length; i++) {
            read.u1(0x2c); // aload_2: the sink
            if (i <= 5) {
                read.u1(0x03 + i); // iconst_i
            } else if (i <= 127) {
                read.u1(0x10).u1(i); // bipush
            } else {
                read.u1(0x11).u2(i); // sipush
            }
            read.u1(0x2d); // aload_3
            read.u1(0xb6).u2(pool.method(Type.internalName(type), methods[i].getName(),
                    "()" + Type.descriptor(methods[i].getReturnType()))); // invokevirtual
            read.u1(0xb9).u2(pool.interfaceMethod(SINK, Kind.SINK_METHODS.get(kinds[i]), SINK_DESCRIPTOR))
                    .u1(3).u1(0); // invokeinterface, three argument slots with the sink
        }
        read.u1(0xb1); // return

        Bytes init = new Bytes().u1(0x2a).u1(0xb7).u2(superInit).u1(0xb1); // aload_0, invokespecial, return

        Bytes file = new Bytes();
        file.u4(0xCAFEBABE).u2(0).u2(52);
        pool.writeTo(file);
        file.u2(0x0030).u2(thisClass).u2(superClass); // final, super
        file.u2(0); // interfaces
        file.u2(0); // fields
        file.u2(2);
        method(file, 0x0001, initName, initDescriptor, code, 1, 1, init);
        method(file, 0x0001, readName, readDescriptor, code, 3, 4, read);
        file.u2(0); // attributes
        return file.toByteArray();
    }

    private static void method(Bytes file, int access, int name, int descriptor, int codeName, int maxStack, int maxLocals,
                               Bytes code) {
        file.u2(access).u2(name).u2(descriptor).u2(1);
        file.u2(codeName).u4(12 + code.size()).u2(maxStack).u2(maxLocals).u4(code.size()).bytes(code.toByteArray());
        file.u2(0).u2(0); // no exception table, no attributes
    }

    /** Names of classes as class files write them. */
    private static final class Type {
        static String internalName(Class<?> type) {
            return type.getName().replace('.', '/');
        }

        static String descriptor(Class<?> type) {
            return type.isArray() ? internalName(type) : "L" + internalName(type) + ";";
        }
    }

    /** The constant pool of one class file, each entry made once. */
    private static final class ConstantPool {
        private final Map<String, Integer> entries = new HashMap<>();
        private final Bytes bytes = new Bytes();
        private int count = 1;

        int utf8(String text) {
            return entry("U" + text, out -> {
                out.u1(1);
                out.utf(text);
            });
        }

        int type(String internalName) {
            int name = utf8(internalName);
            return entry("C" + internalName, out -> out.u1(7).u2(name));
        }

        int method(String owner, String name, String descriptor) {
            return member(10, owner, name, descriptor);
        }

        int interfaceMethod(String owner, String name, String descriptor) {
            return member(11, owner, name, descriptor);
        }

        /** A class's ({@code tag} 10) or an interface's (11) method. */
        private int member(int tag, String owner, String name, String descriptor) {
            int ownerType = type(owner);
            int nameIndex = utf8(name);
            int descriptorIndex = utf8(descriptor);
            int nameAndType = entry("N" + name + " " + descriptor, out -> out.u1(12).u2(nameIndex).u2(descriptorIndex));
            return entry("M" + tag + owner + "." + name + descriptor, out -> out.u1(tag).u2(ownerType).u2(nameAndType));
        }

        private int entry(String key, java.util.function.Consumer<Bytes> writer) {
            Integer known = entries.get(key);
            if (known != null) {
                return known;
            }
            writer.accept(bytes);
            entries.put(key, count);
            return count++;
        }

        void writeTo(Bytes file) {
            file.u2(count).bytes(bytes.toByteArray());
        }
    }

    /** Big-endian bytes, as class files are written. */
    private static final class Bytes {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(buffer);

        Bytes u1(int value) {
            return write(() -> out.writeByte(value));
        }

        Bytes u2(int value) {
            return write(() -> out.writeShort(value));
        }

        Bytes u4(int value) {
            return write(() -> out.writeInt(value));
        }

        Bytes utf(String text) {
            return write(() -> out.writeUTF(text));
        }

        Bytes bytes(byte[] value) {
            return write(() -> out.write(value));
        }

        int size() {
            return buffer.size();
        }

        byte[] toByteArray() {
            return buffer.toByteArray();
        }

        private interface Write {
            void run() throws IOException;
        }

        private Bytes write(Write write) {
            try {
                write.run();
            } catch (IOException e) {
                throw new IllegalStateException(e); // a ByteArrayOutputStream does not fail
            }
            return this;
        }
    }
}
