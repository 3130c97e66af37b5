package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.ValidationProfile;
import io.github.ecsmock.internal.state.EcsState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
 * and one line here. Each operation runs atomically under its state's lock.
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

    private final Map<String, Operation> operations = new LinkedHashMap<>();
    private final Clusters clusters;
    private final TaskDefinitions taskDefinitions;
    private final Tags tags;
    private final Services services;
    private final Tasks tasks;
    private final ContainerInstances containerInstances;
    private final Attributes attributes;
    private final Agent agent;
    private final ExpressGatewayServices expressGatewayServices;
    private final Gateways gateways;
    private final AccountSettings accountSettings;
    private final CapacityProviders capacityProviders;
    private final TaskProtection taskProtection;
    private final EcsExec exec;
    private final ServiceConnect serviceConnect;
    private final DaemonTaskDefinitions daemonTaskDefinitions;
    private final Daemons daemons;
    private final TaskSets taskSets;
    private final ServiceDeployments serviceDeployments;

    public EcsApi(ValidationProfile profile) {
        TagRules tagRules = new TagRules();
        Leniency leniency = new Leniency(profile);
        accountSettings = new AccountSettings();
        clusters = new Clusters(new ClusterStatistics(), tagRules, accountSettings);
        taskDefinitions = new TaskDefinitions(tagRules, leniency);
        tags = new Tags();
        services = new Services(tagRules, leniency);
        tasks = new Tasks(tagRules, leniency);
        containerInstances = new ContainerInstances(tagRules);
        attributes = new Attributes();
        agent = new Agent();
        expressGatewayServices = new ExpressGatewayServices(services, taskDefinitions);
        gateways = new Gateways(tagRules);
        capacityProviders = new CapacityProviders(clusters, tagRules);
        taskProtection = new TaskProtection();
        exec = new EcsExec();
        serviceConnect = new ServiceConnect();
        daemonTaskDefinitions = new DaemonTaskDefinitions(tagRules);
        daemons = new Daemons(tagRules);
        taskSets = new TaskSets(tagRules, leniency);
        serviceDeployments = new ServiceDeployments();

        add("CreateCluster", CreateClusterRequest::builder, clusters::createCluster);
        add("DeleteCluster", DeleteClusterRequest::builder, clusters::deleteCluster);
        add("DescribeClusters", DescribeClustersRequest::builder, clusters::describeClusters);
        add("ListClusters", ListClustersRequest::builder, clusters::listClusters);
        add("UpdateCluster", UpdateClusterRequest::builder, clusters::updateCluster);
        add("UpdateClusterSettings", UpdateClusterSettingsRequest::builder, clusters::updateClusterSettings);
        add("PutClusterCapacityProviders", PutClusterCapacityProvidersRequest::builder,
                capacityProviders::putClusterCapacityProviders);

        add("CreateCapacityProvider", CreateCapacityProviderRequest::builder, capacityProviders::createCapacityProvider);
        add("UpdateCapacityProvider", UpdateCapacityProviderRequest::builder, capacityProviders::updateCapacityProvider);
        add("DeleteCapacityProvider", DeleteCapacityProviderRequest::builder, capacityProviders::deleteCapacityProvider);
        add("DescribeCapacityProviders", DescribeCapacityProvidersRequest::builder, capacityProviders::describeCapacityProviders);

        add("RegisterTaskDefinition", RegisterTaskDefinitionRequest::builder, taskDefinitions::registerTaskDefinition);
        add("DeregisterTaskDefinition", DeregisterTaskDefinitionRequest::builder, taskDefinitions::deregisterTaskDefinition);
        add("DescribeTaskDefinition", DescribeTaskDefinitionRequest::builder, taskDefinitions::describeTaskDefinition);
        add("ListTaskDefinitions", ListTaskDefinitionsRequest::builder, taskDefinitions::listTaskDefinitions);
        add("ListTaskDefinitionFamilies", ListTaskDefinitionFamiliesRequest::builder, taskDefinitions::listTaskDefinitionFamilies);
        add("DeleteTaskDefinitions", DeleteTaskDefinitionsRequest::builder, taskDefinitions::deleteTaskDefinitions);

        add("CreateService", CreateServiceRequest::builder, services::createService);
        add("UpdateService", UpdateServiceRequest::builder, services::updateService);
        add("DeleteService", DeleteServiceRequest::builder, services::deleteService);
        add("DescribeServices", DescribeServicesRequest::builder, services::describeServices);
        add("ListServices", ListServicesRequest::builder, services::listServices);

        add("CreateTaskSet", CreateTaskSetRequest::builder, taskSets::createTaskSet);
        add("UpdateTaskSet", UpdateTaskSetRequest::builder, taskSets::updateTaskSet);
        add("DeleteTaskSet", DeleteTaskSetRequest::builder, taskSets::deleteTaskSet);
        add("DescribeTaskSets", DescribeTaskSetsRequest::builder, taskSets::describeTaskSets);
        add("UpdateServicePrimaryTaskSet", UpdateServicePrimaryTaskSetRequest::builder, taskSets::updateServicePrimaryTaskSet);

        add("ListServiceDeployments", ListServiceDeploymentsRequest::builder, serviceDeployments::listServiceDeployments);
        add("DescribeServiceDeployments", DescribeServiceDeploymentsRequest::builder, serviceDeployments::describeServiceDeployments);
        add("DescribeServiceRevisions", DescribeServiceRevisionsRequest::builder, serviceDeployments::describeServiceRevisions);
        add("StopServiceDeployment", StopServiceDeploymentRequest::builder, serviceDeployments::stopServiceDeployment);
        add("ContinueServiceDeployment", ContinueServiceDeploymentRequest::builder, serviceDeployments::continueServiceDeployment);

        add("RunTask", RunTaskRequest::builder, tasks::runTask);
        add("StopTask", StopTaskRequest::builder, tasks::stopTask);
        add("DescribeTasks", DescribeTasksRequest::builder, tasks::describeTasks);
        add("ListTasks", ListTasksRequest::builder, tasks::listTasks);

        add("StartTask", StartTaskRequest::builder, tasks::startTask);

        add("GetTaskProtection", GetTaskProtectionRequest::builder, taskProtection::getTaskProtection);
        add("UpdateTaskProtection", UpdateTaskProtectionRequest::builder, taskProtection::updateTaskProtection);
        add("ExecuteCommand", ExecuteCommandRequest::builder, exec::executeCommand);
        add("ListServicesByNamespace", ListServicesByNamespaceRequest::builder, serviceConnect::listServicesByNamespace);

        add("RegisterContainerInstance", RegisterContainerInstanceRequest::builder, containerInstances::registerContainerInstance);
        add("DeregisterContainerInstance", DeregisterContainerInstanceRequest::builder, containerInstances::deregisterContainerInstance);
        add("DescribeContainerInstances", DescribeContainerInstancesRequest::builder, containerInstances::describeContainerInstances);
        add("ListContainerInstances", ListContainerInstancesRequest::builder, containerInstances::listContainerInstances);
        add("UpdateContainerInstancesState", UpdateContainerInstancesStateRequest::builder,
                containerInstances::updateContainerInstancesState);
        add("UpdateContainerAgent", UpdateContainerAgentRequest::builder, containerInstances::updateContainerAgent);

        add("PutAttributes", PutAttributesRequest::builder, attributes::putAttributes);
        add("DeleteAttributes", DeleteAttributesRequest::builder, attributes::deleteAttributes);
        add("ListAttributes", ListAttributesRequest::builder, attributes::listAttributes);

        add("DiscoverPollEndpoint", DiscoverPollEndpointRequest::builder, agent::discoverPollEndpoint);
        add("SubmitTaskStateChange", SubmitTaskStateChangeRequest::builder, agent::submitTaskStateChange);
        add("SubmitContainerStateChange", SubmitContainerStateChangeRequest::builder, agent::submitContainerStateChange);
        add("SubmitAttachmentStateChanges", SubmitAttachmentStateChangesRequest::builder, agent::submitAttachmentStateChanges);

        add("CreateExpressGatewayService", CreateExpressGatewayServiceRequest::builder, expressGatewayServices::createExpressGatewayService);
        add("UpdateExpressGatewayService", UpdateExpressGatewayServiceRequest::builder, expressGatewayServices::updateExpressGatewayService);
        add("DeleteExpressGatewayService", DeleteExpressGatewayServiceRequest::builder, expressGatewayServices::deleteExpressGatewayService);
        add("DescribeExpressGatewayService", DescribeExpressGatewayServiceRequest::builder, expressGatewayServices::describeExpressGatewayService);

        add("CreateGateway", CreateGatewayRequest::builder, gateways::createGateway);
        add("UpdateGateway", UpdateGatewayRequest::builder, gateways::updateGateway);
        add("DeleteGateway", DeleteGatewayRequest::builder, gateways::deleteGateway);
        add("DescribeGateway", DescribeGatewayRequest::builder, gateways::describeGateway);
        add("ListGateways", ListGatewaysRequest::builder, gateways::listGateways);
        add("AssociateGatewayWithCluster", AssociateGatewayWithClusterRequest::builder, gateways::associateGatewayWithCluster);
        add("DisassociateGatewayFromCluster", DisassociateGatewayFromClusterRequest::builder, gateways::disassociateGatewayFromCluster);
        add("ListGatewayClusterAssociations", ListGatewayClusterAssociationsRequest::builder, gateways::listGatewayClusterAssociations);
        add("DescribeGatewayResources", DescribeGatewayResourcesRequest::builder, gateways::describeGatewayResources);
        add("DescribeGatewayRoute", DescribeGatewayRouteRequest::builder, gateways::describeGatewayRoute);
        add("ListGatewayRoutes", ListGatewayRoutesRequest::builder, gateways::listGatewayRoutes);

        add("RegisterDaemonTaskDefinition", RegisterDaemonTaskDefinitionRequest::builder, daemonTaskDefinitions::registerDaemonTaskDefinition);
        add("DescribeDaemonTaskDefinition", DescribeDaemonTaskDefinitionRequest::builder, daemonTaskDefinitions::describeDaemonTaskDefinition);
        add("DeleteDaemonTaskDefinition", DeleteDaemonTaskDefinitionRequest::builder, daemonTaskDefinitions::deleteDaemonTaskDefinition);
        add("ListDaemonTaskDefinitions", ListDaemonTaskDefinitionsRequest::builder, daemonTaskDefinitions::listDaemonTaskDefinitions);

        add("CreateDaemon", CreateDaemonRequest::builder, daemons::createDaemon);
        add("UpdateDaemon", UpdateDaemonRequest::builder, daemons::updateDaemon);
        add("DeleteDaemon", DeleteDaemonRequest::builder, daemons::deleteDaemon);
        add("DescribeDaemon", DescribeDaemonRequest::builder, daemons::describeDaemon);
        add("ListDaemons", ListDaemonsRequest::builder, daemons::listDaemons);
        add("ListDaemonDeployments", ListDaemonDeploymentsRequest::builder, daemons::listDaemonDeployments);
        add("DescribeDaemonDeployments", DescribeDaemonDeploymentsRequest::builder, daemons::describeDaemonDeployments);
        add("DescribeDaemonRevisions", DescribeDaemonRevisionsRequest::builder, daemons::describeDaemonRevisions);

        add("TagResource", TagResourceRequest::builder, tags::tagResource);
        add("UntagResource", UntagResourceRequest::builder, tags::untagResource);
        add("ListTagsForResource", ListTagsForResourceRequest::builder, tags::listTagsForResource);

        add("PutAccountSetting", PutAccountSettingRequest::builder, accountSettings::putAccountSetting);
        add("PutAccountSettingDefault", PutAccountSettingDefaultRequest::builder, accountSettings::putAccountSettingDefault);
        add("DeleteAccountSetting", DeleteAccountSettingRequest::builder, accountSettings::deleteAccountSetting);
        add("ListAccountSettings", ListAccountSettingsRequest::builder, accountSettings::listAccountSettings);
    }

    @SuppressWarnings("unchecked")
    private <Q> void add(String name, Supplier<? extends SdkPojo> requestBuilder, Handler<Q, ? extends SdkPojo> handler) {
        operations.put(name, new Operation(name, requestBuilder, (Handler<Object, ? extends SdkPojo>) handler));
    }

    public Optional<Operation> operation(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    /** The names of the implemented operations, in the order of this table. */
    public Map<String, Operation> operations() {
        return Collections.unmodifiableMap(operations);
    }

    public Clusters clusters() {
        return clusters;
    }

    public TaskDefinitions taskDefinitions() {
        return taskDefinitions;
    }
}
