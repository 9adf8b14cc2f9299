package dev.eventshop.user.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erases a customer's personal data (the right to be forgotten): their data key is destroyed, so their name and
 * e-mail read as null everywhere, and they can no longer sign in. The account's events, balance and orders stay.
 *
 * @param requestedBy who asked: the customer themselves or the admin
 */
public record EraseUser(@TargetAggregateIdentifier String userId, String requestedBy) {
}
