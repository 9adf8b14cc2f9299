package dev.eventshop.item.api;

import dev.eventshop.common.OrderStep;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Puts back the stock an order reserved (compensation). It names the quantity, which the saga knows from the
 * order's line, so that the item need not remember its reservations; once the order is settled it has no effect.
 */
public record ReleaseStock(@TargetAggregateIdentifier String itemId, String orderId, int quantity)
        implements OrderStep {
}
