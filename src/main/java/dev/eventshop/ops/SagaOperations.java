package dev.eventshop.ops;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Active sagas per type with their associations, and the deadlines waiting in the scheduler. */
@Component
class SagaOperations {

    /** At most this many instances are listed per saga type. */
    static final int MAX_INSTANCES = 100;

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
                        instances(row.getString(1))));
    }

    List<PendingDeadline> deadlines() {
        return jdbc.query("""
                select task_instance, task_name, execution_time, picked from scheduled_tasks
                order by execution_time limit 1000""",
                (row, i) -> new PendingDeadline(row.getString(1), row.getString(2),
                        row.getTimestamp(3).toInstant(), row.getBoolean(4)));
    }

    private List<Instance> instances(String sagaType) {
        List<String> ids = jdbc.queryForList(
                "select saga_id from saga_entry where saga_type = ? order by saga_id limit " + MAX_INSTANCES,
                String.class, sagaType);
        return ids.stream().map(id -> new Instance(id, jdbc.query(
                "select association_key, association_value from association_value_entry where saga_id = ?",
                (row, i) -> Map.entry(row.getString(1), row.getString(2)), id).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a + "," + b))))
                .toList();
    }
}
