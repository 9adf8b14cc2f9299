package dev.eventshop.user.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds money (in cents) to a user's balance. */
public record TopUpBalance(@TargetAggregateIdentifier String userId, long amount) {
}
