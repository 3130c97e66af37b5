package io.github.ecsmock.internal.protocol;

import io.github.ecsmock.internal.ecs.BlankMembers;
import io.github.ecsmock.internal.errors.EcsError;
import io.github.ecsmock.internal.errors.Errors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.DefaultSdkAutoConstructList;
import software.amazon.awssdk.core.util.DefaultSdkAutoConstructMap;

/**
 * Checks every request against the ECS API model before it reaches an operation: required members,
 * enum values, string lengths and patterns, numeric ranges and list sizes, at any depth. The
 * constraints are derived from the public model ({@code src/build/extract-constraints.py}) into a
 * resource, so an operation added to the table is validated without new code. Violations are
 * {@code InvalidParameterException}s that name the member, in ECS's wording where it is known
 * ({@code include should be one of [...]}, {@code tags can have at most 50 items.}); a required
 * member that ECS answers in its own words gets those words ({@link BlankMembers}).
 */
public final class ModelValidator {
    private static final String RESOURCE = "ecs-request-constraints.txt";

    /** The kinds of shape validation tells apart; a switch on an enum rather than on the model's type names. */
    private enum Kind {
        STRUCTURE, LIST, MAP, STRING, NUMBER, OTHER;

        static Kind of(String type) {
            return switch (type) {
                case "structure" -> STRUCTURE;
                case "list" -> LIST;
                case "map" -> MAP;
                case "string" -> STRING;
                case "integer", "long", "double", "float" -> NUMBER;
                default -> OTHER;
            };
        }
    }

    /** What the model says of one shape; only the parts validation needs. */
    private record Shape(Kind kind, Set<String> required, Map<String, String> members, Shape element,
                         Long min, Long max, Pattern pattern, List<String> values, boolean constrains) {
        /** Whether a value of this shape can break a constraint, its own or one of what it holds. */
        static boolean constrains(Kind kind, Long min, Long max, Pattern pattern, List<String> values) {
            return switch (kind) {
                case STRUCTURE, LIST, MAP -> true;
                case STRING -> values != null || min != null || max != null || pattern != null;
                case NUMBER -> min != null || max != null;
                case OTHER -> false;
            };
        }
    }

    /** A member of a structure that its shape constrains: required, or of a shape with constraints (else null). */
    private record Constrained(String member, Function<Object, ?> getter, Shape shape, boolean required) {
    }

    /**
     * How the objects of one model class are checked against their structure shape: only the members
     * that can fail, each with its getter and shape at hand. Worked out on the class's first request;
     * looking each member's shape up by name for every request cost a ContainerDefinition of sixty
     * members some sixty map lookups and a trait lookup per member.
     */
    private record StructurePlan(Shape shape, Constrained[] members) {
    }

    private final Map<String, String> inputs;
    /** Each shape's constraints as the resource gives them, read into a {@link Shape} when a request first needs it. */
    private final Map<String, String> unread;
    private final Map<String, Shape> shapes = new ConcurrentHashMap<>();
    private final Map<Class<?>, StructurePlan> plans = new ConcurrentHashMap<>();

    private ModelValidator(Map<String, String> inputs, Map<String, String> unread) {
        this.inputs = inputs;
        this.unread = unread;
    }

    /** The constraints never change while a JVM runs; every mock shares one reading of them. */
    private static final class Shared {
        static final ModelValidator INSTANCE = read();
    }

    /** The validator of the ECS model, read once per JVM. */
    public static ModelValidator load() {
        return Shared.INSTANCE;
    }

