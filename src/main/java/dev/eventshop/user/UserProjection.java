package dev.eventshop.user;

import dev.eventshop.common.ReplayScope;
import dev.eventshop.platform.views.ViewUpdates;
import dev.eventshop.user.api.BalanceDebitRejected;
import dev.eventshop.user.api.BalanceDebited;
import dev.eventshop.user.api.BalanceRefunded;
import dev.eventshop.user.api.BalanceToppedUp;
import dev.eventshop.user.api.FindUser;
import dev.eventshop.user.api.UserRegistered;
import dev.eventshop.user.api.UserView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Builds the users read model from User events and answers queries on it. */
@Component
@ProcessingGroup("users")
class UserProjection {

    private final UserEntryRepository users;
    private final ViewUpdates updates;

    UserProjection(UserEntryRepository users, ViewUpdates updates) {
        this.users = users;
        this.updates = updates;
    }

    @EventHandler
    void on(UserRegistered event, @SequenceNumber long version) {
        emit(users.save(new UserEntry(event.userId(), event.name(), event.email(), version)));
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

    /** A replay from the start, or a reset without a scope (as Axon's own tools make), rebuilds from nothing. */
    @ResetHandler
    void reset() {
        users.deleteAllInBatch();
    }

    /** A replay from an instant handles the later events again onto the view as it stands: see ReplayScope. */
    @ResetHandler
    void reset(ReplayScope scope) {
        if (scope == ReplayScope.FROM_START) {
            reset();
        }
    }

    @QueryHandler
    Optional<UserView> handle(FindUser query) {
        return users.findById(query.userId()).map(UserEntry::toView);
    }

    /** To subscription queries (read-your-writes waits), once this batch has committed. */
    private void emit(UserEntry user) {
        String id = user.userId();
        updates.emit(FindUser.class, query -> query.userId().equals(id), user::toView);
    }

    private void updateBalance(String userId, long balance, long version) {
        users.findById(userId).ifPresent(user -> {
            user.changeBalance(balance, version);
            emit(user);
        });
    }
}
