package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ConflictException;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServiceRevisionsResponse;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentNotFoundException;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.ServiceRevision;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentStopType;
import software.amazon.awssdk.services.ecs.model.ThresholdType;

/**
 * ListServiceDeployments, DescribeServiceDeployments, DescribeServiceRevisions, StopServiceDeployment
 * and ContinueServiceDeployment through the real EcsClient, with statuses that follow the deployments
 * DescribeServices shows.
 */
class ServiceDeploymentsTest extends EcsApiTest {
    private static final String PREFIX = "arn:aws:ecs:us-east-1:123456789012:";
    private static final String SUBNET = "subnet-0123456789abcdef0";
    private static final String DEPLOYMENT_ARN = PREFIX.replace(":", "\\:") + "service-deployment/prod/web/[A-Za-z0-9_-]{22}";
    private static final String REVISION_ARN = PREFIX.replace(":", "\\:") + "service-revision/prod/web/\\d{19}";

    @BeforeEach
    void clusterAndDefinitions() {
        ecs.createCluster(r -> r.clusterName("prod"));
        ecs.registerTaskDefinition(definition());
        ecs.registerTaskDefinition(definition());
    }

    @org.junit.jupiter.api.AfterEach
    void theStateKeepsItsRules() {
        assertThat(mock.invariantViolations()).isEmpty();
    }

    // ---------------------------------------------------------------- what CreateService and UpdateService record

    @Test
    void createServiceRecordsARevisionAndAServiceDeploymentThatSucceeds() {
        Service service = ecs.createService(web("web:1", 2)).service();

        List<ServiceDeploymentBrief> listed = list(r -> { });
        assertThat(listed).singleElement().satisfies(brief -> {
            assertThat(brief.serviceDeploymentArn()).matches(DEPLOYMENT_ARN);
            assertThat(brief.serviceArn()).isEqualTo(PREFIX + "service/prod/web");
            assertThat(brief.clusterArn()).isEqualTo(PREFIX + "cluster/prod");
            assertThat(brief.status()).isEqualTo(ServiceDeploymentStatus.SUCCESSFUL);
            assertThat(brief.createdAt()).isEqualTo(mock.clock().now());
            assertThat(brief.startedAt()).isEqualTo(mock.clock().now());
            assertThat(brief.finishedAt()).isEqualTo(mock.clock().now());
            assertThat(brief.targetServiceRevisionArn()).matches(REVISION_ARN)
                    .endsWith(service.deployments().get(0).id().substring("ecs-svc/".length()));
        });
        Service described = describeService();
        assertThat(described.currentServiceDeployment()).isEqualTo(listed.get(0).serviceDeploymentArn());
        assertThat(described.currentServiceRevisions()).singleElement().satisfies(current -> {
            assertThat(current.arn()).isEqualTo(listed.get(0).targetServiceRevisionArn());
            assertThat(current.requestedTaskCount()).isEqualTo(2);
            assertThat(current.runningTaskCount()).isEqualTo(2);
            assertThat(current.pendingTaskCount()).isZero();
        });
    }

    @Test
    void describeServiceRevisionsShowsWhatTheRevisionRuns() {
        ecs.createService(web("web:1", 1));
        String revisionArn = list(r -> { }).get(0).targetServiceRevisionArn();

        DescribeServiceRevisionsResponse described = ecs.describeServiceRevisions(r -> r.serviceRevisionArns(revisionArn,
                PREFIX + "service-revision/prod/web/1234567890123456789"));

        assertThat(described.serviceRevisions()).singleElement().satisfies(revision -> {
            assertThat(revision.serviceRevisionArn()).isEqualTo(revisionArn);
            assertThat(revision.serviceArn()).isEqualTo(PREFIX + "service/prod/web");
            assertThat(revision.clusterArn()).isEqualTo(PREFIX + "cluster/prod");
            assertThat(revision.taskDefinition()).isEqualTo(PREFIX + "task-definition/web:1");
            assertThat(revision.launchType()).isEqualTo(LaunchType.FARGATE);
            assertThat(revision.platformVersion()).isEqualTo("1.4.0");
            assertThat(revision.networkConfiguration().awsvpcConfiguration().subnets()).containsExactly(SUBNET);
            assertThat(revision.containerImages()).singleElement().satisfies(image -> {
                assertThat(image.containerName()).isEqualTo("app");
                assertThat(image.image()).isEqualTo("nginx:latest");
            });
            assertThat(revision.guardDutyEnabled()).isFalse();
            assertThat(revision.createdAt()).isEqualTo(mock.clock().now());
        });
        assertThat(described.failures()).containsExactly(Failure.builder()
                .arn(PREFIX + "service-revision/prod/web/1234567890123456789").reason("MISSING").build());
    }

