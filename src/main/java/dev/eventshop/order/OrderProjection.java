package dev.eventshop.order;

import dev.eventshop.item.api.StockReserved;
import dev.eventshop.order.api.FindOrder;
import dev.eventshop.order.api.FindOrdersOfUser;
import dev.eventshop.order.api.OrderConfirmed;
import dev.eventshop.order.api.OrderPlaced;
import dev.eventshop.order.api.OrderRejected;
import dev.eventshop.order.api.OrderView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Builds the orders read model from Order events (and the prices fixed by reservations). */
@Component
@ProcessingGroup(OrderConfiguration.ORDERS_PROJECTION)
class OrderProjection {

    private final OrderEntryRepository orders;

    OrderProjection(OrderEntryRepository orders) {
        this.orders = orders;
    }

    @EventHandler
    void on(OrderPlaced event, @Timestamp Instant at) {
        orders.save(new OrderEntry(event.orderId(), event.userId(),
                event.lines().stream().map(l -> new OrderEntry.LineEntry(l.itemId(), l.quantity())).toList(), at));
    }

    @EventHandler
    void on(StockReserved event, @Timestamp Instant at) {
        orders.findById(event.orderId()).ifPresent(order -> order.priceLine(event.itemId(), event.unitPrice(), at));
    }

    @EventHandler
    void on(OrderConfirmed event, @Timestamp Instant at) {
        orders.findById(event.orderId()).ifPresent(order -> order.confirm(event.total(), at));
    }

    @EventHandler
    void on(OrderRejected event, @Timestamp Instant at) {
        orders.findById(event.orderId()).ifPresent(order -> order.reject(event.reason(), at));
    }

    @ResetHandler
    void reset() {
        orders.deleteAllInBatch(); // the lines go with their order: on delete cascade
    }

    @QueryHandler
    Optional<OrderView> handle(FindOrder query) {
        return orders.findById(query.orderId()).map(OrderEntry::toView);
    }

    @QueryHandler
    List<OrderView> handle(FindOrdersOfUser query) {
        return orders.findByUserIdOrderByPlacedAtDesc(query.userId()).stream().map(OrderEntry::toView).toList();
    }
}
