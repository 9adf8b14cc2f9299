package dev.eventshop.platform.security;

import java.util.Optional;

/** Where sign-in finds a customer by e-mail: provided by the user feature, which owns registrations. */
public interface CustomerCredentials {

    /** @param email as the customer typed it: case and surrounding spaces do not matter */
    Optional<Customer> findByEmail(String email);

    /** A registered customer: whose account it is, and the hash of the password they registered with. */
    record Customer(String userId, String passwordHash) {
    }
}
