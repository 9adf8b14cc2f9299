package dev.eventshop.platform.history;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Reads stored events (upcast to their current shape) for audit trails. */
@Component
public class AuditTrail {

    /** Metadata key under which the principal who caused a message travels (see {@code MessageMetadata}). */
    public static final String PRINCIPAL = "principal";
    static final String CORRELATION_ID = "correlationId";
    static final String TRACE_ID = "traceId";
    /** Fields no audit trail or event browser shows, whoever asks: a password hash can be cracked offline. */
    public static final Set<String> SECRET_FIELDS = Set.of("passwordHash");

    private final EventStore events;
    private final ObjectMapper json;

    AuditTrail(EventStore events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    /** Every event of one aggregate, in order; empty when there is no aggregate of that type with this id. */
    public List<AuditEntry> of(String aggregateType, String aggregateId) {
        List<AuditEntry> entries = of(aggregateId);
        return entries.isEmpty() || !aggregateType.equals(entries.get(0).aggregateType()) ? List.of() : entries;
    }

    /** Every event of one aggregate, whatever its type, in order: its timeline. */
    public List<AuditEntry> of(String aggregateId) {
        DomainEventStream stream = events.readEvents(aggregateId, 0);
        List<AuditEntry> entries = new ArrayList<>();
        while (stream.hasNext()) {
            entries.add(entryOf(stream.next()));
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

    private AuditEntry entryOf(DomainEventMessage<?> event) {
        return new AuditEntry(event.getAggregateIdentifier(), event.getType(), event.getSequenceNumber(),
                event.getPayloadType().getSimpleName(), event.getTimestamp(), withoutSecrets(event.getPayload()),
                (String) event.getMetaData().get(PRINCIPAL), (String) event.getMetaData().get(CORRELATION_ID),
                (String) event.getMetaData().get(TRACE_ID));
    }

    private Map<String, Object> withoutSecrets(Object payload) {
        Map<String, Object> fields = json.convertValue(payload, new TypeReference<>() { });
        fields.keySet().removeAll(SECRET_FIELDS);
        return fields;
    }

    /** Names one stored event. */
    public record EventReference(String aggregateId, long sequence) {
    }
}
