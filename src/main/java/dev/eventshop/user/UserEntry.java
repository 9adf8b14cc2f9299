package dev.eventshop.user;

import dev.eventshop.user.api.UserView;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the users read model. */
@Entity
@Table(name = "user_view")
class UserEntry {

    @Id
    private String userId;
    private String name;
    private String email;
    private long balance;
    private long version;

    protected UserEntry() {
    }

    UserEntry(String userId, String name, String email, long version) {
        this.userId = userId;
        this.name = name;
        this.email = email;
        this.version = version;
    }

    void changeBalance(long balance, long version) {
        this.balance = balance;
        this.version = version;
    }

    String userId() {
        return userId;
    }

    UserView toView() {
        return new UserView(userId, name, email, balance, version);
    }
}
