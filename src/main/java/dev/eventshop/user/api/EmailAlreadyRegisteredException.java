package dev.eventshop.user.api;

import dev.eventshop.common.BusinessRuleViolation;

/**
 * Thrown when registering a user with an e-mail address another user already has. The answer does not repeat the
 * address: whoever asks learns only what they sent, not a confirmed account name to guess passwords for.
 */
public class EmailAlreadyRegisteredException extends BusinessRuleViolation {

    public EmailAlreadyRegisteredException() {
        super("email-taken", "This e-mail address is already registered");
    }
}
