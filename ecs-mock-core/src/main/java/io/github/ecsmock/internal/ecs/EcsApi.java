package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.ValidationProfile;
import io.github.ecsmock.internal.state.EcsState;
import java.util.Collections;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ecs.model.CreateCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateExpressGatewayServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateExpressGatewayServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeleteExpressGatewayServiceRequest;
import software.amazon.awssdk.services.ecs.model.DescribeExpressGatewayServiceRequest;
import software.amazon.awssdk.services.ecs.model.CreateGatewayRequest;
import software.amazon.awssdk.services.ecs.model.UpdateGatewayRequest;
import software.amazon.awssdk.services.ecs.model.DeleteGatewayRequest;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayRequest;
import software.amazon.awssdk.services.ecs.model.ListGatewaysRequest;
import software.amazon.awssdk.services.ecs.model.AssociateGatewayWithClusterRequest;
import software.amazon.awssdk.services.ecs.model.DisassociateGatewayFromClusterRequest;
import software.amazon.awssdk.services.ecs.model.ListGatewayClusterAssociationsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayResourcesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayRouteRequest;
import software.amazon.awssdk.services.ecs.model.ListGatewayRoutesRequest;
import software.amazon.awssdk.services.ecs.model.CreateDaemonRequest;
import software.amazon.awssdk.services.ecs.model.UpdateDaemonRequest;
import software.amazon.awssdk.services.ecs.model.DeleteDaemonRequest;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonRequest;
import software.amazon.awssdk.services.ecs.model.ListDaemonsRequest;
import software.amazon.awssdk.services.ecs.model.ListDaemonDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonRevisionsRequest;
import software.amazon.awssdk.services.ecs.model.RegisterDaemonTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DeleteDaemonTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.ListDaemonTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.StartTaskRequest;
import software.amazon.awssdk.services.ecs.model.RegisterContainerInstanceRequest;
import software.amazon.awssdk.services.ecs.model.DeregisterContainerInstanceRequest;
import software.amazon.awssdk.services.ecs.model.DescribeContainerInstancesRequest;
import software.amazon.awssdk.services.ecs.model.ListContainerInstancesRequest;
import software.amazon.awssdk.services.ecs.model.UpdateContainerInstancesStateRequest;
import software.amazon.awssdk.services.ecs.model.UpdateContainerAgentRequest;
import software.amazon.awssdk.services.ecs.model.PutAttributesRequest;
import software.amazon.awssdk.services.ecs.model.DeleteAttributesRequest;
import software.amazon.awssdk.services.ecs.model.ListAttributesRequest;
import software.amazon.awssdk.services.ecs.model.DiscoverPollEndpointRequest;
import software.amazon.awssdk.services.ecs.model.SubmitTaskStateChangeRequest;
import software.amazon.awssdk.services.ecs.model.SubmitContainerStateChangeRequest;
import software.amazon.awssdk.services.ecs.model.SubmitAttachmentStateChangesRequest;
import software.amazon.awssdk.services.ecs.model.DeleteCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersRequest;
import software.amazon.awssdk.services.ecs.model.PutClusterCapacityProvidersRequest;
import software.amazon.awssdk.services.ecs.model.UpdateCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.UpdateClusterRequest;
import software.amazon.awssdk.services.ecs.model.UpdateClusterSettingsRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeleteAccountSettingRequest;
import software.amazon.awssdk.services.ecs.model.DeleteServiceRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListAccountSettingsRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.PutAccountSettingDefaultRequest;
import software.amazon.awssdk.services.ecs.model.PutAccountSettingRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeleteClusterRequest;
import software.amazon.awssdk.services.ecs.model.DeleteTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.DeregisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionFamiliesRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.TagResourceRequest;
import software.amazon.awssdk.services.ecs.model.UntagResourceRequest;
import software.amazon.awssdk.services.ecs.model.GetTaskProtectionRequest;
import software.amazon.awssdk.services.ecs.model.UpdateTaskProtectionRequest;
import software.amazon.awssdk.services.ecs.model.ExecuteCommandRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesByNamespaceRequest;
import software.amazon.awssdk.services.ecs.model.CreateTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.UpdateTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.DeleteTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskSetsRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServicePrimaryTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServiceRevisionsRequest;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentRequest;
import software.amazon.awssdk.services.ecs.model.ContinueServiceDeploymentRequest;

/**
 * The ECS operations the mock implements: one operations object per resource area, and the table
 * from operation name to the method that answers it. Adding an operation is one method in its area
 * and one case in {@link #link}. Each operation runs atomically under its state's lock.
 */
