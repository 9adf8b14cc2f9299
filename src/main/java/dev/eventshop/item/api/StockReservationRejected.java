package dev.eventshop.item.api;

import dev.eventshop.common.AboutAnOrder;

/** A reservation that was refused; the stock is unchanged. */
public record StockReservationRejected(String itemId, String orderId, int quantity, int available,
                                       ReservationRejectionReason reason) implements AboutAnOrder {
}
