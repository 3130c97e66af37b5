package io.github.ecsmock;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * Makes request bodies for the fuzz test from a seeded random source: bodies shaped like an
 * operation's request (its members from the SDK model, with values drawn from names that exist in the
 * state, edge values and junk), the same with one member of the wrong JSON type, and bytes that are
 * hardly JSON at all. The same seed gives the same bodies.
 */
final class RequestFuzzer {
    private static final List<String> STRINGS = List.of("dev", "default", "web", "web:1", "web:2", "worker", "api",
            "FARGATE", "FARGATE_SPOT", "EC2", "EXTERNAL", "awsvpc", "bridge", "ACTIVE", "INACTIVE", "RUNNING", "STOPPED",
            "TAGS", "REPLICA", "DAEMON", "ECS", "subnet-0a1b2c3d4e5f60718", "sg-0123456789abcdef0", "nginx:latest", "256", "512",
            "1 vCPU", "2 GB", "arn:aws:ecs:us-east-1:123456789012:cluster/dev",
            "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1",
            "arn:aws:ecs:us-east-1:123456789012:service/dev/web", "arn:aws:ecs:eu-west-1:999999999999:cluster/dev",
            "arn:aws:ecs:us-east-1:123456789012:task/dev/0123456789abcdef0123456789abcdef", "arn:", "arn:aws:ecs:::",
            "asg-provider", "spare-provider", "arn:aws:ecs:us-east-1:123456789012:capacity-provider/asg-provider",
            "", " ", "aws:reserved", "ünïcødé ✓", "a/b/c", "*", "%s%n", "\u0000", "0", "-1", "null", "true",
            "enabled", "disabled", "enhanced", "on", "7", "arn:aws:iam::123456789012:root",
            "arn:aws:iam::123456789012:user/alice", "arn:aws:iam::111122223333:role/ci/deployer");

    private final SplittableRandom random;

    RequestFuzzer(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A body for an operation whose request builder is {@code request}. */
    byte[] body(SdkPojo request) {
        int kind = random.nextInt(10);
        if (kind < 5) {
            return structure(request.sdkFields(), 0).getBytes(StandardCharsets.UTF_8);
        }
        if (kind < 8) {
            return wrongTyped(request.sdkFields()).getBytes(StandardCharsets.UTF_8);
        }
        return junk();
    }

    private String structure(List<SdkField<?>> fields, int depth) {
        StringBuilder json = new StringBuilder("{");
        boolean first = true;
        for (SdkField<?> field : fields) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append(quote(field.locationName())).append(':').append(value(field, depth));
        }
        if (random.nextInt(8) == 0) {
            json.append(first ? "" : ",").append("\"unknownMember\":").append(anyValue(0));
        }
        return json.append('}').toString();
    }

    private String value(SdkField<?> field, int depth) {
        switch (field.marshallingType().getKnownType()) {
            case STRING:
                return quote(string());
            case INTEGER:
            case LONG:
            case SHORT:
            case BYTE:
                return String.valueOf(integer());
            case DOUBLE:
            case FLOAT:
            case BIG_DECIMAL:
                return random.nextBoolean() ? String.valueOf(random.nextDouble() * 1000) : String.valueOf(integer());
            case BOOLEAN:
                return String.valueOf(random.nextBoolean());
            case INSTANT:
                return String.valueOf(1_700_000_000 + random.nextInt(100_000_000)) + ".123";
            case LIST: {
                SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
                int size = depth == 0 && random.nextInt(10) == 0 ? 101 + random.nextInt(20) : random.nextInt(depth < 2 ? 4 : 2);
                StringBuilder list = new StringBuilder("[");
                for (int i = 0; i < size; i++) {
                    list.append(i == 0 ? "" : ",").append(depth > 2 ? quote(string()) : value(member, depth + 1));
                }
                return list.append(']').toString();
            }
            case MAP: {
                SdkField<?> valueField = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
                return "{" + quote(string()) + ":" + value(valueField, depth + 1) + "}";
            }
            case SDK_POJO:
                return depth > 2 ? "{}" : structure(field.constructor().get().sdkFields(), depth + 1);
            default:
                return anyValue(0);
        }
    }

    private String wrongTyped(List<SdkField<?>> fields) {
        SdkField<?> victim = fields.get(random.nextInt(fields.size()));
        String body = structure(fields, 0);
        String replacement = switch (victim.marshallingType().getKnownType()) {
            case STRING -> random.nextBoolean() ? "12345" : "{\"nested\":[1,2]}";
            case INTEGER, LONG -> random.nextBoolean() ? "\"12\"" : random.nextBoolean() ? "1.5" : "99999999999999999999999";
            case BOOLEAN -> "\"true\"";
            case LIST -> "\"not a list\"";
            case SDK_POJO -> "[1,2,3]";
            default -> "[]";
        };
        String key = quote(victim.locationName()) + ":" + replacement;
        return body.length() == 2 ? "{" + key + "}" : "{" + key + "," + body.substring(1);
    }

    private byte[] junk() {
        return switch (random.nextInt(9)) {
            case 0 -> new byte[0];
            case 1 -> "[".repeat(2000).getBytes(StandardCharsets.UTF_8);
            case 2 -> ("{\"a\":".repeat(500) + "1" + "}".repeat(500)).getBytes(StandardCharsets.UTF_8);
            case 3 -> new byte[] {'{', '"', 'c', 'l', 'u', 's', 't', 'e', 'r', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            case 4 -> anyValue(0).getBytes(StandardCharsets.UTF_8);
            case 5 -> "{\"clusterName\":\"dev\"".getBytes(StandardCharsets.UTF_8);
            case 6 -> ("{\"clusterName\":\"" + "x".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            case 7 -> "{\"maxResults\":1e999999999}".getBytes(StandardCharsets.UTF_8);
            default -> {
                byte[] bytes = new byte[random.nextInt(64)];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) random.nextInt(256);
                }
                yield bytes;
            }
        };
    }

    private String anyValue(int depth) {
        return switch (depth > 3 ? random.nextInt(4) : random.nextInt(7)) {
            case 0 -> quote(string());
            case 1 -> String.valueOf(integer());
            case 2 -> "null";
            case 3 -> String.valueOf(random.nextBoolean());
            case 4 -> "[" + anyValue(depth + 1) + "," + anyValue(depth + 1) + "]";
            default -> "{" + quote(string()) + ":" + anyValue(depth + 1) + "}";
        };
    }

    private String string() {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return "x".repeat(256 + random.nextInt(2000));
        }
        if (kind == 1) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                text.append((char) random.nextInt(0x20, 0xD7FF));
            }
            return text.toString();
        }
        return STRINGS.get(random.nextInt(STRINGS.size()));
    }

    private long integer() {
        return switch (random.nextInt(8)) {
            case 0 -> -1;
            case 1 -> 0;
            case 2 -> Integer.MAX_VALUE;
            case 3 -> Integer.MIN_VALUE;
            case 4 -> 100 + random.nextInt(10_000);
            default -> random.nextInt(12);
        };
    }

    private static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
