package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.errors.EcsError;
import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.state.ClusterEntry;
import io.github.ecsmock.internal.state.EcsState;
import io.github.ecsmock.internal.state.ServiceEntry;
import io.github.ecsmock.internal.state.TaskSetEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.CreateTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.CreateTaskSetResponse;
import software.amazon.awssdk.services.ecs.model.DeleteTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.DeleteTaskSetResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskSetsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskSetsResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.Scale;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskSet;
import software.amazon.awssdk.services.ecs.model.UpdateServicePrimaryTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServicePrimaryTaskSetResponse;
import software.amazon.awssdk.services.ecs.model.UpdateTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.UpdateTaskSetResponse;

/**
 * CreateTaskSet, UpdateTaskSet, DeleteTaskSet, DescribeTaskSets and UpdateServicePrimaryTaskSet: how a
 * deployer outside ECS runs a service with the EXTERNAL deployment controller. The scheduler keeps each
 * task set at its share of the service's desired count.
 */
public final class TaskSets {
    /**
     * ECS's answer to a task set call on a service that ECS deploys itself; text from a real CLI answer
     * to CreateTaskSet (hashicorp/terraform-provider-aws#30347).
     */
    static final String NOT_EXTERNAL = "Amazon ECS only supports task set management on services configured to use "
            + "external deployment controllers.";
    /** At most five task sets per service; text from real answers (pipe-cd/pipecd#4692, aws-samples/ecs-bg-external-controller#6). */
    private static final int MAX_TASK_SETS = 5;

    private final TagRules tagRules;
    private final Leniency leniency;

    public TaskSets(TagRules tagRules, Leniency leniency) {
        this.tagRules = tagRules;
        this.leniency = leniency;
    }

    public CreateTaskSetResponse createTaskSet(EcsState state, CreateTaskSetRequest request) {
        ServiceEntry service = changeable(state, request.cluster(), request.service(), "create");
        TaskDefinition definition = Services.activeDefinition(state, request.taskDefinition());
        if (service.taskSets().size() >= MAX_TASK_SETS) {
            throw Errors.invalidParameter(service.taskSets().size() + " deployments exist on the service. Unable to create new "
                    + "TaskSet since this exceeds the maximum limit.");
        }
        ClusterEntry cluster = state.activeCluster(request.cluster());
        LaunchRules.Launch launch = LaunchRules.resolve(cluster, request.launchTypeAsString(), request.capacityProviderStrategy());
        LaunchRules.checkPlatformVersion(launch.launchType(), request.platformVersion());
        LaunchRules.checkCompatible(definition, launch.launchType());
        NetworkConfiguration network = LaunchRules.network("CreateTaskSet", definition, request.networkConfiguration(),
                launch.launchType(), leniency);
        Services.checkLoadBalancers(definition, request.loadBalancers());
        Scale scale = scale(request.scale() == null ? Scale.builder().value(100.0).unit("PERCENT").build() : request.scale());
        tagRules.checkNew(request.tags());

        TaskSetEntry taskSet = state.taskSetLifecycle().createTaskSet(service,
                Services.deploymentSpec(definition, launch, network, request.platformVersion(), null),
                request.externalId(), scale, request.hasLoadBalancers() ? request.loadBalancers() : List.of(),
                request.hasServiceRegistries() ? request.serviceRegistries() : List.of());
        state.tags().add(taskSet.arn(), request.tags());
        state.settle();
        return CreateTaskSetResponse.builder().taskSet(taskSet.toTaskSet(state.tags().tagsOf(taskSet.arn()))).build();
    }

    public UpdateTaskSetResponse updateTaskSet(EcsState state, UpdateTaskSetRequest request) {
        ServiceEntry service = changeable(state, request.cluster(), request.service(), "update");
        TaskSetEntry taskSet = find(service, request.taskSet());
        state.taskSetLifecycle().scaleTaskSet(taskSet, scale(request.scale()));
        state.settle();
        return UpdateTaskSetResponse.builder().taskSet(taskSet.toTaskSet(List.of())).build();
    }

    public DeleteTaskSetResponse deleteTaskSet(EcsState state, DeleteTaskSetRequest request) {
        ServiceEntry service = changeable(state, request.cluster(), request.service(), "delete");
        TaskSetEntry taskSet = find(service, request.taskSet());
        if (!"DRAINING".equals(taskSet.status()) && !Boolean.TRUE.equals(request.force())
                && taskSet.scale() != null && taskSet.scale().value() != null && taskSet.scale().value() > 0) {
            // Unverified wording, after DeleteService's "The service cannot be stopped while it is scaled above 0.";
            // ECS documents that force deletes a task set "even if it hasn't been scaled down to zero".
            throw Errors.invalidParameter("The task set cannot be deleted while it is scaled above 0.");
        }
        state.taskSetLifecycle().deleteTaskSet(taskSet);
        TaskSet answer = taskSet.toTaskSet(List.of());
        state.settle();
        return DeleteTaskSetResponse.builder().taskSet(answer).build();
    }

