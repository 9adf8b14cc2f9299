package dev.eventshop.order.api;

public record OrderConfirmed(String orderId, String userId, long total) {
}
