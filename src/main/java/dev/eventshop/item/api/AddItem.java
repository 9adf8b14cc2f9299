package dev.eventshop.item.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Puts a new line in the warehouse with its unit price (cents) and initial stock. */
public record AddItem(@TargetAggregateIdentifier String itemId, String name, long price, int stock) {
}
