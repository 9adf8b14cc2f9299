package dev.eventshop.item.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Holds stock for an order at today's price; a second reservation for the same order has no effect. */
public record ReserveStock(@TargetAggregateIdentifier String itemId, String orderId, int quantity) {
}