    @Test
    void aNewTaskDefinitionIsANewServiceDeploymentFromTheOldRevision() {
        ecs.createService(web("web:1", 2));
        String firstRevision = list(r -> { }).get(0).targetServiceRevisionArn();
        mock.clock().advance(Duration.ofMinutes(1));

        ecs.updateService(r -> r.cluster("prod").service("web").taskDefinition("web:2"));

        List<ServiceDeploymentBrief> listed = list(r -> { });
        assertThat(listed).hasSize(2);
        assertThat(listed.get(1).targetServiceRevisionArn()).isEqualTo(firstRevision);
        ServiceDeployment second = describe(listed.get(0).serviceDeploymentArn());
        assertThat(second.status()).isEqualTo(ServiceDeploymentStatus.SUCCESSFUL);
        assertThat(second.sourceServiceRevisions()).singleElement().satisfies(source -> {
            assertThat(source.arn()).isEqualTo(firstRevision);
            assertThat(source.requestedTaskCount()).isZero();
            assertThat(source.runningTaskCount()).isZero();
        });
        assertThat(second.targetServiceRevision().arn()).isNotEqualTo(firstRevision);
        assertThat(second.targetServiceRevision().requestedTaskCount()).isEqualTo(2);
        assertThat(second.targetServiceRevision().runningTaskCount()).isEqualTo(2);
        assertThat(second.deploymentConfiguration().maximumPercent()).isEqualTo(200);
        assertThat(second.deploymentCircuitBreaker().statusAsString()).isEqualTo("DISABLED");
        assertThat(ecs.describeServiceRevisions(r -> r.serviceRevisionArns(second.targetServiceRevision().arn()))
                .serviceRevisions().get(0).taskDefinition()).isEqualTo(PREFIX + "task-definition/web:2");
    }

    @Test
    void changingOnlyTheDesiredCountMakesNoServiceDeployment() {
        ecs.createService(web("web:1", 2));

        ecs.updateService(r -> r.cluster("prod").service("web").desiredCount(3));

        assertThat(list(r -> { })).hasSize(1);
    }

    @Test
    void aServiceWithTheExternalControllerHasNoServiceDeployments() {
        ecs.createService(r -> r.cluster("prod").serviceName("web").desiredCount(1)
                .deploymentController(c -> c.type(DeploymentControllerType.EXTERNAL)));

        assertThat(list(r -> { })).isEmpty();
        assertThat(describeService().currentServiceDeployment()).isNull();
    }

    // ---------------------------------------------------------------- the circuit breaker

    @Test
    void aCountThresholdTripsTheBreakerAtThatManyFailures() {
        ecs.createService(web("web:1", 2).andThen(r -> r.deploymentConfiguration(d -> d.deploymentCircuitBreaker(b -> b
                .enable(true).rollback(true).thresholdConfiguration(t -> t.type(ThresholdType.COUNT).value(1))))));
        mock.failTasksOf("web:2");
        ecs.updateService(r -> r.cluster("prod").service("web").taskDefinition("web:2"));
        List<ServiceDeploymentBrief> before = list(r -> { });

        mock.clock().advance(Duration.ofSeconds(1));

        ServiceDeployment failed = describe(before.get(0).serviceDeploymentArn());
        assertThat(failed.deploymentCircuitBreaker().threshold()).isEqualTo(1);
        assertThat(failed.deploymentCircuitBreaker().statusAsString()).isEqualTo("TRIGGERED");
        assertThat(describeService().deployments().get(0).taskDefinition()).isEqualTo(PREFIX + "task-definition/web:1");
    }

    @Test
    void percentThresholdsTakeTheirShareOfTheDesiredCountAndOnlyTheBoundedOneIsBounded() {
        ecs.createService(web("web:1", 4).andThen(r -> r.deploymentConfiguration(d -> d.deploymentCircuitBreaker(b -> b
                .enable(true).rollback(true).thresholdConfiguration(t -> t.type(ThresholdType.UNBOUNDED_PERCENT).value(25))))));
        assertThat(describe(list(r -> { }).get(0).serviceDeploymentArn()).deploymentCircuitBreaker().threshold()).isEqualTo(1);

        ecs.updateService(r -> r.cluster("prod").service("web").forceNewDeployment(true).deploymentConfiguration(d -> d
                .deploymentCircuitBreaker(b -> b.enable(true).rollback(true)
                        .thresholdConfiguration(t -> t.type(ThresholdType.BOUNDED_PERCENT).value(25)))));
        assertThat(describe(list(r -> { }).get(0).serviceDeploymentArn()).deploymentCircuitBreaker().threshold()).isEqualTo(3);
    }

