package io.github.ecsmock.internal.state;

/**
 * A gateway's association with a cluster: ACTIVE, then DISASSOCIATING once disassociated, INACTIVE
 * when no route of the cluster uses the gateway any more (at once in the mock, which makes no routes).
 */
public final class GatewayAssociation {
    final long sequence;
    final String gatewayArn;
    final String clusterArn;
    String status = "ACTIVE";
    /** Set once its move to INACTIVE is scheduled. */
    boolean finishing;

    GatewayAssociation(long sequence, String gatewayArn, String clusterArn) {
        this.sequence = sequence;
        this.gatewayArn = gatewayArn;
        this.clusterArn = clusterArn;
    }

    public long sequence() {
        return sequence;
    }

    public String gatewayArn() {
        return gatewayArn;
    }

    public String clusterArn() {
        return clusterArn;
    }

    public String status() {
        return status;
    }

    /** ACTIVE or DISASSOCIATING: what keeps a gateway from being deleted. */
    public boolean isLive() {
        return !"INACTIVE".equals(status);
    }
}
