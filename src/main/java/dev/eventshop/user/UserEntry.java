package dev.eventshop.user;

import dev.eventshop.user.api.UserView;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** A row of the users read model, in one generation of it. */
@Entity
@Table(name = "user_view")
@IdClass(UserEntry.Key.class)
class UserEntry {

    @Id
    private long generation;
    @Id
    private String userId;
    private String name;
    private String email;
    private long balance;
    private long version;
    private boolean erased;

    /** A user's row in a generation. */
    record Key(long generation, String userId) implements Serializable {
    }

    protected UserEntry() {
    }

    UserEntry(long generation, String userId, String name, String email, long version) {
        this.generation = generation;
        this.userId = userId;
        this.name = name;
        this.email = email;
        this.version = version;
    }

    void changeBalance(long balance, long version) {
        this.balance = balance;
        this.version = version;
    }

    /** The customer's personal data is erased: the row keeps the balance and forgets the rest. */
    void erase(long version) {
        this.name = null;
        this.email = null;
        this.erased = true;
        this.version = version;
    }

    String userId() {
        return userId;
    }

    UserView toView() {
        return new UserView(userId, name, email, balance, version, erased);
    }
}
