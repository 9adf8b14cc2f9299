package dev.eventshop.order.api;

public record FindOrder(String orderId) {
}
