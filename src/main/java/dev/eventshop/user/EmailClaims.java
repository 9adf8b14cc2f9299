package dev.eventshop.user;

import dev.eventshop.platform.security.CustomerCredentials;
import dev.eventshop.user.api.EmailAlreadyRegisteredException;
import dev.eventshop.user.api.UserRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/**
 * Keeps e-mail addresses unique across users, which no single aggregate can decide, and lets customers sign
 * in with them.
 *
 * <p>Runs in a subscribing processor, so the claim is written in the very transaction that stores
 * {@link UserRegistered}: when the address is taken, the exception rolls the registration back and no
 * event is stored. A claim exists exactly when its user does.
 */
@Component
@ProcessingGroup(EmailClaims.PROCESSING_GROUP)
class EmailClaims implements CustomerCredentials {

    static final String PROCESSING_GROUP = "user-email-claims";

    private final JdbcTemplate jdbc;

    EmailClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserRegistered event) {
        String email = normalize(event.email());
        int claimed = jdbc.update("""
                insert into user_email_claim (email, user_id, password_hash) values (?, ?, ?)
                on conflict (email) do nothing""", email, event.userId(), event.passwordHash());
        if (claimed == 0 && !event.userId().equals(ownerOf(email))) {
            throw new EmailAlreadyRegisteredException();
        }
        // else: this very user again, a retried registration that the event store will recognise
    }

    @Override
    public Optional<Customer> findByEmail(String email) {
        return jdbc.query("select user_id, password_hash from user_email_claim where email = ?",
                (row, i) -> new Customer(row.getString(1), row.getString(2)), normalize(email)).stream().findFirst();
    }

    private String ownerOf(String email) {
        return jdbc.queryForObject("select user_id from user_email_claim where email = ?", String.class, email);
    }

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
