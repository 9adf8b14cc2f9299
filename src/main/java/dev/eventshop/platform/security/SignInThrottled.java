package dev.eventshop.platform.security;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** Too many failed sign-ins for the account or from the address: refused without checking the password. */
class SignInThrottled extends AuthenticationException {

    private final Duration retryAfter;

    SignInThrottled(Duration retryAfter) {
        super("Too many failed sign-ins");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
