package dev.eventshop.ops;

import dev.eventshop.platform.web.Cursor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Active sagas per type with their associations, and the deadlines waiting in the scheduler. */
@Component
class SagaOperations {

    /** The summary lists at most this many instances per saga type, and this many deadlines. */
    static final int MAX_INSTANCES = 100;
    static final int MAX_DEADLINES = 1_000;

    private final JdbcTemplate jdbc;

    SagaOperations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record SagaType(String type, long active, List<Instance> instances) {
    }

    record Instance(String sagaId, Map<String, String> associations) {
    }

    record PendingDeadline(String id, String task, Instant dueAt, boolean running) {
    }

    List<SagaType> sagas() {
        return jdbc.query("select saga_type, count(*) from saga_entry group by saga_type order by saga_type",
                (row, i) -> new SagaType(TypeNames.simple(row.getString(1)), row.getLong(2),
                        instances(TypeNames.simple(row.getString(1)), null, MAX_INSTANCES)));
    }

    /** Pending deadlines, the soonest first, after a cursor's (null: from the soonest). */
    List<PendingDeadline> deadlines(Cursor after, int limit) {
        String where = after == null ? "" : "where (execution_time, task_name, task_instance) > (?, ?, ?)";
        Object[] arguments = after == null ? new Object[] {limit}
                : new Object[] {Timestamp.from(after.instant(0)), after.text(1), after.text(2), limit};
        return jdbc.query("""
                select task_instance, task_name, execution_time, picked from scheduled_tasks %s
                order by execution_time, task_name, task_instance limit ?""".formatted(where),
                (row, i) -> new PendingDeadline(row.getString(1), row.getString(2),
                        row.getTimestamp(3).toInstant(), row.getBoolean(4)), arguments);
    }

    /** Active sagas of one type (its simple name), by id, after a saga id (null: from the first). */
    List<Instance> instances(String simpleType, String afterSagaId, int limit) {
        List<String> ids = jdbc.queryForList("""
                select saga_id from saga_entry where (saga_type = ? or saga_type like ?) and saga_id > ?
                order by saga_id limit ?""", String.class, simpleType, "%." + simpleType,
                afterSagaId == null ? "" : afterSagaId, limit);
        Map<String, Map<String, String>> associations = new LinkedHashMap<>();
        ids.forEach(id -> associations.put(id, new TreeMap<>()));
        if (!ids.isEmpty()) {
            // every association of the page in one statement
            jdbc.query("select saga_id, association_key, association_value from association_value_entry "
                            + "where saga_id = any(?)",
                    (RowCallbackHandler) row -> associations.get(row.getString(1))
                            .merge(row.getString(2), row.getString(3), (a, b) -> a + "," + b),
                    (Object) ids.toArray(String[]::new));
        }
        return associations.entrySet().stream().map(e -> new Instance(e.getKey(), e.getValue())).toList();
    }
}
