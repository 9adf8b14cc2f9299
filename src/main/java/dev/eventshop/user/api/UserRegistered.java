package dev.eventshop.user.api;

import dev.eventshop.platform.privacy.DataSubject;
import dev.eventshop.platform.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/**
 * A customer account was opened.
 *
 * <p>Revision 1 added {@code passwordHash} (sign-in); older events have none and are upcast with a null hash,
 * so those accounts keep their balance but cannot sign in (setting a password is not built yet).
 *
 * <p>The name, the e-mail and the hash are stored sealed with the user's data key and read as null once the
 * user is erased (platform/privacy).
 */
@Revision(UserRegistered.REVISION)
public record UserRegistered(@DataSubject String userId, @PersonalData String name, @PersonalData String email,
                             @PersonalData String passwordHash) {

    public static final String REVISION = "1";
}
