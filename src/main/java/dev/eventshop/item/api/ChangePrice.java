package dev.eventshop.item.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes the unit price of future reservations; reservations already made keep their price. */
public record ChangePrice(@TargetAggregateIdentifier String itemId, long price) {
}
