package dev.eventshop.user.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives back what an order's debit took (compensation); at most once per order. */
public record RefundBalance(@TargetAggregateIdentifier String userId, String orderId) {
}
