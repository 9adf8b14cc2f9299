package dev.eventshop.user.api;

import org.axonframework.serialization.Revision;

/**
 * A customer account was opened.
 *
 * <p>Revision 1 added {@code passwordHash} (sign-in); older events have none and are upcast with a null hash,
 * so those accounts cannot sign in until they are given a password.
 */
@Revision(UserRegistered.REVISION)
public record UserRegistered(String userId, String name, String email, String passwordHash) {

    public static final String REVISION = "1";
}
