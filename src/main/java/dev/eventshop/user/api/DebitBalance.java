package dev.eventshop.user.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes the total of an order from a user's balance; a second debit for the same order has no effect. */
public record DebitBalance(@TargetAggregateIdentifier String userId, String orderId, long amount) {
}
