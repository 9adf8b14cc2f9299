package dev.eventshop.platform.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the nodes that share one PostgreSQL find each other and share the work.
 *
 * @param notifyChannel     the PostgreSQL channel on which a commit that appended events wakes every node's
 *                          event processors (LISTEN/NOTIFY)
 * @param reconnectDelay    how long the listener waits before it connects again after losing its connection
 * @param heartbeatInterval how often a node says it is alive and checks that it holds no more than its share of
 *                          each processor's segments
 * @param nodeTimeout       a node not heard of for this long no longer counts when segments are shared out
 */
@ConfigurationProperties("eventshop.cluster")
public record ClusterProperties(@DefaultValue("eventshop_events") String notifyChannel,
                                @DefaultValue("1s") Duration reconnectDelay,
                                @DefaultValue("2s") Duration heartbeatInterval,
                                @DefaultValue("10s") Duration nodeTimeout) {
}
