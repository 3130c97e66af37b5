package io.github.ecsmock.internal.state;

/**
 * A gateway route: a service's container port reached through a gateway associated with the
 * service's cluster. Made when a service is created or updated with gateway connectors, removed when
 * an update drops them or the service is gone.
 */
public final class GatewayRouteEntry {
    final long sequence;
    final String arn;
    final String gatewayArn;
    final String clusterArn;
    final String serviceArn;
    final String portName;
    final String serviceUrl;
    String status = "CREATE_IN_PROGRESS";

    GatewayRouteEntry(long sequence, String arn, String gatewayArn, String clusterArn, String serviceArn, String portName,
                      String serviceUrl) {
        this.sequence = sequence;
        this.arn = arn;
        this.gatewayArn = gatewayArn;
        this.clusterArn = clusterArn;
        this.serviceArn = serviceArn;
        this.portName = portName;
        this.serviceUrl = serviceUrl;
    }

    public long sequence() {
        return sequence;
    }

    public String arn() {
        return arn;
    }

    public String gatewayArn() {
        return gatewayArn;
    }

    public String clusterArn() {
        return clusterArn;
    }

    public String serviceArn() {
        return serviceArn;
    }

    public String portName() {
        return portName;
    }

    public String serviceUrl() {
        return serviceUrl;
    }

    public String status() {
        return status;
    }
}
