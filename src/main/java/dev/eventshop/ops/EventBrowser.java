package dev.eventshop.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventshop.platform.history.AuditTrail;
import dev.eventshop.platform.privacy.PersonalDataProtection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages through the event store as it is stored, newest first, filtered by aggregate, event type and time.
 * Plain SQL: the payloads are JSON already, and the browser shows them as written (before upcasting), except that
 * sealed personal data is shown as it reads now: revealed, or null once the person is erased.
 */
@Component
class EventBrowser {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final PersonalDataProtection personalData;

    EventBrowser(JdbcTemplate jdbc, ObjectMapper json, PersonalDataProtection personalData) {
        this.jdbc = jdbc;
        this.json = json;
        this.personalData = personalData;
    }

    record Filter(String aggregateId, String type, Instant from, Instant to) {
    }

    /** @param before the global index to page back from (exclusive); null for the newest */
    List<StoredEvent> page(Filter filter, Long before, int size) {
        StringBuilder where = new StringBuilder("where true");
        List<Object> arguments = new ArrayList<>();
        if (filter.aggregateId() != null) {
            where.append(" and aggregate_identifier = ?");
            arguments.add(filter.aggregateId());
        }
        if (filter.type() != null) {
            where.append(" and (payload_type = ? or payload_type like ?)");
            arguments.add(filter.type());
            arguments.add("%." + filter.type());
        }
        if (filter.from() != null) {
            where.append(" and time_stamp::timestamptz >= ?::timestamptz");
            arguments.add(filter.from().toString());
        }
        if (filter.to() != null) {
            where.append(" and time_stamp::timestamptz < ?::timestamptz");
            arguments.add(filter.to().toString());
        }
        if (before != null) {
            where.append(" and global_index < ?");
            arguments.add(before);
        }
        arguments.add(size);
        return jdbc.query("""
                select global_index, aggregate_identifier, type, sequence_number, payload_type, payload_revision,
                       time_stamp, convert_from(payload, 'UTF8'), convert_from(meta_data, 'UTF8')
                from domain_event_entry %s order by global_index desc limit ?""".formatted(where),
                (row, i) -> {
                    JsonNode payload = read(row.getString(8));
                    boolean erased = personalData.reveal(row.getString(5), payload);
                    return new StoredEvent(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4),
                            TypeNames.simple(row.getString(5)), row.getString(6), Instant.parse(row.getString(7)),
                            withoutSecrets(payload), erased, read(row.getString(9)).path("principal").asText(null));
                },
                arguments.toArray());
    }

    private JsonNode read(String text) {
        try {
            return text == null ? json.createObjectNode() : json.readTree(text);
        } catch (Exception unreadable) {
            return json.getNodeFactory().textNode(text);
        }
    }

    private static JsonNode withoutSecrets(JsonNode payload) {
        if (payload.isObject()) {
            ((ObjectNode) payload).remove(AuditTrail.SECRET_FIELDS);
        }
        return payload;
    }
}
