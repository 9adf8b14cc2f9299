package dev.eventshop.user;

import dev.eventshop.platform.projections.NewRows;
import dev.eventshop.platform.projections.ProjectionSlot;
import dev.eventshop.platform.views.ViewUpdates;
import dev.eventshop.user.api.BalanceDebitRejected;
import dev.eventshop.user.api.BalanceDebited;
import dev.eventshop.user.api.BalanceRefunded;
import dev.eventshop.user.api.BalanceToppedUp;
import dev.eventshop.user.api.FindUser;
import dev.eventshop.user.api.UserErased;
import dev.eventshop.user.api.UserRegistered;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

/**
 * Builds one generation of the users read model from User events: one instance per slot (see
 * {@link UserConfiguration}). It writes absolute values (the balance after each event), so an event handled twice
 * leaves the same row.
 */
class UserProjection {

    static final String NAME = "users";
    /** Raise it when a change here needs the view rebuilt: a node with the new code rebuilds it on start. */
    static final int VERSION = 1;

    private final ProjectionSlot slot;
    private final UserEntryRepository users;
    private final ViewUpdates updates;
    private final NewRows rows;

    UserProjection(ProjectionSlot slot, UserEntryRepository users, ViewUpdates updates, NewRows rows) {
        this.slot = slot;
        this.users = users;
        this.updates = updates;
        this.rows = rows;
    }

    @EventHandler
    void on(UserRegistered event, @SequenceNumber long version) {
        emit(rows.add(slot, new UserEntry(slot.generation(), event.userId(), event.name(), event.email(), version)));
    }

    @EventHandler
    void on(UserErased event, @SequenceNumber long version) {
        users.findById(new UserEntry.Key(slot.generation(), event.userId())).ifPresent(user -> {
            user.erase(version);
            emit(user);
        });
    }

    @EventHandler
    void on(BalanceToppedUp event, @SequenceNumber long version) {
        updateBalance(event.userId(), event.balanceAfter(), version);
    }

    @EventHandler
    void on(BalanceDebited event, @SequenceNumber long version) {
        updateBalance(event.userId(), event.balanceAfter(), version);
    }

    @EventHandler
    void on(BalanceDebitRejected event, @SequenceNumber long version) {
        updateBalance(event.userId(), event.balance(), version); // unchanged balance, but a new version
    }

    @EventHandler
    void on(BalanceRefunded event, @SequenceNumber long version) {
        updateBalance(event.userId(), event.balanceAfter(), version);
    }

    /** To subscription queries (read-your-writes waits), once this batch has committed. */
    private void emit(UserEntry user) {
        String id = user.userId();
        updates.emit(slot, FindUser.class, query -> query.userId().equals(id), user::toView);
    }

    private void updateBalance(String userId, long balance, long version) {
        users.findById(new UserEntry.Key(slot.generation(), userId)).ifPresent(user -> {
            user.changeBalance(balance, version);
            emit(user);
        });
    }
}
