package dev.eventshop.user.api;

import org.axonframework.serialization.Revision;

/**
 * A customer account was opened.
 *
 * <p>Revision 1 added {@code passwordHash} (sign-in); older events have none and are upcast with a null hash,
 * so those accounts keep their balance but cannot sign in (setting a password is not built yet).
 */
@Revision(UserRegistered.REVISION)
public record UserRegistered(String userId, String name, String email, String passwordHash) {

    public static final String REVISION = "1";
}
