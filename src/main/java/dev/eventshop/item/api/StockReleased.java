package dev.eventshop.item.api;

public record StockReleased(String itemId, String orderId, int quantity, int stockAfter) {
}
