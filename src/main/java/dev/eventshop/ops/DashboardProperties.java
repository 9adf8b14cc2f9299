package dev.eventshop.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param sampleInterval how often the live charts of the dashboard get a new point (throughput and latency)
 * @param history        how far back the live charts reach; older points are dropped
 */
@ConfigurationProperties("eventshop.dashboard")
record DashboardProperties(@DefaultValue("1s") Duration sampleInterval,
                           @DefaultValue("5m") Duration history) {

    int capacity() {
        return (int) Math.max(1, history.toMillis() / Math.max(1, sampleInterval.toMillis()));
    }
}
