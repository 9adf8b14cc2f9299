package dev.eventshop.platform.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Reads stored events (upcast to their current shape) for audit trails. */
@Component
public class AuditTrail {

    /** Metadata key under which the principal who caused a message travels (see {@code MessageMetadata}). */
    public static final String PRINCIPAL = "principal";
    static final String CORRELATION_ID = "correlationId";

    private final EventStore events;

    AuditTrail(EventStore events) {
        this.events = events;
    }

    /** Every event of one aggregate, in order; empty when there is no aggregate of that type with this id. */
    public List<AuditEntry> of(String aggregateType, String aggregateId) {
        DomainEventStream stream = events.readEvents(aggregateId, 0);
        List<AuditEntry> entries = new ArrayList<>();
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (!aggregateType.equals(event.getType())) {
                return List.of();
            }
            entries.add(entryOf(event));
        }
        return entries;
    }

    /** The given events, each named by its aggregate and sequence number, in the order given. */
    public List<AuditEntry> events(List<EventReference> references) {
        return references.stream()
                .map(reference -> {
                    DomainEventStream stream = events.readEvents(reference.aggregateId(), reference.sequence());
                    return stream.hasNext() ? entryOf(stream.next()) : null;
                })
                .filter(Objects::nonNull)
                .toList();
    }

    private static AuditEntry entryOf(DomainEventMessage<?> event) {
        return new AuditEntry(event.getAggregateIdentifier(), event.getType(), event.getSequenceNumber(),
                event.getPayloadType().getSimpleName(), event.getTimestamp(), event.getPayload(),
                (String) event.getMetaData().get(PRINCIPAL), (String) event.getMetaData().get(CORRELATION_ID));
    }

    /** Names one stored event. */
    public record EventReference(String aggregateId, long sequence) {
    }
}
