package dev.eventshop.user;

import dev.eventshop.platform.security.CustomerCredentials;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Customers' password hashes, in {@code user_credential}: written with the registration, read by sign-in (through
 * the e-mail claim), deleted by erasure. They are kept out of the events because a hash can be attacked offline and
 * an event can never be deleted.
 */
@Component
class Credentials implements PasswordHashes, CustomerCredentials {

    private final JdbcTemplate jdbc;

    Credentials(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void store(String userId, String passwordHash) {
        // a retried registration of an existing account stores nothing: its append fails and rolls this back anyway
        jdbc.update("insert into user_credential (user_id, password_hash) values (?, ?) on conflict do nothing",
                userId, passwordHash);
    }

    @Override
    public Optional<Customer> findByEmail(String email) {
        return jdbc.query("""
                        select c.user_id, h.password_hash from user_email_claim c
                        left join user_credential h on h.user_id = c.user_id where c.email = ?""",
                (row, i) -> new Customer(row.getString(1), row.getString(2)), EmailClaims.normalize(email))
                .stream().findFirst();
    }

    @Override
    public boolean canSignIn(String userId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from user_credential where user_id = ?)", Boolean.class, userId));
    }

    /** The hash the account registered with; empty for accounts registered before passwords, or erased. */
    Optional<String> hashOf(String userId) {
        return jdbc.queryForList("select password_hash from user_credential where user_id = ?", String.class, userId)
                .stream().findFirst();
    }

    /** Deletes the account's credential, in the caller's transaction. */
    void delete(String userId) {
        jdbc.update("delete from user_credential where user_id = ?", userId);
    }
}
