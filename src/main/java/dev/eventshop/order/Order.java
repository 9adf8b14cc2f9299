package dev.eventshop.order;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.eventshop.common.BusinessRuleViolation;
import dev.eventshop.order.api.ConfirmOrder;
import dev.eventshop.order.api.OrderConfirmed;
import dev.eventshop.order.api.OrderLine;
import dev.eventshop.order.api.OrderPlaced;
import dev.eventshop.order.api.OrderRejected;
import dev.eventshop.order.api.OrderStatus;
import dev.eventshop.order.api.OrderTimedOut;
import dev.eventshop.order.api.PlaceOrder;
import dev.eventshop.order.api.RejectOrder;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An order's life: PENDING until the saga confirms or rejects it, and then never again changed.
 *
 * <p>The order, not its saga, owns the deadline. A deadline handled by the saga runs outside the saga processor
 * (on whichever node's scheduler picks it up) and writes the saga's state back as it loaded it, so with two
 * nodes it could overwrite a step the processor committed meanwhile (an order then rejected still held a
 * reservation the lost step had made). Here the deadline only appends {@link OrderTimedOut}, and the saga
 * reacts to that event in its processor, in order with the order's other events.
 */
@Aggregate(cache = "orderCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class Order {

    static final String TIMEOUT_DEADLINE = "order-timeout";

    @AggregateIdentifier
    private String orderId;
    private String userId;
    private OrderStatus status;
    private boolean timedOut;

    Order() {
        // for Axon
    }

    @CommandHandler
    Order(PlaceOrder command, DeadlineManager deadlineManager, OrderProperties properties) {
        List<OrderLine> lines = command.lines();
        if (lines == null || lines.isEmpty()) {
            throw new BusinessRuleViolation("order-without-lines", "An order needs at least one line");
        }
        Set<String> items = new HashSet<>();
        for (OrderLine line : lines) {
            if (line.quantity() <= 0) {
                throw new BusinessRuleViolation("quantity-not-positive", "A quantity must be positive");
            }
            if (!items.add(line.itemId())) {
                throw new BusinessRuleViolation("duplicate-order-line",
                        "Item " + line.itemId() + " appears on more than one line");
            }
        }
        apply(new OrderPlaced(command.orderId(), command.userId(), List.copyOf(lines)));
        // scheduled in the command's transaction: the deadline exists exactly when the order does
        deadlineManager.schedule(properties.timeout(), TIMEOUT_DEADLINE);
    }

    /**
     * Not cancelled when the order settles: cancelling races with a deadline already running, which db-scheduler
     * reports as an error that would roll the settlement back. A deadline that comes late changes nothing.
     * Run once more after a crash, it changes nothing either.
     */
    @DeadlineHandler(deadlineName = TIMEOUT_DEADLINE)
    void onTimeout() {
        if (status == OrderStatus.PENDING && !timedOut) {
            apply(new OrderTimedOut(orderId, userId));
        }
    }

    @CommandHandler
    void handle(ConfirmOrder command) {
        if (status == OrderStatus.CONFIRMED) {
            return;
        }
        requirePending();
        apply(new OrderConfirmed(orderId, userId, command.total()));
    }

    @CommandHandler
    void handle(RejectOrder command) {
        if (status == OrderStatus.REJECTED) {
            return;
        }
        requirePending();
        apply(new OrderRejected(orderId, userId, command.reason()));
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
        userId = event.userId();
        status = OrderStatus.PENDING;
    }

    @EventSourcingHandler
    void on(OrderTimedOut event) {
        timedOut = true;
    }

    @EventSourcingHandler
    void on(OrderConfirmed event) {
        status = OrderStatus.CONFIRMED;
    }

    @EventSourcingHandler
    void on(OrderRejected event) {
        status = OrderStatus.REJECTED;
    }

    private void requirePending() {
        if (status != OrderStatus.PENDING) {
            throw new BusinessRuleViolation("order-already-" + status.name().toLowerCase(),
                    "Order " + orderId + " is already " + status);
        }
    }
}
