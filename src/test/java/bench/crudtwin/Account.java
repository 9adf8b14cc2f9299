package bench.crudtwin;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The twin's whole state: a row per account, its balance overwritten by every top-up. */
@Entity
@Table(schema = "bench", name = "crud_account")
class Account {

    @Id
    private String accountId;
    private long balance;
    @Version
    private long version;

    protected Account() {
    }

    void topUp(long amount) {
        balance += amount;
    }

    String accountId() {
        return accountId;
    }

    long balance() {
        return balance;
    }

    long version() {
        return version;
    }
}
