package dev.eventshop.user;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.eventshop.common.BusinessRuleViolation;
import dev.eventshop.platform.privacy.DataSubject;
import dev.eventshop.platform.privacy.PersonalData;
import dev.eventshop.user.api.BalanceChange;
import dev.eventshop.user.api.BalanceDebitRejected;
import dev.eventshop.user.api.BalanceDebited;
import dev.eventshop.user.api.BalanceRefunded;
import dev.eventshop.user.api.BalanceToppedUp;
import dev.eventshop.user.api.DebitBalance;
import dev.eventshop.user.api.DebitRejectionReason;
import dev.eventshop.user.api.EraseUser;
import dev.eventshop.user.api.RefundBalance;
import dev.eventshop.user.api.RegisterUser;
import dev.eventshop.user.api.TopUpBalance;
import dev.eventshop.user.api.UserErased;
import dev.eventshop.user.api.UserRegistered;
import dev.eventshop.user.api.UserView;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer account. Decides on balance changes; its event-sourcing handlers only assign state.
 *
 * <p>It remembers nothing of its orders: the saga names the amount of a refund, and a repeated debit or refund of
 * a settled order never reaches it ({@link dev.eventshop.common.SettledOrderGuard}). Its state, and so its
 * snapshot and cache entry, stays the same size however many orders the customer places.
 *
 * <p>Snapshots are Jackson JSON of the fields (hence field visibility); bump {@link Revision} whenever the
 * fields change so that old snapshots are ignored and the user is rebuilt from its events. Revision 3 dropped
 * the per-order memory of revision 2; revision 4 added erasure.
 *
 * <p>An erased account keeps its events and balance: refunds still reach it (a pending order ends either way),
 * but it pays for nothing more and takes no more top-ups.
 */
@Aggregate(snapshotTriggerDefinition = "userSnapshotTrigger", cache = "userCache")
@Revision("4")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class User {

    @AggregateIdentifier
    @DataSubject
    private String userId;
    @PersonalData // sealed in snapshots too
    private String name;
    @PersonalData
    private String email;
    private long balance;
    private boolean erased;

    User() {
        // for Axon and Jackson
    }

    /** The password hash goes to the credentials, in this transaction; the event keeps none. */
    @CommandHandler
    User(RegisterUser command, PasswordHashes passwordHashes) {
        passwordHashes.store(command.userId(), command.passwordHash());
        apply(new UserRegistered(command.userId(), command.name(), command.email()));
    }

    /** Once: a repeated erasure changes nothing and stores nothing. */
    @CommandHandler
    void handle(EraseUser command) {
        if (!erased) {
            apply(new UserErased(userId, command.requestedBy()));
        }
    }

    @CommandHandler
    BalanceChange handle(TopUpBalance command) {
        if (erased) {
            throw new BusinessRuleViolation("account-erased", "The account is erased: it takes no more top-ups");
        }
        if (command.amount() <= 0) {
            throw new BusinessRuleViolation("amount-not-positive", "A top-up amount must be positive");
        }
        apply(new BalanceToppedUp(userId, command.amount(), balancePlus(command.amount())));
        return new BalanceChange(userId, balance, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    void handle(DebitBalance command) {
        if (command.amount() < 0) {
            throw new BusinessRuleViolation("amount-negative", "A debit amount must not be negative");
        }
        if (erased) {
            apply(new BalanceDebitRejected(userId, command.orderId(), command.amount(), balance,
                    DebitRejectionReason.ACCOUNT_ERASED));
        } else if (command.amount() > balance) {
            apply(new BalanceDebitRejected(userId, command.orderId(), command.amount(), balance,
                    DebitRejectionReason.INSUFFICIENT_FUNDS));
        } else {
            apply(new BalanceDebited(userId, command.orderId(), command.amount(), balance - command.amount()));
        }
    }

    @CommandHandler
    void handle(RefundBalance command) {
        if (command.amount() < 0) {
            throw new BusinessRuleViolation("amount-negative", "A refund amount must not be negative");
        }
        apply(new BalanceRefunded(userId, command.orderId(), command.amount(), balancePlus(command.amount())));
    }

    /** The balance after adding an amount, refused when it would overflow. */
    private long balancePlus(long amount) {
        try {
            return Math.addExact(balance, amount);
        } catch (ArithmeticException overflow) {
            throw new BusinessRuleViolation("balance-overflow", "The balance would exceed its maximum");
        }
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        userId = event.userId();
        name = event.name();
        email = event.email();
        balance = 0;
    }

    @EventSourcingHandler
    void on(UserErased event) {
        erased = true;
        name = null;
        email = null;
    }

    @EventSourcingHandler
    void on(BalanceToppedUp event) {
        balance = event.balanceAfter();
    }

    @EventSourcingHandler
    void on(BalanceDebited event) {
        balance = event.balanceAfter();
    }

    @EventSourcingHandler
    void on(BalanceRefunded event) {
        balance = event.balanceAfter();
    }

    /** The account as the users view shows it, for time travel (this aggregate rebuilt to a past instant). */
    UserView toView(long version) {
        return new UserView(userId, name, email, balance, version, erased);
    }
}
