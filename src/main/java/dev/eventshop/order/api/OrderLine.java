package dev.eventshop.order.api;

public record OrderLine(String itemId, int quantity) {
}
