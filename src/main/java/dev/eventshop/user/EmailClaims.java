package dev.eventshop.user;

import dev.eventshop.user.api.EmailAlreadyRegisteredException;
import dev.eventshop.user.api.UserRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Keeps e-mail addresses unique across users, which no single aggregate can decide, and lets customers sign
 * in with them (see {@link Credentials}).
 *
 * <p>Runs in a subscribing processor, so the claim is written in the very transaction that stores
 * {@link UserRegistered}: when the address is taken, the exception rolls the registration back and no
 * event is stored. A claim exists exactly when its user does and is not erased ({@link Erasures} frees it).
 */
@Component
@ProcessingGroup(EmailClaims.PROCESSING_GROUP)
class EmailClaims {

    static final String PROCESSING_GROUP = "user-email-claims";

    private final JdbcTemplate jdbc;

    EmailClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserRegistered event) {
        String email = normalize(event.email());
        int claimed = jdbc.update("""
                insert into user_email_claim (email, user_id) values (?, ?)
                on conflict (email) do nothing""", email, event.userId());
        if (claimed == 0 && !event.userId().equals(ownerOf(email))) {
            throw new EmailAlreadyRegisteredException();
        }
        // else: this very user again, a retried registration that the event store will recognise
    }

    /** Frees the address of an erased account, in the caller's transaction: anyone may register with it again. */
    void release(String userId) {
        jdbc.update("delete from user_email_claim where user_id = ?", userId);
    }

    private String ownerOf(String email) {
        return jdbc.queryForObject("select user_id from user_email_claim where email = ?", String.class, email);
    }

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
