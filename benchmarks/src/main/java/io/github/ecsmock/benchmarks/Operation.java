package io.github.ecsmock.benchmarks;

import java.util.List;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

/** The calls measured one by one, as a user's code makes them against a cluster of 100 tasks. */
public enum Operation {
    DESCRIBE_CLUSTERS("DescribeClusters", "DescribeClusters") {
        @Override
        SdkResponse call(EcsClient ecs, List<String> tasks) {
            return ecs.describeClusters(r -> r.clusters(Workload.CLUSTER));
        }
    },
    REGISTER_TASK_DEFINITION("RegisterTaskDefinition", "RegisterTaskDefinition") {
        @Override
        SdkResponse call(EcsClient ecs, List<String> tasks) {
            return ecs.registerTaskDefinition(r -> r.family("registered").networkMode(NetworkMode.AWSVPC)
                    .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("app").image("registry.example.com/app:1.0")
                            .portMappings(p -> p.containerPort(8080))
                            .environment(e -> e.name("MODE").value("bench"))));
        }
    },
    RUN_TASK_10("RunTask", "RunTask (count 10)") {
        @Override
        SdkResponse call(EcsClient ecs, List<String> tasks) {
            return ecs.runTask(r -> r.cluster(Workload.CLUSTER).taskDefinition(Workload.FAMILY).count(10)
                    .launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(Workload.SUBNET))));
        }
    },
    DESCRIBE_TASKS_100("DescribeTasks", "DescribeTasks (100 tasks)") {
        @Override
        SdkResponse call(EcsClient ecs, List<String> tasks) {
            return ecs.describeTasks(r -> r.cluster(Workload.CLUSTER).tasks(tasks));
        }
    },
    LIST_TASKS("ListTasks", "ListTasks (one page)") {
        @Override
        SdkResponse call(EcsClient ecs, List<String> tasks) {
            return ecs.listTasks(r -> r.cluster(Workload.CLUSTER));
        }
    };

    private final String wireName;
    private final String label;

    Operation(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    /** The operation's name in {@code X-Amz-Target}. */
    public String wireName() {
        return wireName;
    }

    public String label() {
        return label;
    }

    /** Whether each call adds to the state, so the state is rebuilt between measurement iterations. */
    boolean grows() {
        return this == REGISTER_TASK_DEFINITION || this == RUN_TASK_10;
    }

    abstract SdkResponse call(EcsClient ecs, List<String> tasks);
}
