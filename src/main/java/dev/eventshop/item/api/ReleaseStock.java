package dev.eventshop.item.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Puts an order's reserved stock back (compensation); at most once per order. */
public record ReleaseStock(@TargetAggregateIdentifier String itemId, String orderId) {
}
