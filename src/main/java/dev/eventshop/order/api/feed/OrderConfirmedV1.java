package dev.eventshop.order.api.feed;

/** {@code dev.eventshop.order.confirmed.v1}: the order is paid and its stock reserved. */
public record OrderConfirmedV1(String orderId, String userId, long total) {
}
