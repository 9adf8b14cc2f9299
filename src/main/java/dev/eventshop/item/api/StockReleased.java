package dev.eventshop.item.api;

import dev.eventshop.common.AboutAnOrder;

public record StockReleased(String itemId, String orderId, int quantity, int stockAfter) implements AboutAnOrder {
}
