package io.github.ecsmock;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The base of the core's behaviour tests: one mock and one real {@code EcsClient} per test class,
 * state reset before each test. (The JUnit 5 extension does this for users; the core cannot depend on
 * it, so its own tests do it by hand here.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EcsApiTest {
    protected EcsMock mock;
    protected EcsClient ecs;

    /** Override to configure the mock of one test class. */
    protected EcsMock.Builder configure(EcsMock.Builder builder) {
        return builder;
    }

    @BeforeAll
    void startMock() {
        mock = configure(EcsMock.builder()).build().start();
        ecs = mock.newClient();
    }

    @AfterAll
    void stopMock() {
        ecs.close();
        mock.close();
    }

    @BeforeEach
    void resetMock() {
        mock.reset();
    }
}
