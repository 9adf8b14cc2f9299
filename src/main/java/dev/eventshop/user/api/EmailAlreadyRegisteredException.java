package dev.eventshop.user.api;

import dev.eventshop.common.BusinessRuleViolation;

/** Thrown when registering a user with an e-mail address another user already has. */
public class EmailAlreadyRegisteredException extends BusinessRuleViolation {

    public EmailAlreadyRegisteredException(String email) {
        super("email-taken", "The e-mail address " + email + " is already registered");
    }
}
