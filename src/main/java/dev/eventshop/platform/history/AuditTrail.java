package dev.eventshop.platform.history;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import dev.eventshop.platform.privacy.PersonalDataProtection;
import dev.eventshop.platform.web.Cursor;
import dev.eventshop.platform.web.Pages;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads stored events (upcast to their current shape) for audit trails, a page at a time. */
@Component
public class AuditTrail {

    /** Metadata key under which the principal who caused a message travels (see {@code MessageMetadata}). */
    public static final String PRINCIPAL = "principal";
    static final String CORRELATION_ID = "correlationId";
    static final String TRACE_ID = "traceId";
    /** Fields no audit trail or event browser shows, whoever asks: a password hash can be cracked offline. */
    public static final Set<String> SECRET_FIELDS = Set.of("passwordHash");
    /** The columns a statement given to {@link #select} starts with. */
    public static final String COLUMNS = StoredEvents.COLUMNS;
    /** The name of an audit trail's cursors: a trail pages by sequence number. */
    private static final String CURSOR = "trail";
    /** The events of one aggregate, in order: its unique (aggregate, sequence) index answers the page. */
    private static final String TRAIL = "select " + StoredEvents.COLUMNS + " from domain_event_entry e"
            + " where e.aggregate_identifier = ? and e.sequence_number > ? and (e.type = ? or ?::text is null)"
            + " order by e.sequence_number limit ?";

    private final StoredEvents events;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final PersonalDataProtection personalData;

    AuditTrail(StoredEvents events, JdbcTemplate jdbc, ObjectMapper json, PersonalDataProtection personalData) {
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
        this.personalData = personalData;
    }

    /**
     * Up to {@code limit} events of one aggregate after a sequence number (-1 for the first), in order.
     *
     * @param aggregateType the aggregate's type (User, Item, Order); null for any
     */
    public List<AuditEntry> of(String aggregateType, String aggregateId, long afterSequence, int limit) {
        return select(TRAIL, aggregateId, afterSequence, aggregateType, aggregateType, limit);
    }

    /**
     * A page of one aggregate's trail as a paged list answers it ({@link Pages}); empty when there is no such
     * aggregate.
     */
    public Optional<ResponseEntity<List<AuditEntry>>> page(String aggregateType, String aggregateId, int limit,
                                                           String after) {
        Cursor cursor = Cursor.read(CURSOR, after, 1);
        List<AuditEntry> entries = of(aggregateType, aggregateId, cursor == null ? -1 : cursor.number(0),
                Pages.fetchSize(limit));
        if (entries.isEmpty() && !exists(aggregateType, aggregateId)) {
            return Optional.empty();
        }
        return Optional.of(Pages.answer(entries, limit, entry -> Cursor.of(CURSOR, entry.sequence())));
    }

    /** Whether there is an aggregate of that type (null: of any type) with this id. */
    public boolean exists(String aggregateType, String aggregateId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from domain_event_entry
                where aggregate_identifier = ? and sequence_number = 0 and (type = ? or ?::text is null))""",
                Boolean.class, aggregateId, aggregateType, aggregateType));
    }

    /**
     * The events a statement finds, in its order: it selects {@link #COLUMNS} from {@code domain_event_entry e},
     * and may join whatever names the events it wants (an order's story, say).
     */
    public List<AuditEntry> select(String sql, Object... arguments) {
        return events.query(sql, arguments).stream().map(this::entryOf).toList();
    }

    private AuditEntry entryOf(StoredEvents.Stored stored) {
        DomainEventMessage<?> event = stored.message();
        Map<String, Object> payload = withoutSecrets(event.getPayload());
        return new AuditEntry(event.getAggregateIdentifier(), event.getType(), event.getSequenceNumber(),
                stored.position(), event.getPayloadType().getSimpleName(), event.getTimestamp(), payload,
                personalData.namesErasedPerson(event.getPayloadType(), payload),
                (String) event.getMetaData().get(PRINCIPAL),
                (String) event.getMetaData().get(CORRELATION_ID), (String) event.getMetaData().get(TRACE_ID));
    }

    private Map<String, Object> withoutSecrets(Object payload) {
        Map<String, Object> fields = json.convertValue(payload, new TypeReference<>() { });
        fields.keySet().removeAll(SECRET_FIELDS);
        return fields;
    }
}
