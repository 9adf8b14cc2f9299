package dev.eventshop.order.api.feed;

import java.util.List;

/** {@code dev.eventshop.order.placed.v1}: a customer placed an order; it is pending until confirmed or rejected. */
public record OrderPlacedV1(String orderId, String userId, List<OrderLineV1> lines) {
}
