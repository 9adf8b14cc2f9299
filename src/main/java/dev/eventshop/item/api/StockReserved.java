package dev.eventshop.item.api;

import dev.eventshop.common.AboutAnOrder;

/** Stock held for an order; {@code unitPrice} is the price the order pays, fixed now. */
public record StockReserved(String itemId, String orderId, int quantity, long unitPrice, int stockAfter)
        implements AboutAnOrder {
}
