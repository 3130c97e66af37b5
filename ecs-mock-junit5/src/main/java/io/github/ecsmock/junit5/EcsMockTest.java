package io.github.ecsmock.junit5;

import io.github.ecsmock.EcsMock;
import io.github.ecsmock.Lifecycle;
import io.github.ecsmock.Transport;
import io.github.ecsmock.ValidationProfile;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against an in-process ECS mock, configured by the attributes below: the same as
 * {@code @ExtendWith(EcsMockExtension.class)} with settings. Test methods and lifecycle methods
 * receive {@code EcsClient}, {@code EcsAsyncClient}, {@code EcsWaiter}, {@code EcsMock} and the endpoint
 * {@code URI} as parameters. {@code @Nested} classes share the outer class's mock.
 *
 * <pre>{@code
 * @EcsMockTest(region = "eu-west-1")
 * class DeployerTest {
 *     @Test void registersRevision(EcsClient ecs) { ... }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EcsMockExtension.class)
public @interface EcsMockTest {
    /** The region of the injected clients and of unsigned requests. */
    String region() default EcsMock.DEFAULT_REGION;

    /** The account the injected clients act for. */
    String account() default EcsMock.DEFAULT_ACCOUNT;

    /** When the mock's state is forgotten. */
    ResetMode reset() default ResetMode.BEFORE_EACH;

    /** How strictly requests are held to what AWS accepts. */
    ValidationProfile validation() default ValidationProfile.LENIENT;

    /**
     * Whether tasks walk through their statuses one step ({@link Lifecycle#DEFAULT_STEP}) of mock time
     * at a time, instead of the immediate lifecycle; the builder takes any step.
     */
    boolean stepped() default false;

    /**
     * A JSON file on the test classpath whose requests the mock starts with and returns to on every
     * reset: {@code [{"CreateCluster": {"clusterName": "dev"}}, {"RegisterTaskDefinition": {...}}]}.
     */
    String fixture() default "";

    /**
     * How the injected clients reach the mock: in memory by default, where every SDK step runs but no
     * socket is opened, which makes a class's start-up about ten times cheaper; {@link Transport#HTTP}
     * over loopback, as a client outside the JVM does.
     */
    Transport transport() default Transport.IN_MEMORY;
}