    public UpdateServicePrimaryTaskSetResponse updateServicePrimaryTaskSet(EcsState state, UpdateServicePrimaryTaskSetRequest request) {
        ServiceEntry service = changeable(state, request.cluster(), request.service(), "update");
        TaskSetEntry taskSet = find(service, request.primaryTaskSet());
        if ("DRAINING".equals(taskSet.status())) {
            // Unverified wording.
            throw Errors.invalidParameter("The specified task set is draining and cannot be made primary.");
        }
        state.taskSetLifecycle().makePrimary(taskSet);
        state.settle();
        return UpdateServicePrimaryTaskSetResponse.builder().taskSet(taskSet.toTaskSet(List.of())).build();
    }

    public DescribeTaskSetsResponse describeTaskSets(EcsState state, DescribeTaskSetsRequest request) {
        ServiceEntry service = active(state, request.cluster(), request.service());
        boolean withTags = request.includeAsStrings().contains("TAGS");
        List<TaskSet> taskSets = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        if (!request.hasTaskSets() || request.taskSets().isEmpty()) {
            service.taskSets().forEach(set -> taskSets.add(set.toTaskSet(withTags ? state.tags().tagsOf(set.arn()) : List.of())));
        } else {
            for (String reference : request.taskSets()) {
                Optional<TaskSetEntry> found = lookup(service, reference);
                if (found.isPresent()) {
                    TaskSetEntry set = found.get();
                    taskSets.add(set.toTaskSet(withTags ? state.tags().tagsOf(set.arn()) : List.of()));
                } else {
                    String arn = reference.startsWith("arn:") ? reference
                            : state.arns().taskSet(state.activeCluster(request.cluster()).name(), service.name(), reference);
                    failures.add(Failure.builder().arn(arn).reason("MISSING").build());
                }
            }
        }
        return DescribeTaskSetsResponse.builder().taskSets(taskSets).failures(failures).build();
    }

    /** The ACTIVE service a task set call names, which must use task sets. */
    private static ServiceEntry active(EcsState state, String clusterReference, String serviceReference) {
        ClusterEntry cluster = state.activeCluster(clusterReference);
        ServiceEntry service = Services.find(state, cluster, serviceReference);
        if (!service.isActive()) {
            throw new EcsError("ServiceNotActiveException", "Service was not ACTIVE.");
        }
        if (!service.usesTaskSets()) {
            throw Errors.invalidParameter(NOT_EXTERNAL);
        }
        return service;
    }

    /**
     * As {@link #active}, and one whose task sets the caller may change: CodeDeploy owns those of a
     * CODE_DEPLOY service. The wording is unverified, after ECS's "Unable to update task definition on
     * services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment."
     */
    private static ServiceEntry changeable(EcsState state, String clusterReference, String serviceReference, String verb) {
        ServiceEntry service = active(state, clusterReference, serviceReference);
        if ("CODE_DEPLOY".equals(service.deploymentControllerType())) {
            throw Errors.invalidParameter("Unable to " + verb + " task sets on services with a CODE_DEPLOY deployment controller. "
                    + "Use AWS CodeDeploy to trigger a new deployment.");
        }
        return service;
    }

    private static Optional<TaskSetEntry> lookup(ServiceEntry service, String reference) {
        if (reference == null || reference.isEmpty()) {
            return Optional.empty();
        }
        return service.taskSet(reference);
    }

    /** The task set a request names, by id or ARN; the text is unverified (ECS's exception says "The specified task set wasn't found"). */
    private static TaskSetEntry find(ServiceEntry service, String reference) {
        return lookup(service, reference)
                .orElseThrow(() -> new EcsError("TaskSetNotFoundException", "The specified task set does not exist."));
    }

    /** A percentage from 0 to 100 (the only unit); the wording of the refusal is unverified. */
    private static Scale scale(Scale given) {
        if (given.value() == null || given.value().isNaN() || given.value() < 0 || given.value() > 100) {
            throw Errors.invalidParameter("Scale value must be between 0 and 100.");
        }
        return Scale.builder().value(given.value()).unit(given.unit() == null ? "PERCENT" : given.unitAsString()).build();
    }
}
