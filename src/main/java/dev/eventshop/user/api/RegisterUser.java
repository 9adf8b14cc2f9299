package dev.eventshop.user.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a customer account with a zero balance. */
public record RegisterUser(@TargetAggregateIdentifier String userId, String name, String email) {
}
