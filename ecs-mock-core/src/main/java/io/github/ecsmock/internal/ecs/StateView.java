package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.EcsView;
import io.github.ecsmock.internal.state.ClusterEntry;
import io.github.ecsmock.internal.state.EcsState;
import io.github.ecsmock.internal.state.TaskEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** {@link EcsView} over one state: each read runs under the state's lock, like an operation. */
public final class StateView implements EcsView {
    private final EcsState state;
    private final EcsApi api;

    public StateView(EcsState state, EcsApi api) {
        this.state = state;
        this.api = api;
    }

    @Override
    public String account() {
        return state.arns().account();
    }

    @Override
    public String region() {
        return state.arns().region();
    }

    @Override
    public List<Cluster> clusters() {
        return state.atomically(() -> state.clusters().inOrder().values().stream().map(this::render).toList());
    }

    @Override
    public Optional<Cluster> cluster(String nameOrArn) {
        return state.atomically(() -> state.findCluster(nameOrArn).map(this::render));
    }

    private Cluster render(ClusterEntry entry) {
        return api.clusters().render(state, entry, EnumSet.allOf(ClusterField.class));
    }

    @Override
    public List<TaskDefinition> taskDefinitions() {
        return state.atomically(() -> List.copyOf(state.taskDefinitions().all().values()));
    }

    @Override
    public Optional<TaskDefinition> taskDefinition(String reference) {
        return state.atomically(() -> state.findTaskDefinition(reference));
    }

    @Override
    public List<Service> services(String cluster) {
        return state.atomically(() -> state.findCluster(cluster)
                .map(entry -> state.services().inOrder(entry.arn()).values().stream()
                        .map(service -> service.toService(state.tags().tagsOf(service.arn()))).toList())
                .orElse(List.of()));
    }

    @Override
    public Optional<Service> service(String cluster, String service) {
        return state.atomically(() -> state.findCluster(cluster)
                .flatMap(entry -> Services.lookup(state, entry, service))
                .map(found -> found.toService(state.tags().tagsOf(found.arn()))));
    }

    @Override
    public List<Task> tasks(String cluster) {
        return state.atomically(() -> state.findCluster(cluster)
                .map(entry -> {
                    List<TaskEntry> all = new ArrayList<>(state.tasks().live(entry.arn()).values());
                    all.addAll(state.tasks().stopped(entry.arn()).values());
                    all.sort(Comparator.comparingLong(TaskEntry::sequence));
                    return all.stream().map(task -> task.toTask(state.tags().tagsOf(task.arn()))).toList();
                })
                .orElse(List.of()));
    }

    @Override
    public List<ContainerInstance> containerInstances(String cluster) {
        return state.atomically(() -> state.findCluster(cluster)
                .map(entry -> state.containerInstances().inCluster(entry.arn()).values().stream()
                        .map(instance -> instance.toContainerInstance(state.tags().tagsOf(instance.arn()))).toList())
                .orElse(List.of()));
    }

    @Override
    public List<Tag> tags(String arn) {
        return state.atomically(() -> state.tags().tagsOf(arn));
    }
}
