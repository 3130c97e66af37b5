package io.github.ecsmock;

/**
 * How closely the mock holds requests to what AWS accepts.
 *
 * <p>The product's quick-start examples send two requests that real ECS refuses: an EC2 task
 * definition whose container has no memory, and a FARGATE service on an {@code awsvpc} definition
 * without a {@code networkConfiguration}. {@link #LENIENT}, the default, accepts both and logs one
 * warning line saying what AWS would reject; {@link #STRICT} rejects exactly what AWS rejects, with
 * AWS's error. Everything else is validated the same way under both.
 */
public enum ValidationProfile {
    /** Accepts the requests listed above and logs a warning for each; the default. */
    LENIENT,
    /** Rejects what AWS rejects. */
    STRICT
}
