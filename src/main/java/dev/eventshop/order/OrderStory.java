package dev.eventshop.order;

import dev.eventshop.common.AboutAnOrder;
import dev.eventshop.common.ReplayScope;
import dev.eventshop.platform.history.AuditTrail.EventReference;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Remembers which stored events tell each order's story: its own, and those of the items and the user its
 * saga touched. Part of the orders projection, so it is sequenced by order id and rebuilt on replay.
 */
@Component
@ProcessingGroup(OrderConfiguration.ORDERS_PROJECTION)
class OrderStory {

    private final JdbcTemplate jdbc;

    OrderStory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AboutAnOrder payload, DomainEventMessage<?> event) {
        jdbc.update("""
                insert into order_story_event (order_id, aggregate_identifier, sequence_number) values (?, ?, ?)
                on conflict (aggregate_identifier, sequence_number) do nothing""",
                payload.orderId(), event.getAggregateIdentifier(), event.getSequenceNumber());
    }

    /** A replay from the start, or a reset without a scope (as Axon's own tools make), rebuilds from nothing. */
    @ResetHandler
    void reset() {
        jdbc.update("delete from order_story_event");
    }

    /** A replay from an instant handles the later events again onto the view as it stands: see ReplayScope. */
    @ResetHandler
    void reset(ReplayScope scope) {
        if (scope == ReplayScope.FROM_START) {
            reset();
        }
    }

    List<EventReference> of(String orderId) {
        return jdbc.query("""
                select aggregate_identifier, sequence_number from order_story_event where order_id = ? order by id""",
                (row, i) -> new EventReference(row.getString(1), row.getLong(2)), orderId);
    }
}