public final class EcsApi {

    /** The method that answers one operation, given the state of the caller's account and region. */
    @FunctionalInterface
    public interface Handler<Q, R extends SdkPojo> {
        R handle(EcsState state, Q request);
    }

    /** One implemented operation: how to make its request and how to answer it. */
    public static final class Operation {
        private final String name;
        private final Supplier<? extends SdkPojo> requestBuilder;
        private final Handler<Object, ? extends SdkPojo> handler;

        private Operation(String name, Supplier<? extends SdkPojo> requestBuilder, Handler<Object, ? extends SdkPojo> handler) {
            this.name = name;
            this.requestBuilder = requestBuilder;
            this.handler = handler;
        }

        public String name() {
            return name;
        }

        /** A fresh builder of this operation's request, for the codec to fill. */
        public Supplier<? extends SdkPojo> requestBuilder() {
            return requestBuilder;
        }

        public SdkPojo invoke(EcsState state, Object request) {
            return state.atomically(() -> handler.handle(state, request));
        }
    }

    private final Map<String, Operation> linked = new ConcurrentHashMap<>();
    private final TagRules tagRules = new TagRules();
    private final Leniency leniency;
    /*
     * Each area is made when an operation of it is first linked (guarded by this), so a mock whose test
     * calls a few operations loads the classes of those areas only. Written out as one getter an area
     * rather than as a generic lazy holder given a lambda: each of 19 lambdas would be a class spun
     * when the api is made, the start-up cost this laziness is there to save.
     */
    private Clusters clusters;
    private TaskDefinitions taskDefinitions;
    private Tags tags;
    private Services services;
    private Tasks tasks;
    private ContainerInstances containerInstances;
    private Attributes attributes;
    private Agent agent;
    private ExpressGatewayServices expressGatewayServices;
    private Gateways gateways;
    private AccountSettings accountSettings;
    private CapacityProviders capacityProviders;
    private TaskProtection taskProtection;
    private EcsExec exec;
    private ServiceConnect serviceConnect;
    private DaemonTaskDefinitions daemonTaskDefinitions;
    private Daemons daemons;
    private TaskSets taskSets;
    private ServiceDeployments serviceDeployments;

    public EcsApi(ValidationProfile profile) {
        leniency = new Leniency(profile);
    }

    private synchronized Tags tags() {
        return tags != null ? tags : (tags = new Tags());
    }

    private synchronized Services services() {
        return services != null ? services : (services = new Services(tagRules, leniency));
    }

    private synchronized Tasks tasks() {
        return tasks != null ? tasks : (tasks = new Tasks(tagRules, leniency));
    }

    private synchronized ContainerInstances containerInstances() {
        return containerInstances != null ? containerInstances : (containerInstances = new ContainerInstances(tagRules));
    }

    private synchronized Attributes attributes() {
        return attributes != null ? attributes : (attributes = new Attributes());
    }

    private synchronized Agent agent() {
        return agent != null ? agent : (agent = new Agent());
    }

    private synchronized ExpressGatewayServices expressGatewayServices() {
        return expressGatewayServices != null ? expressGatewayServices
                : (expressGatewayServices = new ExpressGatewayServices(services(), taskDefinitions()));
    }

    private synchronized Gateways gateways() {
        return gateways != null ? gateways : (gateways = new Gateways(tagRules));
    }

    private synchronized AccountSettings accountSettings() {
        return accountSettings != null ? accountSettings : (accountSettings = new AccountSettings());
    }

    private synchronized CapacityProviders capacityProviders() {
        return capacityProviders != null ? capacityProviders : (capacityProviders = new CapacityProviders(clusters(), tagRules));
    }

    private synchronized TaskProtection taskProtection() {
        return taskProtection != null ? taskProtection : (taskProtection = new TaskProtection());
    }

    private synchronized EcsExec exec() {
        return exec != null ? exec : (exec = new EcsExec());
    }

    private synchronized ServiceConnect serviceConnect() {
        return serviceConnect != null ? serviceConnect : (serviceConnect = new ServiceConnect());
    }

    private synchronized DaemonTaskDefinitions daemonTaskDefinitions() {
        return daemonTaskDefinitions != null ? daemonTaskDefinitions : (daemonTaskDefinitions = new DaemonTaskDefinitions(tagRules));
    }

    private synchronized Daemons daemons() {
        return daemons != null ? daemons : (daemons = new Daemons(tagRules));
    }

