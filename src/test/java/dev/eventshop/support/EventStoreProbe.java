package dev.eventshop.support;

import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the event store with plain SQL, to check what was really appended. */
public class EventStoreProbe {

    private final JdbcTemplate jdbc;

    public EventStoreProbe(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long countEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    public long countEventsOf(String aggregateId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateId);
    }

    /** Sum of a numeric field over one aggregate's events of one type (e.g. the amounts of BalanceDebited). */
    public long sum(String aggregateId, Class<?> eventType, String field) {
        Long sum = jdbc.queryForObject("""
                select coalesce(sum((convert_from(payload, 'UTF8')::jsonb ->> ?)::bigint), 0)
                from domain_event_entry where aggregate_identifier = ? and payload_type = ?""",
                Long.class, field, aggregateId, eventType.getName());
        return sum == null ? 0 : sum;
    }

    public long count(String aggregateId, Class<?> eventType) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type = ?",
                Long.class, aggregateId, eventType.getName());
    }
}
