package dev.eventshop.order;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.eventshop.item.api.ReleaseStock;
import dev.eventshop.item.api.ReserveStock;
import dev.eventshop.item.api.StockReservationRejected;
import dev.eventshop.item.api.StockReserved;
import dev.eventshop.order.api.ConfirmOrder;
import dev.eventshop.order.api.OrderLine;
import dev.eventshop.order.api.OrderPlaced;
import dev.eventshop.order.api.OrderTimedOut;
import dev.eventshop.order.api.RejectOrder;
import dev.eventshop.order.api.RejectionReason;
import dev.eventshop.platform.commands.CommandRetryConfiguration;
import dev.eventshop.user.api.BalanceDebitRejected;
import dev.eventshop.user.api.DebitRejectionReason;
import dev.eventshop.user.api.BalanceDebited;
import dev.eventshop.user.api.DebitBalance;
import dev.eventshop.user.api.RefundBalance;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.util.ArrayList;
import java.util.List;

/**
 * Carries out an order: reserve the lines one by one (each at the price of the moment), debit the total,
 * confirm. Any failure releases what was reserved, refunds what was debited, and then rejects the order.
 *
 * <p>Commands go out through the local command bus, which handles them in a unit of work nested in this
 * saga's: their events are appended when the saga's step commits, in the same transaction as the saga's new
 * state and the processor's token. A step therefore takes effect exactly once or not at all, also across
 * crashes; if the commit fails (a conflicting append, say) the whole step is rolled back and retried. An id
 * that names no item or user shows up right here as an exception from the command.
 *
 * <p>The saga holds the order's lines and its progress, and names in each compensation what it gives back, so
 * that users and items need no memory of their orders; once the order is settled, its steps have no effect
 * ({@link dev.eventshop.common.SettledOrderGuard}). An order that does not finish in time is rejected when
 * its {@link OrderTimedOut} arrives: the order owns that deadline (see {@link Order} for why the saga does not).
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class OrderSaga { // public with a public constructor: Axon's saga factory instantiates it reflectively

    /** The name of the deadlines that sagas scheduled themselves, before orders owned them. */
    static final String LEGACY_TIMEOUT_DEADLINE = "order-timeout";
    private static final String ORDER_ID = "orderId";

    private String orderId;
    private String userId;
    private List<OrderLine> lines = new ArrayList<>();
    /** Index of the line whose reservation is asked for next (or whose answer is awaited). */
    private int nextLine;
    /** Items holding stock for this order, in reservation order, which a failure must release. */
    private List<String> reservedItems = new ArrayList<>();
    private long total;
    private boolean debited;
    /** A command whose answering event is stored but not yet seen: a failure must wait for it. */
    private Awaiting awaiting = Awaiting.NOTHING;
    private RejectionReason failure;

    private transient CommandGateway commandGateway;

    enum Awaiting { NOTHING, RESERVATION, DEBIT }

    public OrderSaga() {
        // for Axon and Jackson
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderPlaced event) {
        orderId = event.orderId();
        userId = event.userId();
        lines = new ArrayList<>(event.lines());
        reserveNextLineOrDebit();
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReserved event) {
        awaiting = Awaiting.NOTHING;
        reservedItems.add(event.itemId());
        if (failure != null) {
            compensateAndReject();
            return;
        }
        try {
            total = Math.addExact(total, Math.multiplyExact(event.unitPrice(), (long) event.quantity()));
        } catch (ArithmeticException overflow) {
            fail(RejectionReason.INSUFFICIENT_FUNDS); // no balance can pay a total beyond a long
            return;
        }
        nextLine++;
        reserveNextLineOrDebit();
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReservationRejected event) {
        awaiting = Awaiting.NOTHING;
        fail(RejectionReason.OUT_OF_STOCK);
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(BalanceDebited event) {
        awaiting = Awaiting.NOTHING;
        debited = true;
        if (failure != null) {
            compensateAndReject();
            return;
        }
        commandGateway.sendAndWait(new ConfirmOrder(orderId, total));
        SagaLifecycle.end();
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(BalanceDebitRejected event) {
        awaiting = Awaiting.NOTHING;
        fail(event.reason() == DebitRejectionReason.ACCOUNT_ERASED
                ? RejectionReason.ACCOUNT_ERASED : RejectionReason.INSUFFICIENT_FUNDS);
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderTimedOut event) {
        fail(RejectionReason.TIMEOUT);
    }

    /**
     * A deadline that a saga of an earlier version scheduled for itself, still due after an upgrade: it times the
     * order out as before. It may race with the saga processor on another node as described in {@link Order};
     * such deadlines are all gone one order timeout after the upgrade.
     */
    @DeadlineHandler(deadlineName = LEGACY_TIMEOUT_DEADLINE)
    void onLegacyTimeout() {
        fail(RejectionReason.TIMEOUT);
    }

    private void reserveNextLineOrDebit() {
        if (nextLine < lines.size()) {
            OrderLine line = lines.get(nextLine);
            try {
                commandGateway.sendAndWait(new ReserveStock(line.itemId(), orderId, line.quantity()));
                awaiting = Awaiting.RESERVATION;
            } catch (AggregateNotFoundException | IncompatibleAggregateException unknownItem) {
                fail(RejectionReason.UNKNOWN_ITEM); // no aggregate, or one that is not an item
            }
            return;
        }
        try {
            commandGateway.sendAndWait(new DebitBalance(userId, orderId, total));
            awaiting = Awaiting.DEBIT;
        } catch (AggregateNotFoundException | IncompatibleAggregateException unknownUser) {
            fail(RejectionReason.UNKNOWN_USER); // no aggregate, or one that is not a user
        }
    }

    /** Records the first failure and compensates as soon as no answer is outstanding. */
    private void fail(RejectionReason reason) {
        if (failure == null) {
            failure = reason;
        }
        compensateAndReject();
    }

    private void compensateAndReject() {
        if (awaiting != Awaiting.NOTHING) {
            return; // the answer is stored and on its way; compensate what it did when it arrives
        }
        // the steps name what they give back (the line's quantity, the debited total): users and items keep no
        // memory of their orders
        for (String itemId : reservedItems) {
            commandGateway.sendAndWait(new ReleaseStock(itemId, orderId, quantityOf(itemId)));
        }
        reservedItems.clear();
        if (debited) {
            commandGateway.sendAndWait(new RefundBalance(userId, orderId, total));
            debited = false;
        }
        commandGateway.sendAndWait(new RejectOrder(orderId, failure));
        SagaLifecycle.end();
    }

    /** The quantity of the order's line of an item: an order has at most one line per item. */
    private int quantityOf(String itemId) {
        return lines.stream().filter(line -> line.itemId().equals(itemId)).mapToInt(OrderLine::quantity)
                .findFirst().orElseThrow(() -> new IllegalStateException("Order " + orderId + " has no line of "
                        + itemId));
    }

    @Autowired
    void setCommandGateway(@Qualifier(CommandRetryConfiguration.SAGA_GATEWAY) CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }
}
