package dev.eventshop.user;

import dev.eventshop.platform.privacy.PersonalDataProtection;
import dev.eventshop.platform.security.RememberedSignIns;
import dev.eventshop.user.api.UserErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Carries out an erasure in the very transaction that stores {@link UserErased} (a subscribing processor, as
 * {@link EmailClaims}): the data key is destroyed, the e-mail claim and the credential are deleted, and the users
 * view forgets the name and e-mail in every generation it keeps, retired ones too. Either all of it happens and the
 * event is stored, or nothing does.
 *
 * <p>The users projection handles the event as well, later, in its own generation; this makes the view right at
 * once, and covers the generations no processor writes any more.
 */
@Component
@ProcessingGroup(EmailClaims.PROCESSING_GROUP)
class Erasures {

    private final PersonalDataProtection personalData;
    private final EmailClaims claims;
    private final Credentials credentials;
    private final RememberedSignIns signIns;
    private final JdbcTemplate jdbc;

    Erasures(PersonalDataProtection personalData, EmailClaims claims, Credentials credentials,
             RememberedSignIns signIns, JdbcTemplate jdbc) {
        this.personalData = personalData;
        this.claims = claims;
        this.credentials = credentials;
        this.signIns = signIns;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserErased event) {
        String userId = event.userId();
        personalData.erase(userId);
        claims.release(userId);
        credentials.delete(userId);
        jdbc.update("update user_view set name = null, email = null, erased = true where user_id = ?", userId);
        // once the credential is gone for every connection, sign-ins this node remembers must look again
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(committed -> signIns.recheck(userId)));
    }
}
