package io.github.ecsmock.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks for a client of another region of the same mock: {@code @EcsRegion("eu-west-1") EcsClient ecs}.
 * Regions do not see each other's resources, as in AWS. Combines with {@link EcsAccount}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EcsRegion {
    String value();
}
