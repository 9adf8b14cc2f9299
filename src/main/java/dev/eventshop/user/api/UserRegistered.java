package dev.eventshop.user.api;

import dev.eventshop.platform.privacy.DataSubject;
import dev.eventshop.platform.privacy.PersonalData;
import dev.eventshop.platform.privacy.RetiredPersonalData;
import org.axonframework.serialization.Revision;

/**
 * A customer account was opened.
 *
 * <p>The name and the e-mail are stored sealed with the user's data key and read as null once the user is erased
 * (platform/privacy). The password hash is not part of the event: credentials live in a table of their own, so that
 * erasure can delete them. Revision 1 carried the hash and revision 0 (before sign-in) did not; both are read as
 * revision 2 without it.
 */
@Revision(UserRegistered.REVISION)
@RetiredPersonalData("passwordHash")
public record UserRegistered(@DataSubject String userId, @PersonalData String name, @PersonalData String email) {

    public static final String REVISION = "2";
}
