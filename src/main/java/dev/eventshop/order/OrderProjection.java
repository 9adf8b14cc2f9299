package dev.eventshop.order;

import dev.eventshop.item.api.StockReserved;
import dev.eventshop.order.api.FindOrder;
import dev.eventshop.order.api.OrderConfirmed;
import dev.eventshop.order.api.OrderPlaced;
import dev.eventshop.order.api.OrderRejected;
import dev.eventshop.platform.projections.NewRows;
import dev.eventshop.platform.projections.ProjectionSlot;
import dev.eventshop.platform.views.ViewUpdates;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Builds one generation of the orders read model from Order events (and the prices fixed by reservations): one
 * instance per slot (see {@link OrderConfiguration}), beside the {@link OrderStory} of the same slot.
 */
class OrderProjection {

    static final String NAME = "orders";
    /** Raise it when a change here or in OrderStory needs the view rebuilt: a node with the new code rebuilds it. */
    static final int VERSION = 1;

    private final ProjectionSlot slot;
    private final OrderEntryRepository orders;
    private final ViewUpdates updates;
    private final NewRows rows;

    OrderProjection(ProjectionSlot slot, OrderEntryRepository orders, ViewUpdates updates, NewRows rows) {
        this.slot = slot;
        this.orders = orders;
        this.updates = updates;
        this.rows = rows;
    }

    @EventHandler
    void on(OrderPlaced event, @Timestamp Instant at) {
        emit(rows.add(slot, new OrderEntry(slot.generation(), event.orderId(), event.userId(),
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

    private void update(String orderId, Consumer<OrderEntry> change) {
        orders.findById(new OrderEntry.Key(slot.generation(), orderId)).ifPresent(order -> {
            change.accept(order);
            emit(order);
        });
    }

    /** To subscription queries (live order updates), once this batch has committed. */
    private void emit(OrderEntry order) {
        String id = order.orderId();
        updates.emit(slot, FindOrder.class, query -> query.orderId().equals(id), order::toView);
    }
}
