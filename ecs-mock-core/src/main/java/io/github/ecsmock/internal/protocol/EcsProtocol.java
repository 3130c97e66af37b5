package io.github.ecsmock.internal.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.ecsmock.internal.ecs.EcsApi;
import io.github.ecsmock.internal.errors.EcsError;
import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.state.EcsStates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
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
    private static final Logger LOG = LoggerFactory.getLogger(EcsProtocol.class);

    private final EcsApi api;
    private final EcsStates states;
    private final AwsJsonCodec codec = new AwsJsonCodec();
    private final ModelValidator validator = ModelValidator.load();
    private final JsonFactory json = new JsonFactory();
    private final String defaultAccount;
    private final String defaultRegion;

    private final SigV4Verifier verifier;

    /**
     * @param credentials secret access keys by access key id; when any are given, every request must
     *                    carry a valid signature by one of them (strict authentication)
     */
    public EcsProtocol(EcsApi api, EcsStates states, String defaultAccount, String defaultRegion,
                       Map<String, String> credentials) {
        this.api = api;
        this.states = states;
        this.defaultAccount = defaultAccount;
        this.defaultRegion = defaultRegion;
        this.verifier = credentials.isEmpty() ? null : new SigV4Verifier(credentials);
    }

    /** Answers one request. */
    public ProtocolResponse handle(ProtocolRequest http) {
        String requestId = UUID.randomUUID().toString();
        String operationName = null;
        try {
            if (verifier != null) {
                verifier.verify(http);
            }
            String authorization = http.header("Authorization");
            byte[] body = http.body();
            operationName = operationName(http.header("X-Amz-Target"));
            String name = operationName;
            EcsApi.Operation operation = api.operation(name).orElseThrow(() -> missing(name));
            SdkPojo request = codec.read(body, operation.requestBuilder());
            validator.validate(name, request);
            CallerScope scope = CallerScope.of(authorization, defaultAccount, defaultRegion);
            SdkPojo response = operation.invoke(states.of(scope.account(), scope.region()), request);
            return new ProtocolResponse(200, requestId, codec.write(response), null);
        } catch (EcsError error) {
            LOG.debug("{} answered {}: {}", operationName, error.code(), error.getMessage());
            return error(requestId, error);
        } catch (RuntimeException | StackOverflowError bug) {
            LOG.error("ecs-mock failed to answer {} (request {}); this is a bug in ecs-mock", operationName, requestId, bug);
            return error(requestId, Errors.server("ecs-mock failed to answer this request; see its log for request " + requestId + "."));
        }
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

    /** The AWS error envelope for an error met outside an operation, by the transport. */
    public ProtocolResponse error(EcsError error) {
        return error(UUID.randomUUID().toString(), error);
    }

    private ProtocolResponse error(String requestId, EcsError error) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField("__type", error.code());
            generator.writeStringField("message", error.getMessage());
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProtocolResponse(error.status(), requestId, out.toByteArray(), error.code());
    }
}
