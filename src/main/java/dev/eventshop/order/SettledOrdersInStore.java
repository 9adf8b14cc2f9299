package dev.eventshop.order;

import dev.eventshop.common.SettledOrders;
import dev.eventshop.order.api.OrderConfirmed;
import dev.eventshop.order.api.OrderRejected;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * An order is settled once its stream holds its confirmation or rejection. Read from the store, in the caller's
 * transaction, rather than from the order's cached aggregate: a cache is per node, and another node may have
 * settled the order. The stream after the placement is at most one event long, so this is one short indexed read.
 */
class SettledOrdersInStore implements SettledOrders {

    /** The sequence number of an order's first event after {@code OrderPlaced}. */
    private static final long AFTER_PLACEMENT = 1;

    private final EventStore eventStore;

    SettledOrdersInStore(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean isSettled(String orderId) {
        DomainEventStream events = eventStore.readEvents(orderId, AFTER_PLACEMENT);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayload() instanceof OrderConfirmed || event.getPayload() instanceof OrderRejected) {
                return true;
            }
        }
        return false;
    }
}
