package io.github.ecsmock.internal.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.ecsmock.internal.ecs.EcsApi;
import io.github.ecsmock.internal.ecs.EcsOperationNames;
import io.github.ecsmock.internal.errors.EcsError;
import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.state.EcsStates;
import io.github.ecsmock.internal.state.Faults;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The awsJson 1.1 protocol of ECS, independent of any transport: the {@code X-Amz-Target} header
 * picks the operation, the body becomes the SDK request object, the operation answers with an SDK
 * response object, which goes back as JSON. Every failure becomes the AWS error envelope
 * ({@code __type} and {@code message}); a bug in the mock becomes a 500 {@code ServerException}
 * that is logged here and never shows a stack trace to the client.
 */
public final class EcsProtocol {
    public static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";
    /** The largest request body any transport hands on; a larger one is answered by {@link #tooLarge()}. */
    public static final long MAX_REQUEST_BYTES = 1_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(EcsProtocol.class);

    private final EcsApi api;
    private final EcsStates states;
    private final AwsJsonCodec codec = new AwsJsonCodec();
    private final Consumer<byte[]> giveBack = codec::giveBack;
    private final JsonFactory json = new JsonFactory();
    private final String defaultAccount;
    private final String defaultRegion;

    private final SigV4Verifier verifier;
    private final Recorder recorder;

    /** Told of every request answered, for the journal. */
    @FunctionalInterface
    public interface Recorder {
        void record(String operation, CallerScope scope, SdkPojo request, byte[] body, ProtocolResponse response, Instant at);
    }

    /**
     * @param credentials secret access keys by access key id; when any are given, every request must
     *                    carry a valid signature by one of them (strict authentication)
     */
    public EcsProtocol(EcsApi api, EcsStates states, String defaultAccount, String defaultRegion,
                       Map<String, String> credentials, Recorder recorder) {
        this.api = api;
        this.states = states;
        this.defaultAccount = defaultAccount;
        this.defaultRegion = defaultRegion;
        this.verifier = credentials.isEmpty() ? null : new SigV4Verifier(credentials);
        this.recorder = recorder;
    }

    /** Answers one request, and records it in the journal. */
    public ProtocolResponse handle(ProtocolRequest http) {
        return handle(http, true, false);
    }

    /**
     * Answers like {@link #handle(ProtocolRequest)}, with the body of a successful answer lent rather
     * than copied (see {@link ProtocolResponse}): for a transport that reads it through
     * {@link ProtocolResponse#bodyStream()} and closes the stream when done.
     */
    public ProtocolResponse handleLent(ProtocolRequest http) {
        return handle(http, true, true);
    }

    /**
     * Answers a request the mock makes of itself (a fixture, the HTTP server's warm-up): it carries no
     * signature, so it is not held to strict authentication, and it is not the test's, so the faults a
     * test injected are left for the test's own calls (a warm-up that took a failNext made the test's
     * call succeed, and one that took a delayNext moved the clock).
     */
    public ProtocolResponse handleUnsigned(ProtocolRequest http) {
        return handle(http, false, false);
    }

    /**
     * {@code fromCaller} is false for the mock's own requests: no signature check, no injected faults;
     * {@code lend} lends the body of a successful answer.
     */
    private ProtocolResponse handle(ProtocolRequest http, boolean fromCaller, boolean lend) {
        String requestId = newRequestId();
        String target = http.header("X-Amz-Target");
        String operationName = target != null && target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target;
        CallerScope scope = CallerScope.of(http.header("Authorization"), defaultAccount, defaultRegion);
        SdkPojo request = null;
        ProtocolResponse response;
        try {
            if (fromCaller && verifier != null) {
                verifier.verify(http);
            }
            if (!CallerScope.isRegionName(scope.region())) {
                // A region is part of every ARN the mock makes; "x:y" would make ARNs with fields of its own.
                throw new EcsError("InvalidSignatureException", 403, "Credential should be scoped to a valid region.");
            }
            String name = operationName(target);
            EcsApi.Operation operation = api.operation(name).orElseThrow(() -> missing(name));
            request = codec.read(http.body(), operation.requestBuilder());
            // Fetched here, not held: the model loads on the first request (the start thread's warm-up),
            // not while the caller builds a mock.
            ModelValidator.load().validate(name, request);
            if (fromCaller) {
                Faults faults = states.faults();
                Optional<Duration> delay = faults.delayFor(name, request);
                if (delay.isPresent()) {
                    states.clock().advance(delay.get());
                }
                Optional<EcsError> injected = faults.errorFor(name, request);
                if (injected.isPresent()) {
                    throw injected.get();
                }
            }
            SdkPojo answer = operation.invoke(states.of(scope.account(), scope.region()), request);
            if (lend) {
                ModelWriter.Lent body = codec.lend(answer);
                response = new ProtocolResponse(200, requestId, body.array(), body.length(), null, giveBack);
            } else {
                response = new ProtocolResponse(200, requestId, codec.write(answer), null);
            }
        } catch (EcsError error) {
            LOG.debug("{} answered {}: {}", operationName, error.code(), error.getMessage());
            response = error(requestId, error);
        } catch (RuntimeException | StackOverflowError bug) {
            LOG.error("ecs-mock failed to answer {} (request {}); this is a bug in ecs-mock", operationName, requestId, bug);
            response = error(requestId, Errors.server("ecs-mock failed to answer this request; see its log for request " + requestId + "."));
        }
        recorder.record(operationName == null ? "" : operationName, scope, request, http.body(), response, states.clock().now());
        return response;
    }

    /**
     * A random version-4 UUID, as AWS's request ids look. It has to be unique, not unguessable:
     * {@code UUID.randomUUID()} would take a lock shared by every thread and a read of the system's
     * entropy on each request.
     */
    public static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least).toString();
    }

    private static String operationName(String target) {
        if (target == null || target.isEmpty()) {
            throw Errors.unknownOperation("The request has no X-Amz-Target header naming an ECS operation.");
        }
        if (!target.startsWith(TARGET_PREFIX) || target.length() == TARGET_PREFIX.length()) {
            throw Errors.unknownOperation("Unknown operation " + target + ".");
        }
        return target.substring(TARGET_PREFIX.length());
    }

    /** An ECS operation we lack is a 501 that names it; anything else is not an ECS operation at all. */
    private static EcsError missing(String name) {
        return EcsOperationNames.isEcsOperation(name)
                ? Errors.notImplemented(name)
                : Errors.unknownOperation("Unknown operation " + TARGET_PREFIX + name + ".");
    }

    /** The 413 answer to a body over {@link #MAX_REQUEST_BYTES}, alike from every transport. */
    public ProtocolResponse tooLarge() {
        return error(new EcsError("RequestEntityTooLargeException", 413,
                "The request body is larger than ecs-mock accepts (" + MAX_REQUEST_BYTES + " bytes)."));
    }

    /** The AWS error envelope for an error met outside an operation, by the transport. */
    public ProtocolResponse error(EcsError error) {
        return error(newRequestId(), error);
    }

    private ProtocolResponse error(String requestId, EcsError error) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField("__type", error.code());
            generator.writeStringField("message", error.getMessage());
            for (Map.Entry<String, List<String>> member : error.members().entrySet()) {
                generator.writeArrayFieldStart(member.getKey());
                for (String value : member.getValue()) {
                    generator.writeString(value);
                }
                generator.writeEndArray();
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProtocolResponse(error.status(), requestId, out.toByteArray(), error.code());
    }
}
