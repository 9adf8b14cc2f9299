package dev.eventshop.user;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.eventshop.common.BusinessRuleViolation;
import dev.eventshop.user.api.BalanceChange;
import dev.eventshop.user.api.BalanceDebitRejected;
import dev.eventshop.user.api.BalanceDebited;
import dev.eventshop.user.api.BalanceRefunded;
import dev.eventshop.user.api.BalanceToppedUp;
import dev.eventshop.user.api.DebitBalance;
import dev.eventshop.user.api.DebitRejectionReason;
import dev.eventshop.user.api.RefundBalance;
import dev.eventshop.user.api.RegisterUser;
import dev.eventshop.user.api.TopUpBalance;
import dev.eventshop.user.api.UserRegistered;
import dev.eventshop.user.api.UserView;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer account. Decides on balance changes; its event-sourcing handlers only assign state.
 *
 * <p>Snapshots are Jackson JSON of the fields (hence field visibility); bump {@link Revision} whenever the
 * fields change so that old snapshots are ignored and the user is rebuilt from its events.
 */
@Aggregate(snapshotTriggerDefinition = "userSnapshotTrigger", cache = "userCache")
@Revision("2")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class User {

    @AggregateIdentifier
    private String userId;
    private String name;
    private String email;
    private long balance;
    /** Debits still held, by order id: what a refund gives back. */
    private Map<String, Long> debitsByOrder = new HashMap<>();
    /** Orders whose debit was decided (debited or rejected): a repeated debit has no second effect. */
    private Set<String> decidedOrders = new HashSet<>();

    User() {
        // for Axon and Jackson
    }

    @CommandHandler
    User(RegisterUser command) {
        apply(new UserRegistered(command.userId(), command.name(), command.email(), command.passwordHash()));
    }

    @CommandHandler
    BalanceChange handle(TopUpBalance command) {
        if (command.amount() <= 0) {
            throw new BusinessRuleViolation("amount-not-positive", "A top-up amount must be positive");
        }
        long balanceAfter;
        try {
            balanceAfter = Math.addExact(balance, command.amount());
        } catch (ArithmeticException overflow) {
            throw new BusinessRuleViolation("balance-overflow", "The balance would exceed its maximum");
        }
        apply(new BalanceToppedUp(userId, command.amount(), balanceAfter));
        return new BalanceChange(userId, balance, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    void handle(DebitBalance command) {
        if (decidedOrders.contains(command.orderId())) {
            return;
        }
        if (command.amount() < 0) {
            throw new BusinessRuleViolation("amount-negative", "A debit amount must not be negative");
        }
        if (command.amount() > balance) {
            apply(new BalanceDebitRejected(userId, command.orderId(), command.amount(), balance,
                    DebitRejectionReason.INSUFFICIENT_FUNDS));
        } else {
            apply(new BalanceDebited(userId, command.orderId(), command.amount(), balance - command.amount()));
        }
    }

    @CommandHandler
    void handle(RefundBalance command) {
        Long amount = debitsByOrder.get(command.orderId());
        if (amount == null) {
            return; // never debited, or already refunded
        }
        apply(new BalanceRefunded(userId, command.orderId(), amount, balance + amount));
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        userId = event.userId();
        name = event.name();
        email = event.email();
        balance = 0;
    }

    @EventSourcingHandler
    void on(BalanceToppedUp event) {
        balance = event.balanceAfter();
    }

    @EventSourcingHandler
    void on(BalanceDebited event) {
        balance = event.balanceAfter();
        debitsByOrder.put(event.orderId(), event.amount());
        decidedOrders.add(event.orderId());
    }

    @EventSourcingHandler
    void on(BalanceDebitRejected event) {
        decidedOrders.add(event.orderId());
    }

    @EventSourcingHandler
    void on(BalanceRefunded event) {
        balance = event.balanceAfter();
        debitsByOrder.remove(event.orderId());
    }

    /** The account as the users view shows it, for time travel (this aggregate rebuilt to a past instant). */
    UserView toView(long version) {
        return new UserView(userId, name, email, balance, version);
    }
}
