package dev.eventshop.user.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens a customer account with a zero balance.
 *
 * @param passwordHash the hash of the password the customer signs in with (never the password itself)
 */
public record RegisterUser(@TargetAggregateIdentifier String userId, String name, String email,
                           String passwordHash) {
}
