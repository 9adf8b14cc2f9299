package dev.eventshop.user;

/**
 * Where a registration keeps the customer's password hash: beside the event store, not in it, so that erasure can
 * delete it. Given to the {@link User} constructor as a resource.
 */
interface PasswordHashes {

    /** Keeps the hash in the caller's transaction: it is gone again if the registration is not stored. */
    void store(String userId, String passwordHash);
}
