package dev.eventshop.order;

import dev.eventshop.common.ReplayScope;
import dev.eventshop.item.api.StockReserved;
import dev.eventshop.order.api.FindOrder;
import dev.eventshop.order.api.FindOrdersOfUser;
import dev.eventshop.order.api.OrderConfirmed;
import dev.eventshop.order.api.OrderPlaced;
import dev.eventshop.order.api.OrderRejected;
import dev.eventshop.order.api.OrderView;
import dev.eventshop.platform.views.ViewUpdates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Builds the orders read model from Order events (and the prices fixed by reservations). */
@Component
@ProcessingGroup(OrderConfiguration.ORDERS_PROJECTION)
class OrderProjection {

    private final OrderEntryRepository orders;
    private final ViewUpdates updates;

    OrderProjection(OrderEntryRepository orders, ViewUpdates updates) {
        this.orders = orders;
        this.updates = updates;
    }

    @EventHandler
    void on(OrderPlaced event, @Timestamp Instant at) {
        emit(orders.save(new OrderEntry(event.orderId(), event.userId(),
                event.lines().stream().map(l -> new OrderEntry.LineEntry(l.itemId(), l.quantity())).toList(), at)));
    }

    @EventHandler
    void on(StockReserved event, @Timestamp Instant at) {
        update(event.orderId(), order -> order.priceLine(event.itemId(), event.unitPrice(), at));
    }

    @EventHandler
    void on(OrderConfirmed event, @Timestamp Instant at, @SequenceNumber long version) {
        update(event.orderId(), order -> order.confirm(event.total(), at, version));
    }

    @EventHandler
    void on(OrderRejected event, @Timestamp Instant at, @SequenceNumber long version) {
        update(event.orderId(), order -> order.reject(event.reason(), at, version));
    }

    /** A replay from the start, or a reset without a scope (as Axon's own tools make), rebuilds from nothing. */
    @ResetHandler
    void reset() {
        orders.deleteAllInBatch(); // the lines go with their order: on delete cascade
    }

    /** A replay from an instant handles the later events again onto the view as it stands: see ReplayScope. */
    @ResetHandler
    void reset(ReplayScope scope) {
        if (scope == ReplayScope.FROM_START) {
            reset();
        }
    }

    @QueryHandler
    Optional<OrderView> handle(FindOrder query) {
        return orders.findById(query.orderId()).map(OrderEntry::toView);
    }

    @QueryHandler
    List<OrderView> handle(FindOrdersOfUser query) {
        return orders.findByUserIdOrderByPlacedAtDesc(query.userId()).stream().map(OrderEntry::toView).toList();
    }

    private void update(String orderId, Consumer<OrderEntry> change) {
        orders.findById(orderId).ifPresent(order -> {
            change.accept(order);
            emit(order);
        });
    }

    /** To subscription queries (live order updates), once this batch has committed. */
    private void emit(OrderEntry order) {
        String id = order.orderId();
        updates.emit(FindOrder.class, query -> query.orderId().equals(id), order::toView);
    }
}
