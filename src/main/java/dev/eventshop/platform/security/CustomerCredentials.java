package dev.eventshop.platform.security;

import java.util.Optional;

/** Where sign-in finds a customer by e-mail: provided by the user feature, which owns registrations. */
public interface CustomerCredentials {

    /** @param email as the customer typed it: case and surrounding spaces do not matter */
    Optional<Customer> findByEmail(String email);

    /** Whether the account can still sign in with the credential it registered: false once it is erased. */
    boolean canSignIn(String userId);

    /** A registered customer: whose account it is, and the hash of the password they registered with. */
    record Customer(String userId, String passwordHash) {
    }
}
