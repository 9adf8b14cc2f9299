package dev.eventshop.order.api;

public record OrderRejected(String orderId, String userId, RejectionReason reason) {
}
