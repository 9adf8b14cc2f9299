package dev.eventshop.order;

import dev.eventshop.item.api.StockReleased;
import dev.eventshop.item.api.StockReservationRejected;
import dev.eventshop.item.api.StockReserved;
import dev.eventshop.order.api.OrderConfirmed;
import dev.eventshop.order.api.OrderPlaced;
import dev.eventshop.order.api.OrderRejected;
import dev.eventshop.user.api.BalanceDebitRejected;
import dev.eventshop.user.api.BalanceDebited;
import dev.eventshop.user.api.BalanceRefunded;

import java.util.Optional;

/** Which order an event is about, whichever aggregate stored it. */
final class OrderEvents {

    private OrderEvents() {
    }

    static Optional<String> orderIdOf(Object payload) {
        String orderId = null;
        if (payload instanceof OrderPlaced e) {
            orderId = e.orderId();
        } else if (payload instanceof OrderConfirmed e) {
            orderId = e.orderId();
        } else if (payload instanceof OrderRejected e) {
            orderId = e.orderId();
        } else if (payload instanceof StockReserved e) {
            orderId = e.orderId();
        } else if (payload instanceof StockReservationRejected e) {
            orderId = e.orderId();
        } else if (payload instanceof StockReleased e) {
            orderId = e.orderId();
        } else if (payload instanceof BalanceDebited e) {
            orderId = e.orderId();
        } else if (payload instanceof BalanceDebitRejected e) {
            orderId = e.orderId();
        } else if (payload instanceof BalanceRefunded e) {
            orderId = e.orderId();
        }
        return Optional.ofNullable(orderId);
    }
}
