package dev.eventshop.order;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.eventshop.common.BusinessRuleViolation;
import dev.eventshop.order.api.ConfirmOrder;
import dev.eventshop.order.api.OrderConfirmed;
import dev.eventshop.order.api.OrderLine;
import dev.eventshop.order.api.OrderPlaced;
import dev.eventshop.order.api.OrderRejected;
import dev.eventshop.order.api.OrderStatus;
import dev.eventshop.order.api.PlaceOrder;
import dev.eventshop.order.api.RejectOrder;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An order's life: PENDING until the saga confirms or rejects it, and then never again changed. */
@Aggregate(cache = "orderCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class Order {

    @AggregateIdentifier
    private String orderId;
    private String userId;
    private OrderStatus status;

    Order() {
        // for Axon
    }

    @CommandHandler
    Order(PlaceOrder command) {
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
