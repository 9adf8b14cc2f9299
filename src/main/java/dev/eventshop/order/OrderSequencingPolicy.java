package dev.eventshop.order;

import dev.eventshop.item.api.StockReserved;
import dev.eventshop.order.api.OrderConfirmed;
import dev.eventshop.order.api.OrderPlaced;
import dev.eventshop.order.api.OrderRejected;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * The orders view takes events from two kinds of aggregate: an order's own and the items' reservations for
 * it. Sequencing them by order id keeps one order's events in one segment and in order, however many
 * segments the processor is split into (the default, per aggregate, could price a line before the order
 * exists).
 */
class OrderSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof OrderPlaced placed) {
            return placed.orderId();
        } else if (payload instanceof StockReserved reserved) {
            return reserved.orderId();
        } else if (payload instanceof OrderConfirmed confirmed) {
            return confirmed.orderId();
        } else if (payload instanceof OrderRejected rejected) {
            return rejected.orderId();
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