    /**
     * Indexes the resource's lines (see {@code extract-constraints.py}) without parsing any JSON: a
     * request needs a handful of the model's four hundred shapes, and reading them all as JSON cost a
     * fresh JVM some 14 ms of the hundred it spent on the mock before its first answer.
     */
    private static ModelValidator read() {
        try (InputStream in = ModelValidator.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The model constraints " + RESOURCE + " are missing from the classpath");
            }
            Map<String, String> inputs = new HashMap<>();
            Map<String, String> unread = new HashMap<>();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (int start = 0, end; start < text.length(); start = end + 1) {
                end = text.indexOf('\n', start);
                if (end < 0) {
                    end = text.length();
                }
                int first = text.indexOf('\t', start);
                int second = first < 0 || first > end ? -1 : text.indexOf('\t', first + 1);
                if (second < 0 || second > end) {
                    continue; // the source line, or a blank one
                }
                String kind = text.substring(start, first);
                String name = text.substring(first + 1, second);
                String rest = text.substring(second + 1, end);
                if (kind.equals("operation")) {
                    inputs.put(name, rest);
                } else if (kind.equals("shape")) {
                    unread.put(name, rest);
                }
            }
            return new ModelValidator(Map.copyOf(inputs), Map.copyOf(unread));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The shape of this name, read on first use; null for a name the model does not constrain. A list's
     * or map's element is read with it (structures' members are looked up once per class, in
     * {@link #planOf}), so checking a list's values looks nothing up by name.
     */
    private Shape shape(String name) {
        if (name == null) {
            return null;
        }
        Shape known = shapes.get(name);
        if (known != null) {
            return known;
        }
        String json = unread.get(name);
        if (json == null) {
            return null;
        }
        // Not computeIfAbsent: reading a list reads its element, a second update of the map. Threads
        // that race read the shape twice and all keep the first one stored, as plans compare shapes by identity.
        Shape read = parse(json);
        Shape raced = shapes.putIfAbsent(name, read);
        return raced != null ? raced : read;
    }

    /** Every shape of the model read, for a test to find a line that does not read. Returns how many there are. */
    public int readAll() {
        unread.keySet().forEach(this::shape);
        return shapes.size();
    }

    /**
     * Whether the operation is validated: from the public model, or for operations newer than it
     * (daemons, gateways) from what the SDK's own classes say of their members.
     */
    public boolean knows(String operation) {
        if (inputs.containsKey(operation)) {
            return true;
        }
        try {
            Class.forName(SdkShapes.MODEL_PACKAGE + operation + "Request");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Throws the error ECS would give for the first constraint {@code request} breaks. */
    public void validate(String operation, SdkPojo request) {
        String input = inputs.get(operation);
        if (input != null) {
            structure(operation, shape(input), request, null);
        } else {
            SdkShapes.validate(operation, request);
        }
    }

    private void structure(String operation, Shape shape, SdkPojo value, MemberPath path) {
        for (Constrained constrained : planOf(shape, value).members()) {
            String member = constrained.member();
            Object memberValue = constrained.getter().apply(value);
            if (absent(memberValue)) {
                if (constrained.required()) {
                    String named = MemberPath.member(path, member).toString();
                    if (!("".equals(memberValue) && BlankMembers.mayBeEmpty(operation, named))) {
                        throw path == null ? BlankMembers.answer(operation, member).orElseGet(() -> blank(member)) : blank(named);
                    }
                }
                continue;
            }
            if (constrained.shape() != null) {
                check(operation, constrained.shape(), memberValue, MemberPath.member(path, member));
            }
        }
    }

    /**
     * A member left out of a request: null, an SDK list or map never set (which reads as empty), or an
     * empty string, which ECS treats as missing. The SDK's one class of each collection is compared
     * exactly, as the writer does: an {@code instanceof} of their interfaces, for every member checked,
     * searched each value's interfaces.
     */
    static boolean absent(Object value) {
        if (value == null) {
            return true;
        }
        Class<?> type = value.getClass();
        return type == DefaultSdkAutoConstructList.class || type == DefaultSdkAutoConstructMap.class || "".equals(value);
    }

    private StructurePlan planOf(Shape shape, SdkPojo value) {
        StructurePlan plan = plans.get(value.getClass());
        if (plan != null && plan.shape() == shape) {
            return plan;
        }
        List<Constrained> members = new ArrayList<>();
        for (SdkField<?> field : value.sdkFields()) {
            String member = field.memberName();
            String memberShape = shape.members().get(member);
            if (memberShape == null) {
                continue;
            }
            Shape resolved = shape(memberShape);
            boolean required = shape.required().contains(member);
            if (resolved != null && !resolved.constrains()) {
                resolved = null; // only its presence can fail
            }
            if (required || resolved != null) {
                members.add(new Constrained(member, SdkGetters.of(field, value), resolved, required));
            }
        }
        plan = new StructurePlan(shape, members.toArray(Constrained[]::new));
        plans.putIfAbsent(value.getClass(), plan);
        return plan;
    }

    private void check(String operation, Shape shape, Object value, MemberPath path) {
        if (shape == null) {
            return;
        }
        switch (shape.kind()) {
            case STRUCTURE -> {
                // A document (free-form JSON such as hookDetails) is a structure in the model with no members to check.
                if (value instanceof SdkPojo pojo) {
                    structure(operation, shape, pojo, path);
                }
            }
            case LIST -> {
                List<?> list = (List<?>) value;
                size(shape, list.size(), path);
                Shape element = shape.element();
                if (element == null || !element.constrains()) {
                    return;
                }
                for (int i = 0; i < list.size(); i++) {
                    // A scalar element is named by its list, as ECS names it ("include should be one of ...").
                    MemberPath elementPath = element.kind() == Kind.STRUCTURE ? MemberPath.element(path, i) : path;
                    check(operation, element, list.get(i), elementPath);
                }
            }
            case MAP -> {
                Shape element = shape.element();
                if (element == null || !element.constrains()) {
                    return;
                }
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    check(operation, element, entry.getValue(), MemberPath.member(path, String.valueOf(entry.getKey())));
                }
            }
            case STRING -> string(shape, (String) value, path);
            case NUMBER -> number(shape, ((Number) value).doubleValue(), path);
            case OTHER -> {
            }
        }
    }

    private static void string(Shape shape, String value, MemberPath path) {
        if (shape.values() != null && !shape.values().contains(value)) {
            throw Errors.invalidParameter(path + " should be one of [" + String.join(",", shape.values()) + "]");
        }
        if (shape.min() != null && value.length() < shape.min()) {
            throw value.isEmpty() ? blank(path.toString()) : Errors.invalidParameter(path + " shorter than " + shape.min() + ".");
        }
        if (shape.max() != null && value.length() > shape.max()) {
            throw Errors.invalidParameter(path + " longer than " + shape.max() + ".");
        }
        if (shape.pattern() != null && !shape.pattern().matcher(value).matches()) {
            throw Errors.invalidParameter(path + " must match " + shape.pattern().pattern());
        }
    }

    private static void number(Shape shape, double value, MemberPath path) {
        boolean low = shape.min() != null && value < shape.min();
        boolean high = shape.max() != null && value > shape.max();
        if (low || high) {
            if (shape.min() != null && shape.max() != null) {
                throw Errors.invalidParameter(path + " must be between " + shape.min() + " and " + shape.max() + ".");
            }
            throw Errors.invalidParameter(path + (low ? " must be at least " + shape.min() : " must be at most " + shape.max()) + ".");
        }
    }

    private static void size(Shape shape, int size, MemberPath path) {
        if (shape.max() != null && size > shape.max()) {
            throw Errors.invalidParameter(path + " can have at most " + shape.max() + " items.");
        }
        if (shape.min() != null && size < shape.min()) {
            throw Errors.invalidParameter(path + " must have at least " + shape.min() + " items.");
        }
    }

    private static EcsError blank(String path) {
        return Errors.invalidParameter(path + " can not be blank.");
    }

    @SuppressWarnings("unchecked")
    private Shape parse(String json) {
        Map<String, Object> raw = (Map<String, Object>) JsonValues.read(json.getBytes(StandardCharsets.UTF_8));
        String type = (String) raw.get("type");
        String element = (String) (raw.containsKey("member") && !"structure".equals(type) ? raw.get("member") : raw.get("value"));
        Map<String, String> members = "structure".equals(type)
                ? (Map<String, String>) (Map<String, ?>) raw.getOrDefault("members", Map.of()) : Map.of();
        List<String> required = (List<String>) (List<?>) raw.getOrDefault("required", List.of());
        String pattern = (String) raw.get("pattern");
        Long min = raw.get("min") == null ? null : ((Number) raw.get("min")).longValue();
        Long max = raw.get("max") == null ? null : ((Number) raw.get("max")).longValue();
        Pattern compiled = pattern == null ? null : Pattern.compile(pattern);
        List<String> values = raw.get("enum") == null ? null : List.copyOf((List<String>) (List<?>) raw.get("enum"));
        Kind kind = Kind.of(type);
        return new Shape(kind, Set.copyOf(required), members, shape(element), min, max, compiled, values,
                Shape.constrains(kind, min, max, compiled, values));
    }
}
