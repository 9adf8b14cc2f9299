package dev.eventshop.platform.history;

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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads stored events with one SQL statement, upcast and deserialized as Axon's event store hands them out. Axon's
 * store reads one aggregate's stream, or the whole store in order; a page of a trail, or the events an order's story
 * names across aggregates, is one statement here instead of one read per event.
 */
@Component
class StoredEvents {

    /** The columns a statement must select first, in this order, from {@code domain_event_entry e}. */
    static final String COLUMNS = "e.global_index, e.type, e.aggregate_identifier, e.sequence_number, "
            + "e.event_identifier, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Configuration axon;

    StoredEvents(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer, Configuration axon) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.axon = axon;
    }

    /** An event and its position in the store (its global index). */
    record Stored(long position, DomainEventMessage<?> message) {
    }

    /** The events a statement selecting {@link #COLUMNS} finds, in the statement's order. */
    List<Stored> query(String sql, Object... arguments) {
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
