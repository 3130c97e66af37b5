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
 * getter of every class): a hundred of them for each task an answer shows, a fifth of writing it.
 * For a class the writer writes often, this makes a small class whose one method calls the model
 * class's own getters in a row, each a plain call the JIT inlines to a field read.
 *
 * <p>A member's method is the one named as the member ({@code taskArn} for {@code TaskArn},
 * {@code launchTypeAsString} for an enum) that gives back exactly the object its getter gives, on an
 * object of the class built with every member an object of its own. A member no such method reads
 * (one with a default value, or one a later SDK reads differently) is read through its getter; a class
 * that cannot be built or made keeps the getters for all its members.
 */
final class MemberReaders {
    /** Fills {@code into} with the members of {@code pojo}, in the order of its class's {@code sdkFields()}. */
    interface Reader {
        void read(Object pojo, Object[] into);
    }

    private static final String READER = Type.internalName(Reader.class);
    private static final String READ_DESCRIPTOR = "(Ljava/lang/Object;[Ljava/lang/Object;)V";
    /** The readers made, by model class; empty for a class that cannot have one. */
    private static final ClassValue<Optional<Reader>> MADE = new ClassValue<>() {
        @Override
        protected Optional<Reader> computeValue(Class<?> type) {
            return Optional.ofNullable(make(type));
        }
    };

    private MemberReaders() {
    }

    /** Reads through the SDK's getters: what a class is written with until it has been written often. */
    static Reader ofGetters(List<Function<Object, ?>> getters) {
        return new ThroughGetters(getters);
    }

    /** The reader of a class that has not been made, or could not be. */
    static final class ThroughGetters implements Reader {
        private final Function<Object, ?>[] getters;

        @SuppressWarnings({"unchecked", "rawtypes"})
        ThroughGetters(List<Function<Object, ?>> getters) {
            this.getters = getters.toArray(new Function[0]);
        }

        @Override
        public void read(Object pojo, Object[] into) {
            for (int i = 0; i < getters.length; i++) {
                into[i] = getters[i].apply(pojo);
            }
        }
    }

    /** A made reader and the getters of the members it cannot read. */
    static final class PartlyThroughGetters implements Reader {
        private final Reader made;
        private final int[] indexes;
        private final Function<Object, ?>[] getters;

        PartlyThroughGetters(Reader made, int[] indexes, Function<Object, ?>[] getters) {
            this.made = made;
            this.indexes = indexes;
            this.getters = getters;
        }

        @Override
        public void read(Object pojo, Object[] into) {
            made.read(pojo, into);
            for (int i = 0; i < indexes.length; i++) {
                into[indexes[i]] = getters[i].apply(pojo);
            }
        }
    }

    /**
     * The reader made for {@code type}, or null when none can be made and its getters must do. Made once
     * for the JVM, not once per mock: making one costs milliseconds (reflection, a class defined), which
     * every test class's mock paying anew would cost more than it saves. It depends on nothing but the
     * class, so no mock or test can change or see what another made.
     */
    static Reader made(Class<?> type) {
        return MADE.get(type).orElse(null);
    }

    private static Reader make(Class<?> type) {
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
            Reader direct = define(type, methods);
            List<Integer> rest = new ArrayList<>();
            for (int i = 0; i < methods.length; i++) {
                if (methods[i] == null) {
                    rest.add(i);
                }
            }
            if (rest.isEmpty()) {
                return direct;
            }
            int[] indexes = rest.stream().mapToInt(Integer::intValue).toArray();
            @SuppressWarnings({"unchecked", "rawtypes"})
            Function<Object, ?>[] restGetters = rest.stream().map(getters::get).toArray(Function[]::new);
            return new PartlyThroughGetters(direct, indexes, restGetters);
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

    /** Defines the class that calls {@code methods} in a row, skipping nulls, and makes one of it. */
    private static Reader define(Class<?> type, Method[] methods) throws ReflectiveOperationException {
        byte[] classFile = classFile(type, methods);
        Class<?> made = MethodHandles.lookup().defineHiddenClass(classFile, true).lookupClass();
        return (Reader) made.getDeclaredConstructor().newInstance();
    }

    /**
     * The class file of a reader: {@code read} casts the object once and stores each getter's result
     * in its slot. Straight-line code, so the class needs no stack map frames (class file version 52).
     */
    static byte[] classFile(Class<?> type, Method[] methods) {
        ConstantPool pool = new ConstantPool();
        int thisClass = pool.type(Type.internalName(MemberReaders.class) + "Generated");
        int objectClass = pool.type("java/lang/Object");
        int readerInterface = pool.type(READER);
        int modelClass = pool.type(Type.internalName(type));
        int objectInit = pool.method("java/lang/Object", "<init>", "()V");
        int initName = pool.utf8("<init>");
        int initDescriptor = pool.utf8("()V");
        int readName = pool.utf8("read");
        int readDescriptor = pool.utf8(READ_DESCRIPTOR);
        int code = pool.utf8("Code");

        Bytes read = new Bytes();
        read.u1(0x2b).u1(0xc0).u2(modelClass).u1(0x4e); // aload_1, checkcast, astore_3
        for (int i = 0; i < methods.length; i++) {
            if (methods[i] == null) {
                continue;
            }
            read.u1(0x2c); // aload_2
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
            read.u1(0x53); // aastore
        }
        read.u1(0xb1); // return

        Bytes init = new Bytes().u1(0x2a).u1(0xb7).u2(objectInit).u1(0xb1); // aload_0, invokespecial, return

        Bytes file = new Bytes();
        file.u4(0xCAFEBABE).u2(0).u2(52);
        pool.writeTo(file);
        file.u2(0x0030).u2(thisClass).u2(objectClass); // final, super
        file.u2(1).u2(readerInterface);
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
            int ownerType = type(owner);
            int nameIndex = utf8(name);
            int descriptorIndex = utf8(descriptor);
            int nameAndType = entry("N" + name + " " + descriptor, out -> out.u1(12).u2(nameIndex).u2(descriptorIndex));
            return entry("M" + owner + "." + name + descriptor, out -> out.u1(10).u2(ownerType).u2(nameAndType));
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