    @Test
    void aTaskThatRunsClearsTheFailedTaskCountUnlessTheBreakerKeepsIt() {
        for (boolean reset : List.of(true, false)) {
            mock.reset();
            clusterAndDefinitions();
            ecs.createService(web("web:1", 2).andThen(r -> r.deploymentConfiguration(d -> d.deploymentCircuitBreaker(b -> b
                    .enable(true).rollback(true).resetOnHealthyTask(reset)
                    .thresholdConfiguration(t -> t.type(ThresholdType.COUNT).value(10))))));
            mock.failTasksOf("web:2");
            ecs.updateService(r -> r.cluster("prod").service("web").taskDefinition("web:2"));
            mock.clock().advance(Duration.ofSeconds(1));
            assertThat(describeService().deployments().get(0).failedTasks()).isEqualTo(2);

            mock.clearFaults();
            mock.clock().advance(Duration.ofSeconds(30));

            Deployment primary = describeService().deployments().get(0);
            assertThat(primary.runningCount()).isEqualTo(2);
            assertThat(primary.failedTasks()).as("resetOnHealthyTask %s", reset).isEqualTo(reset ? 0 : 2);
        }
    }

    @Test
    void aCircuitBreakerRollbackIsRollbackSuccessful() {
        ecs.createService(web("web:1", 2).andThen(breaker(true)));
        mock.failTasksOf("web:2");
        ecs.updateService(r -> r.cluster("prod").service("web").taskDefinition("web:2"));
        List<ServiceDeploymentBrief> before = list(r -> { });

        mock.clock().advance(Duration.ofSeconds(30));

        ServiceDeployment failed = describe(before.get(0).serviceDeploymentArn());
        assertThat(failed.status()).isEqualTo(ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL);
        assertThat(failed.deploymentCircuitBreaker().statusAsString()).isEqualTo("TRIGGERED");
        assertThat(failed.deploymentCircuitBreaker().failureCount()).isGreaterThanOrEqualTo(3);
        assertThat(failed.deploymentCircuitBreaker().threshold()).isEqualTo(3);
        assertThat(failed.rollback().serviceRevisionArn()).isEqualTo(before.get(1).targetServiceRevisionArn());
        assertThat(failed.finishedAt()).isEqualTo(mock.clock().now());
        assertThat(describeService().taskDefinition()).isEqualTo(PREFIX + "task-definition/web:1");
        assertThat(list(r -> { })).hasSize(2);
    }

    @Test
    void aCircuitBreakerWithoutRollbackStopsTheServiceDeployment() {
        ecs.createService(web("web:1", 2).andThen(breaker(false)));
        mock.failTasksOf("web:2");
        ecs.updateService(r -> r.cluster("prod").service("web").taskDefinition("web:2"));

        mock.clock().advance(Duration.ofSeconds(30));

        ServiceDeployment failed = describe(list(r -> { }).get(0).serviceDeploymentArn());
        assertThat(failed.status()).isEqualTo(ServiceDeploymentStatus.STOPPED);
        assertThat(failed.stoppedAt()).isEqualTo(mock.clock().now());
        assertThat(failed.rollback()).isNull();
        assertThat(describeService().deployments().get(0).rolloutStateAsString()).isEqualTo("FAILED");
    }

    // ---------------------------------------------------------------- ListServiceDeployments

