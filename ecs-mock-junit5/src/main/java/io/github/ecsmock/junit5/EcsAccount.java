package io.github.ecsmock.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks for a client that acts as another 12-digit AWS account of the same mock:
 * {@code @EcsAccount("111122223333") EcsClient ecs}. Accounts do not see each other's resources; the
 * mock's view of one is {@code mock.view(account, region)}. Combines with {@link EcsRegion}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EcsAccount {
    String value();
}
