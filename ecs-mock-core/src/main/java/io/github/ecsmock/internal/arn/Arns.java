package io.github.ecsmock.internal.arn;

import java.util.Optional;

/**
 * Builds the ARNs of one (account, region) and resolves the "name or ARN" parameters that ECS takes
 * everywhere, in one place. An ARN of another account, region, partition or resource type is treated
 * as not found, as ECS does.
 */
public final class Arns {
    private final String partition;
    private final String region;
    private final String account;
    private final String prefix;

    public Arns(String account, String region) {
        this.partition = partitionOf(region);
        this.region = region;
        this.account = account;
        this.prefix = "arn:" + partition + ":ecs:" + region + ":" + account + ":";
    }

    /** The partition a region lies in: {@code aws}, {@code aws-cn} or {@code aws-us-gov}. */
    public static String partitionOf(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }

    public String partition() {
        return partition;
    }

    public String region() {
        return region;
    }

    public String account() {
        return account;
    }

    /** The caller that the mock reports in {@code registeredBy} and {@code createdBy}. */
    public String callerPrincipal() {
        return "arn:" + partition + ":iam::" + account + ":root";
    }

    public String cluster(String name) {
        return prefix + "cluster/" + name;
    }

    public String taskDefinition(String family, int revision) {
        return prefix + "task-definition/" + family + ":" + revision;
    }

    public String service(String cluster, String name) {
        return prefix + "service/" + cluster + "/" + name;
    }

    /** {@code task-set/<cluster>/<service>/ecs-svc/<19 digits>}: the task set id keeps its slash. */
    public String taskSet(String cluster, String service, String id) {
        return prefix + "task-set/" + cluster + "/" + service + "/" + id;
    }

    public String serviceDeployment(String cluster, String service, String id) {
        return prefix + "service-deployment/" + cluster + "/" + service + "/" + id;
    }

    public String serviceRevision(String cluster, String service, String id) {
        return prefix + "service-revision/" + cluster + "/" + service + "/" + id;
    }

    public String task(String cluster, String id) {
        return prefix + "task/" + cluster + "/" + id;
    }

    public String containerInstance(String cluster, String id) {
        return prefix + "container-instance/" + cluster + "/" + id;
    }

    public String container(String cluster, String taskId, String containerId) {
        return prefix + "container/" + cluster + "/" + taskId + "/" + containerId;
    }

    /** Not documented by ECS; the mock follows its other account-level resources (unverified). */
    public String gateway(String name) {
        return prefix + "gateway/" + name;
    }

    /** Not documented by ECS (unverified). */
    public String gatewayRoute(String gateway, String cluster, String service, String id) {
        return prefix + "gateway-route/" + gateway + "/" + cluster + "/" + service + "/" + id;
    }

    /**
     * The daemon ARNs, as in the API reference's examples ({@code daemon/my-cluster/my-monitoring-daemon},
     * {@code daemon-deployment/my-cluster/my-monitoring-daemon/xY9zA8bC7dE6fG5h},
     * {@code daemon-revision/my-cluster/my-monitoring-daemon/4980306466373577095},
     * {@code daemon-task-definition/monitoring-agent:2}) and the IAM resource types of ECS.
     */
    public String daemon(String cluster, String name) {
        return prefix + "daemon/" + cluster + "/" + name;
    }

    public String daemonDeployment(String cluster, String daemon, String id) {
        return prefix + "daemon-deployment/" + cluster + "/" + daemon + "/" + id;
    }

    public String daemonRevision(String cluster, String daemon, String id) {
        return prefix + "daemon-revision/" + cluster + "/" + daemon + "/" + id;
    }

    public String daemonTaskDefinition(String family, int revision) {
        return prefix + "daemon-task-definition/" + family + ":" + revision;
    }

    public String capacityProvider(String name) {
        return prefix + "capacity-provider/" + name;
    }

    /**
     * The resource part of an ECS ARN of this account and region ({@code cluster/dev},
     * {@code task-definition/web:3}, ...), or empty for anything else.
     */
    public Optional<String> resourceOf(String arn) {
        if (arn != null && arn.startsWith(prefix) && arn.length() > prefix.length()) {
            return Optional.of(arn.substring(prefix.length()));
        }
        return Optional.empty();
    }

    /**
     * The last path element of a "name or ARN" parameter: the parameter itself when it is not an ARN,
     * the name when it is an ARN of {@code type} in this account and region, empty when it is an ARN
     * that points elsewhere. For {@code service/cluster/name} and {@code task/cluster/id} the cluster
     * part is checked by the caller through {@link #parentOf}.
     */
    public Optional<String> nameOf(String nameOrArn, String type) {
        if (nameOrArn == null) {
            return Optional.empty();
        }
        if (!nameOrArn.startsWith("arn:")) {
            return Optional.of(nameOrArn);
        }
        return resourceOf(nameOrArn)
                .filter(resource -> resource.startsWith(type + "/"))
                .map(resource -> resource.substring(resource.lastIndexOf('/') + 1))
                .filter(name -> !name.isEmpty());
    }

    /**
     * For a long-format ARN {@code <type>/<cluster>/<name>}, the cluster part; empty for a name, a
     * short-format ARN or an ARN that points elsewhere.
     */
    public Optional<String> parentOf(String nameOrArn, String type) {
        return resourceOf(nameOrArn)
                .filter(resource -> resource.startsWith(type + "/"))
                .map(resource -> resource.substring(type.length() + 1))
                .filter(rest -> rest.indexOf('/') > 0)
                .map(rest -> rest.substring(0, rest.indexOf('/')));
    }

    /** Whether the text has the shape of an ARN at all: {@code arn:partition:service:region:account:resource}. */
    public static boolean looksLikeArn(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return false;
        }
        String[] parts = text.split(":", 6);
        return parts.length == 6 && !parts[1].isEmpty() && !parts[2].isEmpty() && !parts[5].isEmpty();
    }
}