    @Test
    void listServiceDeploymentsFiltersByStatusAndCreationTime() {
        Instant first = mock.clock().now();
        ecs.createService(web("web:1", 1));
        mock.clock().advance(Duration.ofMinutes(5));
        Instant second = mock.clock().now();
        ecs.updateService(r -> r.cluster("prod").service("web").taskDefinition("web:2"));
        mock.clock().advance(Duration.ofMinutes(5));
        ecs.updateService(r -> r.cluster("prod").service("web").forceNewDeployment(true));
        List<ServiceDeploymentBrief> all = list(r -> { });
        assertThat(all).extracting(ServiceDeploymentBrief::createdAt).containsExactly(second.plus(Duration.ofMinutes(5)), second, first);

        assertThat(list(r -> r.createdAt(c -> c.after(second)))).hasSize(2);
        assertThat(list(r -> r.createdAt(c -> c.before(second)))).extracting(ServiceDeploymentBrief::createdAt)
                .containsExactly(second, first);
        assertThat(list(r -> r.createdAt(c -> c.after(first.plusSeconds(1)).before(second.plusSeconds(1)))))
                .extracting(ServiceDeploymentBrief::createdAt).containsExactly(second);
        assertThat(list(r -> r.status(ServiceDeploymentStatus.SUCCESSFUL))).hasSize(3);
        assertThat(list(r -> r.status(ServiceDeploymentStatus.IN_PROGRESS, ServiceDeploymentStatus.STOPPED))).isEmpty();
    }

    @Test
    void listServiceDeploymentsPagesNewestFirst() {
        ecs.createService(web("web:1", 1));
        for (int i = 0; i < 4; i++) {
            mock.clock().advance(Duration.ofMinutes(1));
            ecs.updateService(r -> r.cluster("prod").service("web").forceNewDeployment(true));
        }
        List<String> expected = list(r -> { }).stream().map(ServiceDeploymentBrief::serviceDeploymentArn).toList();
        assertThat(expected).hasSize(5);

        List<String> paged = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListServiceDeploymentsResponse page = ecs.listServiceDeployments(r -> r.cluster("prod").service("web").maxResults(2)
                    .nextToken(next));
            assertThat(page.serviceDeployments()).hasSizeLessThanOrEqualTo(2);
            page.serviceDeployments().forEach(brief -> paged.add(brief.serviceDeploymentArn()));
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(paged).containsExactlyElementsOf(expected);
    }

