package dev.eventshop.order;

import dev.eventshop.platform.history.AuditEntry;
import dev.eventshop.platform.history.AuditTrail;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Reads each order's story ({@link OrderStory}) from the generation that serves this node: the events it names,
 * joined to the store in one statement, a page at a time in the order of the store.
 */
@Component
class OrderStories {

    private static final String STORY = "select " + AuditTrail.COLUMNS + """
             from order_story_event s
            join domain_event_entry e
              on e.aggregate_identifier = s.aggregate_identifier and e.sequence_number = s.sequence_number
            where s.generation = serving_generation(?, ?) and s.order_id = ? and e.global_index > ?
            order by e.global_index limit ?""";

    private final AuditTrail auditTrail;

    OrderStories(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    /** Up to {@code limit} events of the order's story after a position in the store (-1: from its start). */
    List<AuditEntry> of(String orderId, long afterPosition, int limit) {
        return auditTrail.select(STORY, OrderProjection.NAME, OrderProjection.VERSION, orderId, afterPosition, limit);
    }
}
