package dev.eventshop.order.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the saga once every line is reserved and the total debited. */
public record ConfirmOrder(@TargetAggregateIdentifier String orderId, long total) {
}
