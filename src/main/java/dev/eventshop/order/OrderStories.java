package dev.eventshop.order;

import dev.eventshop.platform.history.AuditTrail.EventReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** Reads each order's story ({@link OrderStory}) from the generation that serves this node. */
@Component
class OrderStories {

    private final JdbcTemplate jdbc;

    OrderStories(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<EventReference> of(String orderId) {
        return jdbc.query("""
                select aggregate_identifier, sequence_number from order_story_event
                where generation = serving_generation(?, ?) and order_id = ? order by id""",
                (row, i) -> new EventReference(row.getString(1), row.getLong(2)),
                OrderProjection.NAME, OrderProjection.VERSION, orderId);
    }
}
