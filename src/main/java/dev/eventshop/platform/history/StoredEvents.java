package dev.eventshop.platform.history;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads stored events with one SQL statement, upcast and deserialized as Axon's event store hands them out. Axon's
 * store reads one aggregate's stream, or the whole store in order; a page of a trail, or the events an order's story
 * names across aggregates, is one statement here instead of one read per event. And it reads the newest snapshot
 * only, where time travel needs the newest one before an instant.
 */
@Component
public class StoredEvents {

    /** The columns a statement must select first, in this order, from {@code domain_event_entry e}. */
    public static final String COLUMNS = "e.global_index, e.type, e.aggregate_identifier, e.sequence_number, "
            + "e.event_identifier, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Serializer snapshotSerializer;
    private final Configuration axon;

    StoredEvents(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
                 Serializer snapshotSerializer, Configuration axon) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.snapshotSerializer = snapshotSerializer;
        this.axon = axon;
    }

    /**
     * The newest snapshot of an aggregate, of its type and revision, that covers no event after {@code instant}: one
     * descent of an index (see the migration that keeps snapshots for time travel). The serializer and snapshot
     * filter are the storage engine's, as when Axon reads the newest snapshot.
     */
    Optional<DomainEventMessage<?>> snapshotAt(String aggregateId, String type, String revision, Instant instant) {
        List<GenericDomainEventEntry<byte[]>> entries = jdbc.query("""
                select type, aggregate_identifier, sequence_number, event_identifier, time_stamp, payload_type,
                       payload_revision, payload, meta_data
                from snapshot_event_entry
                where aggregate_identifier = ? and payload_revision is not distinct from ? and type = ?
                  and last_event_time_stamp <= ?
                order by last_event_time_stamp desc, sequence_number desc limit 1""",
                (row, i) -> new GenericDomainEventEntry<>(row.getString(1), row.getString(2), row.getLong(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getBytes(8),
                        row.getBytes(9)),
                aggregateId, revision, type, DateTimeUtils.formatInstant(instant));
        return entries.stream().filter(axon.snapshotFilter()::allow).findFirst()
                .flatMap(entry -> EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry),
                        snapshotSerializer, axon.upcasterChain()).asStream().findFirst());
    }

    /** An event and its position in the store (its global index). */
    public record Stored(long position, DomainEventMessage<?> message) {
    }

    /** The events a statement selecting {@link #COLUMNS} finds, in the statement's order. */
    public List<Stored> query(String sql, Object... arguments) {
        Map<String, Long> positions = new HashMap<>();
        List<GenericDomainEventEntry<byte[]>> entries = jdbc.query(sql, (row, i) -> {
            positions.put(row.getString(5), row.getLong(1));
            return new GenericDomainEventEntry<>(row.getString(2), row.getString(3), row.getLong(4),
                    row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getBytes(9),
                    row.getBytes(10));
        }, arguments);
        EventUpcaster upcasters = axon.upcasterChain();
        DomainEventStream stream = EventStreamUtils.upcastAndDeserializeDomainEvents(entries.stream(), serializer,
                upcasters);
        List<Stored> events = new ArrayList<>();
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            // an upcaster keeps an event's identifier (EventShop's change one event into one event)
            events.add(new Stored(positions.getOrDefault(event.getIdentifier(), -1L), event));
        }
        return events;
    }
}
