package dev.eventshop.order;

import dev.eventshop.common.AboutAnOrder;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * The orders view takes events from three kinds of aggregate: an order's own, and its items' and its user's
 * events about it. Sequencing them by order id keeps one order's events in one segment and in order, however
 * many segments the processor is split into (the default, per aggregate, could price a line before the order
 * exists).
 */
class OrderSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (event.getPayload() instanceof AboutAnOrder aboutAnOrder) {
            return aboutAnOrder.orderId();
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
