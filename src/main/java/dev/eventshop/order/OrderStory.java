package dev.eventshop.order;

import dev.eventshop.common.AboutAnOrder;
import dev.eventshop.platform.projections.ProjectionSlot;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Remembers, in one generation of the orders projection, which stored events tell each order's story: its own,
 * and those of the items and the user its saga touched. Part of the orders projection, so it is sequenced by
 * order id and rebuilt with it; {@link OrderStories} reads it.
 */
class OrderStory {

    private final ProjectionSlot slot;
    private final JdbcTemplate jdbc;

    OrderStory(ProjectionSlot slot, JdbcTemplate jdbc) {
        this.slot = slot;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AboutAnOrder payload, DomainEventMessage<?> event) {
        jdbc.update("""
                insert into order_story_event (generation, order_id, aggregate_identifier, sequence_number)
                values (?, ?, ?, ?) on conflict (generation, aggregate_identifier, sequence_number) do nothing""",
                slot.generation(), payload.orderId(), event.getAggregateIdentifier(), event.getSequenceNumber());
    }
}