    private synchronized TaskSets taskSets() {
        return taskSets != null ? taskSets : (taskSets = new TaskSets(tagRules, leniency));
    }

    private synchronized ServiceDeployments serviceDeployments() {
        return serviceDeployments != null ? serviceDeployments : (serviceDeployments = new ServiceDeployments());
    }

    /**
     * Makes the operation of this name on its first call. A switch rather than a table built up front:
     * each case's method references are linked only when that operation is first asked for, which
     * keeps some 500 classes (request classes, builders and lambdas) out of a mock's start.
     */
    private Operation link(String name) {
        return switch (name) {
            case "CreateCluster" -> make(name, CreateClusterRequest::builder, clusters()::createCluster);
            case "DeleteCluster" -> make(name, DeleteClusterRequest::builder, clusters()::deleteCluster);
            case "DescribeClusters" -> make(name, DescribeClustersRequest::builder, clusters()::describeClusters);
            case "ListClusters" -> make(name, ListClustersRequest::builder, clusters()::listClusters);
            case "UpdateCluster" -> make(name, UpdateClusterRequest::builder, clusters()::updateCluster);
            case "UpdateClusterSettings" -> make(name, UpdateClusterSettingsRequest::builder, clusters()::updateClusterSettings);
            case "PutClusterCapacityProviders" -> make(name, PutClusterCapacityProvidersRequest::builder, capacityProviders()::putClusterCapacityProviders);

            case "CreateCapacityProvider" -> make(name, CreateCapacityProviderRequest::builder, capacityProviders()::createCapacityProvider);
            case "UpdateCapacityProvider" -> make(name, UpdateCapacityProviderRequest::builder, capacityProviders()::updateCapacityProvider);
            case "DeleteCapacityProvider" -> make(name, DeleteCapacityProviderRequest::builder, capacityProviders()::deleteCapacityProvider);
            case "DescribeCapacityProviders" -> make(name, DescribeCapacityProvidersRequest::builder, capacityProviders()::describeCapacityProviders);

            case "RegisterTaskDefinition" -> make(name, RegisterTaskDefinitionRequest::builder, taskDefinitions()::registerTaskDefinition);
            case "DeregisterTaskDefinition" -> make(name, DeregisterTaskDefinitionRequest::builder, taskDefinitions()::deregisterTaskDefinition);
            case "DescribeTaskDefinition" -> make(name, DescribeTaskDefinitionRequest::builder, taskDefinitions()::describeTaskDefinition);
            case "ListTaskDefinitions" -> make(name, ListTaskDefinitionsRequest::builder, taskDefinitions()::listTaskDefinitions);
            case "ListTaskDefinitionFamilies" -> make(name, ListTaskDefinitionFamiliesRequest::builder, taskDefinitions()::listTaskDefinitionFamilies);
            case "DeleteTaskDefinitions" -> make(name, DeleteTaskDefinitionsRequest::builder, taskDefinitions()::deleteTaskDefinitions);

            case "CreateService" -> make(name, CreateServiceRequest::builder, services()::createService);
            case "UpdateService" -> make(name, UpdateServiceRequest::builder, services()::updateService);
            case "DeleteService" -> make(name, DeleteServiceRequest::builder, services()::deleteService);
            case "DescribeServices" -> make(name, DescribeServicesRequest::builder, services()::describeServices);
            case "ListServices" -> make(name, ListServicesRequest::builder, services()::listServices);

            case "CreateTaskSet" -> make(name, CreateTaskSetRequest::builder, taskSets()::createTaskSet);
            case "UpdateTaskSet" -> make(name, UpdateTaskSetRequest::builder, taskSets()::updateTaskSet);
            case "DeleteTaskSet" -> make(name, DeleteTaskSetRequest::builder, taskSets()::deleteTaskSet);
            case "DescribeTaskSets" -> make(name, DescribeTaskSetsRequest::builder, taskSets()::describeTaskSets);
            case "UpdateServicePrimaryTaskSet" -> make(name, UpdateServicePrimaryTaskSetRequest::builder, taskSets()::updateServicePrimaryTaskSet);

            case "ListServiceDeployments" -> make(name, ListServiceDeploymentsRequest::builder, serviceDeployments()::listServiceDeployments);
            case "DescribeServiceDeployments" -> make(name, DescribeServiceDeploymentsRequest::builder, serviceDeployments()::describeServiceDeployments);
            case "DescribeServiceRevisions" -> make(name, DescribeServiceRevisionsRequest::builder, serviceDeployments()::describeServiceRevisions);
            case "StopServiceDeployment" -> make(name, StopServiceDeploymentRequest::builder, serviceDeployments()::stopServiceDeployment);
            case "ContinueServiceDeployment" -> make(name, ContinueServiceDeploymentRequest::builder, serviceDeployments()::continueServiceDeployment);

            case "RunTask" -> make(name, RunTaskRequest::builder, tasks()::runTask);
            case "StopTask" -> make(name, StopTaskRequest::builder, tasks()::stopTask);
            case "DescribeTasks" -> make(name, DescribeTasksRequest::builder, tasks()::describeTasks);
            case "ListTasks" -> make(name, ListTasksRequest::builder, tasks()::listTasks);

            case "StartTask" -> make(name, StartTaskRequest::builder, tasks()::startTask);

            case "GetTaskProtection" -> make(name, GetTaskProtectionRequest::builder, taskProtection()::getTaskProtection);
            case "UpdateTaskProtection" -> make(name, UpdateTaskProtectionRequest::builder, taskProtection()::updateTaskProtection);
            case "ExecuteCommand" -> make(name, ExecuteCommandRequest::builder, exec()::executeCommand);
            case "ListServicesByNamespace" -> make(name, ListServicesByNamespaceRequest::builder, serviceConnect()::listServicesByNamespace);

            case "RegisterContainerInstance" -> make(name, RegisterContainerInstanceRequest::builder, containerInstances()::registerContainerInstance);
            case "DeregisterContainerInstance" -> make(name, DeregisterContainerInstanceRequest::builder, containerInstances()::deregisterContainerInstance);
            case "DescribeContainerInstances" -> make(name, DescribeContainerInstancesRequest::builder, containerInstances()::describeContainerInstances);
            case "ListContainerInstances" -> make(name, ListContainerInstancesRequest::builder, containerInstances()::listContainerInstances);
            case "UpdateContainerInstancesState" -> make(name, UpdateContainerInstancesStateRequest::builder, containerInstances()::updateContainerInstancesState);
            case "UpdateContainerAgent" -> make(name, UpdateContainerAgentRequest::builder, containerInstances()::updateContainerAgent);

            case "PutAttributes" -> make(name, PutAttributesRequest::builder, attributes()::putAttributes);
            case "DeleteAttributes" -> make(name, DeleteAttributesRequest::builder, attributes()::deleteAttributes);
            case "ListAttributes" -> make(name, ListAttributesRequest::builder, attributes()::listAttributes);

            case "DiscoverPollEndpoint" -> make(name, DiscoverPollEndpointRequest::builder, agent()::discoverPollEndpoint);
            case "SubmitTaskStateChange" -> make(name, SubmitTaskStateChangeRequest::builder, agent()::submitTaskStateChange);
            case "SubmitContainerStateChange" -> make(name, SubmitContainerStateChangeRequest::builder, agent()::submitContainerStateChange);
            case "SubmitAttachmentStateChanges" -> make(name, SubmitAttachmentStateChangesRequest::builder, agent()::submitAttachmentStateChanges);

            case "CreateExpressGatewayService" -> make(name, CreateExpressGatewayServiceRequest::builder, expressGatewayServices()::createExpressGatewayService);
            case "UpdateExpressGatewayService" -> make(name, UpdateExpressGatewayServiceRequest::builder, expressGatewayServices()::updateExpressGatewayService);
            case "DeleteExpressGatewayService" -> make(name, DeleteExpressGatewayServiceRequest::builder, expressGatewayServices()::deleteExpressGatewayService);
            case "DescribeExpressGatewayService" -> make(name, DescribeExpressGatewayServiceRequest::builder, expressGatewayServices()::describeExpressGatewayService);

            case "CreateGateway" -> make(name, CreateGatewayRequest::builder, gateways()::createGateway);
            case "UpdateGateway" -> make(name, UpdateGatewayRequest::builder, gateways()::updateGateway);
            case "DeleteGateway" -> make(name, DeleteGatewayRequest::builder, gateways()::deleteGateway);
            case "DescribeGateway" -> make(name, DescribeGatewayRequest::builder, gateways()::describeGateway);
            case "ListGateways" -> make(name, ListGatewaysRequest::builder, gateways()::listGateways);
            case "AssociateGatewayWithCluster" -> make(name, AssociateGatewayWithClusterRequest::builder, gateways()::associateGatewayWithCluster);
            case "DisassociateGatewayFromCluster" -> make(name, DisassociateGatewayFromClusterRequest::builder, gateways()::disassociateGatewayFromCluster);
            case "ListGatewayClusterAssociations" -> make(name, ListGatewayClusterAssociationsRequest::builder, gateways()::listGatewayClusterAssociations);
            case "DescribeGatewayResources" -> make(name, DescribeGatewayResourcesRequest::builder, gateways()::describeGatewayResources);
            case "DescribeGatewayRoute" -> make(name, DescribeGatewayRouteRequest::builder, gateways()::describeGatewayRoute);
            case "ListGatewayRoutes" -> make(name, ListGatewayRoutesRequest::builder, gateways()::listGatewayRoutes);

            case "RegisterDaemonTaskDefinition" -> make(name, RegisterDaemonTaskDefinitionRequest::builder, daemonTaskDefinitions()::registerDaemonTaskDefinition);
            case "DescribeDaemonTaskDefinition" -> make(name, DescribeDaemonTaskDefinitionRequest::builder, daemonTaskDefinitions()::describeDaemonTaskDefinition);
            case "DeleteDaemonTaskDefinition" -> make(name, DeleteDaemonTaskDefinitionRequest::builder, daemonTaskDefinitions()::deleteDaemonTaskDefinition);
            case "ListDaemonTaskDefinitions" -> make(name, ListDaemonTaskDefinitionsRequest::builder, daemonTaskDefinitions()::listDaemonTaskDefinitions);

            case "CreateDaemon" -> make(name, CreateDaemonRequest::builder, daemons()::createDaemon);
            case "UpdateDaemon" -> make(name, UpdateDaemonRequest::builder, daemons()::updateDaemon);
            case "DeleteDaemon" -> make(name, DeleteDaemonRequest::builder, daemons()::deleteDaemon);
            case "DescribeDaemon" -> make(name, DescribeDaemonRequest::builder, daemons()::describeDaemon);
            case "ListDaemons" -> make(name, ListDaemonsRequest::builder, daemons()::listDaemons);
            case "ListDaemonDeployments" -> make(name, ListDaemonDeploymentsRequest::builder, daemons()::listDaemonDeployments);
            case "DescribeDaemonDeployments" -> make(name, DescribeDaemonDeploymentsRequest::builder, daemons()::describeDaemonDeployments);
            case "DescribeDaemonRevisions" -> make(name, DescribeDaemonRevisionsRequest::builder, daemons()::describeDaemonRevisions);

            case "TagResource" -> make(name, TagResourceRequest::builder, tags()::tagResource);
            case "UntagResource" -> make(name, UntagResourceRequest::builder, tags()::untagResource);
            case "ListTagsForResource" -> make(name, ListTagsForResourceRequest::builder, tags()::listTagsForResource);

            case "PutAccountSetting" -> make(name, PutAccountSettingRequest::builder, accountSettings()::putAccountSetting);
            case "PutAccountSettingDefault" -> make(name, PutAccountSettingDefaultRequest::builder, accountSettings()::putAccountSettingDefault);
            case "DeleteAccountSetting" -> make(name, DeleteAccountSettingRequest::builder, accountSettings()::deleteAccountSetting);
            case "ListAccountSettings" -> make(name, ListAccountSettingsRequest::builder, accountSettings()::listAccountSettings);
            default -> null;
        };
    }

    @SuppressWarnings("unchecked")
    private static <Q> Operation make(String name, Supplier<? extends SdkPojo> requestBuilder,
                                      Handler<Q, ? extends SdkPojo> handler) {
        return new Operation(name, requestBuilder, (Handler<Object, ? extends SdkPojo>) handler);
    }

    public Optional<Operation> operation(String name) {
        Operation known = linked.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        Operation made = link(name);
        return made == null ? Optional.empty() : Optional.of(Objects.requireNonNullElse(linked.putIfAbsent(name, made), made));
    }

    /** Every implemented operation by name, in alphabetical order: each SDK operation that has a case. */
    public Map<String, Operation> operations() {
        Map<String, Operation> all = new TreeMap<>();
        for (String name : EcsOperationNames.all()) {
            operation(name).ifPresent(operation -> all.put(name, operation));
        }
        return Collections.unmodifiableMap(all);
    }

    public synchronized Clusters clusters() {
        return clusters != null ? clusters : (clusters = new Clusters(new ClusterStatistics(), tagRules, accountSettings()));
    }

    public synchronized TaskDefinitions taskDefinitions() {
        return taskDefinitions != null ? taskDefinitions : (taskDefinitions = new TaskDefinitions(tagRules, leniency));
    }
}
