package dev.eventshop.item.api;

import dev.eventshop.common.OrderStep;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Holds stock for an order at today's price; once the order is settled it has no effect. */
public record ReserveStock(@TargetAggregateIdentifier String itemId, String orderId, int quantity)
        implements OrderStep {
}
