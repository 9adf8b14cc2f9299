package dev.eventshop.item.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RestockItem(@TargetAggregateIdentifier String itemId, int quantity) {
}
