package dev.eventshop.platform.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param userThreshold events on a User after which a snapshot is taken
 * @param itemThreshold events on an Item after which a snapshot is taken
 */
@ConfigurationProperties("eventshop.snapshots")
record SnapshotProperties(@DefaultValue("100") int userThreshold, @DefaultValue("100") int itemThreshold) {
}
