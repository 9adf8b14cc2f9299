package dev.eventshop.platform.cluster;

import java.lang.management.ManagementFactory;

/** This node among those sharing one PostgreSQL. */
public final class ClusterNode {

    /** The same name Axon gives this node as a token owner ({@code pid@host}), so both can be matched. */
    public static final String ID = ManagementFactory.getRuntimeMXBean().getName();

    private ClusterNode() {
    }
}