    @Test
    void listServiceDeploymentsRefusesABadPageSizeAndAForeignToken() {
        ecs.createService(web("web:1", 1));

        assertError(InvalidParameterException.class,
                () -> ecs.listServiceDeployments(r -> r.cluster("prod").service("web").maxResults(101)),
                "maxResults must be between 1 and 100.");
        InvalidParameterException badToken = catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.listServiceDeployments(r -> r.cluster("prod").service("web").nextToken("bogus")));
        assertThat(badToken).isNotNull();
    }

    @Test
    void listServiceDeploymentsOfAnUnknownServiceOrClusterIsNotFound() {
        assertError(ServiceNotFoundException.class, () -> ecs.listServiceDeployments(r -> r.cluster("prod").service("nope")),
                "Service not found.");
        assertError(ClusterNotFoundException.class, () -> ecs.listServiceDeployments(r -> r.cluster("nope").service("web")),
                "Cluster not found.");
    }

    // ---------------------------------------------------------------- DescribeServiceDeployments

    @Test
    void describeServiceDeploymentsReportsUnknownArnsAsMissing() {
        ecs.createService(web("web:1", 1));
        String known = list(r -> { }).get(0).serviceDeploymentArn();
        String unknown = PREFIX + "service-deployment/prod/web/r9i43YFjvgF_xlg7m2eJ1r";

        DescribeServiceDeploymentsResponse described = ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(known, unknown));

        assertThat(described.serviceDeployments()).extracting(ServiceDeployment::serviceDeploymentArn).containsExactly(known);
        assertThat(described.failures()).containsExactly(Failure.builder().arn(unknown).reason("MISSING").build());
    }

    @Test
    void describeTakesAtMostTwentyArns() {
        List<String> arns = IntStream.range(0, 21).mapToObj(i -> PREFIX + "service-deployment/prod/web/" + i).toList();

        assertError(InvalidParameterException.class, () -> ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(arns)),
                "serviceDeploymentArns can have at most 20 items.");
        assertError(InvalidParameterException.class, () -> ecs.describeServiceRevisions(r -> r.serviceRevisionArns(arns)),
                "serviceRevisionArns can have at most 20 items.");
    }

    // ---------------------------------------------------------------- StopServiceDeployment and ContinueServiceDeployment

    @Test
    void stopServiceDeploymentOfAnUnknownArnIsServiceDeploymentNotFound() {
        String unknown = PREFIX + "service-deployment/prod/web/r9i43YFjvgF_xlg7m2eJ1r";

        assertError(ServiceDeploymentNotFoundException.class, () -> ecs.stopServiceDeployment(r -> r.serviceDeploymentArn(unknown)),
                "The service deployment " + unknown + " does not exist.");
        assertError(ServiceDeploymentNotFoundException.class,
                () -> ecs.continueServiceDeployment(r -> r.serviceDeploymentArn(unknown).hookId("hook-1")),
                "The service deployment " + unknown + " does not exist.");
    }

    @Test
    void aFinishedServiceDeploymentCannotBeStopped() {
        ecs.createService(web("web:1", 1));
        String arn = list(r -> { }).get(0).serviceDeploymentArn();

        assertError(ConflictException.class, () -> ecs.stopServiceDeployment(r -> r.serviceDeploymentArn(arn)),
                "The service deployment is SUCCESSFUL and can't be stopped. You can only stop a service deployment that is "
                        + "PENDING or IN_PROGRESS.");
    }

    @Test
    void abortIsNotAValidStopType() {
        ecs.createService(web("web:1", 1));
        String arn = list(r -> { }).get(0).serviceDeploymentArn();

        assertError(InvalidParameterException.class,
                () -> ecs.stopServiceDeployment(r -> r.serviceDeploymentArn(arn).stopType(StopServiceDeploymentStopType.ABORT)),
                "The stop type ABORT is not supported. The valid values are ROLLBACK.");
    }

    @Test
    void noServiceDeploymentIsEverPausedAtALifecycleHook() {
        ecs.createService(web("web:1", 1));
        String arn = list(r -> { }).get(0).serviceDeploymentArn();

        assertError(InvalidParameterException.class,
                () -> ecs.continueServiceDeployment(r -> r.serviceDeploymentArn(arn).hookId("hook-1")),
                "The service deployment " + arn + " is not paused at a lifecycle hook with the ID hook-1.");
    }

    // ---------------------------------------------------------------- under the stepped lifecycle

    /** A mock of its own under {@link Lifecycle#stepped()}, where a deployment is IN_PROGRESS while its tasks start. */
    @Nested
    class UnderTheSteppedLifecycle extends EcsApiTest {
        @Override
        protected EcsMock.Builder configure(EcsMock.Builder builder) {
            return builder.lifecycle(Lifecycle.stepped());
        }

        @BeforeEach
        void steadyService() {
            ecs.createCluster(r -> r.clusterName("prod"));
            ecs.registerTaskDefinition(definition());
            ecs.registerTaskDefinition(definition());
            ecs.createService(web("web:1", 2));
            assertThat(brief().status()).isEqualTo(ServiceDeploymentStatus.IN_PROGRESS);
            assertThat(brief().finishedAt()).isNull();
            mock.clock().advance(Lifecycle.DEFAULT_STEP.multipliedBy(3));
            assertThat(brief().status()).isEqualTo(ServiceDeploymentStatus.SUCCESSFUL);
        }

        private ServiceDeploymentBrief brief() {
            return ecs.listServiceDeployments(r -> r.cluster("prod").service("web")).serviceDeployments().get(0);
        }

        @Test
        void theStatusFollowsTheRolloutOfTheDeployment() {
            ecs.updateService(r -> r.cluster("prod").service("web").taskDefinition("web:2"));
            Service rolling = ecs.describeServices(r -> r.cluster("prod").services("web")).services().get(0);
            assertThat(rolling.deployments().get(0).rolloutStateAsString()).isEqualTo("IN_PROGRESS");
            assertThat(brief().status()).isEqualTo(ServiceDeploymentStatus.IN_PROGRESS);
            assertThat(rolling.currentServiceRevisions()).hasSize(2);

            mock.clock().advance(Lifecycle.DEFAULT_STEP.multipliedBy(10));

            Service done = ecs.describeServices(r -> r.cluster("prod").services("web")).services().get(0);
            assertThat(done.deployments()).singleElement()
                    .satisfies(d -> assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED"));
            assertThat(brief().status()).isEqualTo(ServiceDeploymentStatus.SUCCESSFUL);
            assertThat(done.currentServiceRevisions()).hasSize(1);
        }

        @Test
        void stopServiceDeploymentRollsBackToThePreviousRevision() {
            String firstRevision = brief().targetServiceRevisionArn();
            ecs.updateService(r -> r.cluster("prod").service("web").taskDefinition("web:2"));
            String arn = brief().serviceDeploymentArn();

            assertThat(ecs.stopServiceDeployment(r -> r.serviceDeploymentArn(arn).stopType(StopServiceDeploymentStopType.ROLLBACK))
                    .serviceDeploymentArn()).isEqualTo(arn);

            ServiceDeployment rollingBack = ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(arn)).serviceDeployments().get(0);
            assertThat(rollingBack.status()).isEqualTo(ServiceDeploymentStatus.ROLLBACK_IN_PROGRESS);
            assertThat(rollingBack.rollback().serviceRevisionArn()).isEqualTo(firstRevision);
            assertThat(rollingBack.rollback().startedAt()).isEqualTo(mock.clock().now());
            assertThat(ecs.stopServiceDeployment(r -> r.serviceDeploymentArn(arn)).serviceDeploymentArn()).isEqualTo(arn);
            Service service = ecs.describeServices(r -> r.cluster("prod").services("web")).services().get(0);
            assertThat(service.taskDefinition()).isEqualTo(PREFIX + "task-definition/web:1");
            assertThat(service.deployments().get(0).taskDefinition()).isEqualTo(PREFIX + "task-definition/web:1");

            mock.clock().advance(Lifecycle.DEFAULT_STEP.multipliedBy(10));

            ServiceDeployment rolledBack = ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(arn)).serviceDeployments().get(0);
            assertThat(rolledBack.status()).isEqualTo(ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL);
            assertThat(rolledBack.finishedAt()).isAfter(rollingBack.rollback().startedAt());
            Service after = ecs.describeServices(r -> r.cluster("prod").services("web")).services().get(0);
            assertThat(after.deployments()).singleElement().satisfies(d -> {
                assertThat(d.taskDefinition()).isEqualTo(PREFIX + "task-definition/web:1");
                assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
            });
            assertThat(after.runningCount()).isEqualTo(2);
            assertThat(after.currentServiceRevisions()).singleElement()
                    .satisfies(current -> assertThat(current.arn()).isEqualTo(firstRevision));
        }

        @Test
        void theFirstServiceDeploymentHasNothingToRollBackTo() {
            ecs.createService(web("web:1", 1).andThen(r -> r.serviceName("fresh")));
            String arn = ecs.listServiceDeployments(r -> r.cluster("prod").service("fresh")).serviceDeployments().get(0)
                    .serviceDeploymentArn();

            assertError(InvalidParameterException.class, () -> ecs.stopServiceDeployment(r -> r.serviceDeploymentArn(arn)),
                    "The service deployment can't be rolled back because the service has no previous service revision.");
            assertThat(ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(arn)).serviceDeployments().get(0).status())
                    .isEqualTo(ServiceDeploymentStatus.IN_PROGRESS);
        }

        @Test
        void aNewerDeploymentStopsTheOneInProgress() {
            ecs.updateService(r -> r.cluster("prod").service("web").taskDefinition("web:2"));
            String replaced = brief().serviceDeploymentArn();

            ecs.updateService(r -> r.cluster("prod").service("web").forceNewDeployment(true));

            ServiceDeployment stopped = ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(replaced)).serviceDeployments().get(0);
            assertThat(stopped.status()).isEqualTo(ServiceDeploymentStatus.STOPPED);
            assertThat(stopped.stoppedAt()).isEqualTo(mock.clock().now());
            assertThat(brief().status()).isEqualTo(ServiceDeploymentStatus.IN_PROGRESS);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static RegisterTaskDefinitionRequest definition() {
        return RegisterTaskDefinitionRequest.builder().family("web").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx:latest")).build();
    }

    private static Consumer<CreateServiceRequest.Builder> web(String definition, int desiredCount) {
        return r -> r.cluster("prod").serviceName("web").taskDefinition(definition).desiredCount(desiredCount)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(SUBNET)));
    }

    private static Consumer<CreateServiceRequest.Builder> breaker(boolean rollback) {
        return r -> r.deploymentConfiguration(d -> d.deploymentCircuitBreaker(b -> b.enable(true).rollback(rollback)));
    }

    private List<ServiceDeploymentBrief> list(Consumer<software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsRequest.Builder> filter) {
        return ecs.listServiceDeployments(r -> filter.accept(r.cluster("prod").service("web"))).serviceDeployments();
    }

    private ServiceDeployment describe(String arn) {
        return ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(arn)).serviceDeployments().get(0);
    }

    private Service describeService() {
        return ecs.describeServices(r -> r.cluster("prod").services("web")).services().get(0);
    }

    private static <T extends EcsException> void assertError(Class<T> type, ThrowingCallable call, String message) {
        T error = catchThrowableOfType(type, call);
        assertThat(error).as("expected %s", type.getSimpleName()).isNotNull();
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(message);
    }
}
