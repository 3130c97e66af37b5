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
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.traits.DefaultValueTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Reads every member of a model object in one call, for the codec's writer. Through the SDK's
 * {@code SdkField} getters each member costs a call that no JIT can inline (the call site sees every
 * getter of every class): a hundred of them for each task an answer shows, a fifth of writing it.
 * For a class the writer writes often, this makes a small class whose one method calls the model
 * class's own getters in a row, each a plain call the JIT inlines to a field read.
 *
 * <p>Which method reads which member is not guessed from names: the model class is built once with
 * every member set to an object of its own, and a member's method is the one that gives back exactly
 * that object. A member no such method reads (one with a default value, or a later SDK that reads
 * differently) is read through its getter, as before; a class that cannot be built or made keeps the
 * getters for all its members.
 */
final class MemberReaders {
    /** Fills {@code into} with the members of {@code pojo}, in the order of its class's {@code sdkFields()}. */
    interface Reader {
        void read(Object pojo, Object[] into);
    }

    private static final String READER = Type.internalName(Reader.class);
    private static final String READ_DESCRIPTOR = "(Ljava/lang/Object;[Ljava/lang/Object;)V";

    private MemberReaders() {
    }

    /** Reads through the SDK's getters: what a class is written with until it has been written often. */
    static Reader ofGetters(List<Function<Object, ?>> getters) {
        return new ThroughGetters(getters);
    }

    /** The reader of a class that has not been made, or could not be. */
    static final class ThroughGetters implements Reader {
        private final Function<Object, ?>[] getters;

        @SuppressWarnings("unchecked")
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
     * A reader made for {@code type}, whose {@code sdkFields()} are {@code fields} and which reads
     * through {@code getters} whatever it cannot read directly; the getters' reader when it cannot be made.
     */
    static Reader made(Class<?> type, List<SdkField<?>> fields, List<Function<Object, ?>> getters) {
        try {
            Method[] methods = methodsOf(type, fields, getters);
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
            @SuppressWarnings("unchecked")
            Function<Object, ?>[] restGetters = rest.stream().map(getters::get).toArray(Function[]::new);
            return new PartlyThroughGetters(direct, indexes, restGetters);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return ofGetters(getters);
        }
    }

    /**
     * For each field, the public method of {@code type} that returns what its getter returns, found on
     * an object whose members are all distinct objects; null where there is no one such method.
     */
    private static Method[] methodsOf(Class<?> type, List<SdkField<?>> fields, List<Function<Object, ?>> getters)
            throws ReflectiveOperationException {
        SdkPojo builder = (SdkPojo) type.getMethod("builder").invoke(null);
        for (int i = 0; i < fields.size(); i++) {
            Object value = sampleValue(fields.get(i), i);
            if (value != null) {
                fields.get(i).set(builder, value);
            }
        }
        Object sample = ((SdkBuilder<?, ?>) builder).build();
        List<Method> candidates = new ArrayList<>();
        for (Method method : type.getMethods()) {
            if (method.getDeclaringClass() == type && method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                    && !method.getReturnType().isPrimitive() && !method.isBridge() && !method.isSynthetic()) {
                candidates.add(method);
            }
        }
        Map<Method, Object> results = new HashMap<>();
        Method[] chosen = new Method[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            SdkField<?> field = fields.get(i);
            Object expected = getters.get(i).apply(sample);
            if (expected == null || field.getOptionalTrait(DefaultValueTrait.class).isPresent()) {
                continue;
            }
            List<Method> matches = new ArrayList<>();
            for (Method method : candidates) {
                if (method.getReturnType().isInstance(expected)) {
                    Object result = results.containsKey(method) ? results.get(method) : method.invoke(sample);
                    results.put(method, result);
                    if (result == expected) {
                        matches.add(method);
                    }
                }
            }
            chosen[i] = matches.size() == 1 ? matches.get(0) : byName(matches, field.memberName());
        }
        return chosen;
    }

    /** Of several methods giving the same object (a Boolean, of which there are two), the one named as the member. */
    private static Method byName(List<Method> matches, String memberName) {
        Method named = null;
        for (Method method : matches) {
            if (method.getName().equalsIgnoreCase(memberName)) {
                if (named != null) {
                    return null;
                }
                named = method;
            }
        }
        return named;
    }

    /** An object of the member's type that no other member of the sample holds; null for a type not set here. */
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
            case SDK_POJO -> ((SdkBuilder<?, ?>) field.constructor().get()).build();
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
