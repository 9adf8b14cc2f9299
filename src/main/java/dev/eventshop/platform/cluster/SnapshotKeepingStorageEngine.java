package dev.eventshop.platform.cluster;

import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;

/**
 * Axon's JPA storage engine, except that a new snapshot does not delete the older ones of its aggregate: time
 * travel ({@code platform/history/TimeTravel}) starts from the newest snapshot before the instant it is asked about, so that
 * looking at any moment of a long history costs one snapshot and at most a snapshot interval of events. Loading an
 * aggregate still reads only the newest snapshot. The price is one snapshot row per snapshot interval of events
 * (a hundred by default), a small fraction of the events themselves.
 */
class SnapshotKeepingStorageEngine extends JpaEventStorageEngine {

    SnapshotKeepingStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected void deleteSnapshots(String aggregateIdentifier, long sequenceNumber) {
        // kept: see the class comment
    }
}
