package io.github.ecsmock.junit5.assertj;

import io.github.ecsmock.EcsMock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/** A cluster of the mock, read from its state when asserted: {@code cluster("dev").hasRunningTasks(3)}. */
public final class ClusterAssert extends AbstractAssert<ClusterAssert, Cluster> {
    private final EcsMock mock;
    private final String name;

    ClusterAssert(EcsMock mock, String name) {
        super(mock.view().cluster(name).orElse(null), ClusterAssert.class);
        this.mock = mock;
        this.name = name;
        if (actual == null) {
            failWithMessage("Expected a cluster %s, but the mock has none of that name. Clusters: %s", name,
                    mock.view().clusters().stream().map(c -> c.clusterName() + " (" + c.status() + ")").toList());
        }
    }

    public ClusterAssert isActive() {
        return hasStatus("ACTIVE");
    }

    public ClusterAssert isInactive() {
        return hasStatus("INACTIVE");
    }

    private ClusterAssert hasStatus(String status) {
        if (!status.equals(actual.status())) {
            failWithMessage("Expected cluster %s to be %s, but it is %s.", name, status, actual.status());
        }
        return this;
    }

    /** Exactly this many tasks whose last status is RUNNING, as the cluster's {@code runningTasksCount}. */
    public ClusterAssert hasRunningTasks(int expected) {
        if (actual.runningTasksCount() != expected) {
            failWithMessage("Expected cluster %s to have %d running tasks, but it has %d. Its tasks:%s", name, expected,
                    actual.runningTasksCount(), tasks());
        }
        return this;
    }

    public ClusterAssert hasPendingTasks(int expected) {
        if (actual.pendingTasksCount() != expected) {
            failWithMessage("Expected cluster %s to have %d pending tasks, but it has %d. Its tasks:%s", name, expected,
                    actual.pendingTasksCount(), tasks());
        }
        return this;
    }

    /**
     * Exactly this many registered (ACTIVE or DRAINING) container instances, as the cluster's
     * {@code registeredContainerInstancesCount}.
     */
    public ClusterAssert hasRegisteredContainerInstances(int expected) {
        if (actual.registeredContainerInstancesCount() != expected) {
            failWithMessage("Expected cluster %s to have %d registered container instances, but it has %d:%s", name, expected,
                    actual.registeredContainerInstancesCount(), instances());
        }
        return this;
    }

    /** The instance (id or ARN) runs exactly this many tasks that have not stopped, of any status. */
    public ClusterAssert hasTasksOnContainerInstance(String containerInstance, int expected) {
        ContainerInstance instance = mock.view().containerInstances(name).stream()
                .filter(i -> i.containerInstanceArn().equals(containerInstance) || i.containerInstanceArn().endsWith("/" + containerInstance))
                .findFirst().orElse(null);
        if (instance == null) {
            failWithMessage("Expected cluster %s to have container instance %s, but it has none of that id. Its instances:%s",
                    name, containerInstance, instances());
            return this;
        }
        int count = instance.runningTasksCount() + instance.pendingTasksCount();
        if (count != expected) {
            failWithMessage("Expected container instance %s to run %d tasks, but it runs %d. Its tasks:%s", containerInstance,
                    expected, count, mock.view().tasks(name).stream()
                            .filter(t -> instance.containerInstanceArn().equals(t.containerInstanceArn()) && !"STOPPED".equals(t.lastStatus()))
                            .map(t -> "\n  " + t.taskArn() + " " + t.lastStatus()).collect(Collectors.joining()));
        }
        return this;
    }

    private String instances() {
        List<ContainerInstance> all = mock.view().containerInstances(name);
        return all.isEmpty() ? " (none)" : all.stream().map(i -> "\n  " + i.containerInstanceArn() + " " + i.status() + ", "
                + i.runningTasksCount() + " running").collect(Collectors.joining());
    }

    public ClusterAssert hasActiveServices(int expected) {
        if (actual.activeServicesCount() != expected) {
            failWithMessage("Expected cluster %s to have %d active services, but it has %d: %s", name, expected,
                    actual.activeServicesCount(), services());
        }
        return this;
    }

    /** A service of this cluster, whatever its status, for assertions on it. */
    public ServiceAssert hasService(String service) {
        Optional<Service> found = mock.view().service(name, service);
        if (found.isEmpty()) {
            failWithMessage("Expected cluster %s to have a service %s, but it has none of that name. Services: %s",
                    name, service, services());
        }
        return new ServiceAssert(found.get(), name);
    }

    public ClusterAssert hasNoService(String service) {
        Optional<Service> found = mock.view().service(name, service);
        if (found.isPresent()) {
            failWithMessage("Expected cluster %s to have no service %s, but it has one, %s.", name, service,
                    found.get().status());
        }
        return this;
    }

    private String tasks() {
        List<Task> tasks = mock.view().tasks(name);
        if (tasks.isEmpty()) {
            return " none";
        }
        return tasks.stream().map(task -> "\n  " + task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1) + " "
                + task.lastStatus() + " (desired " + task.desiredStatus() + ", " + task.group() + ")")
                .collect(Collectors.joining());
    }

    private List<String> services() {
        return mock.view().services(name).stream().map(s -> s.serviceName() + " (" + s.status() + ")").toList();
    }
}
