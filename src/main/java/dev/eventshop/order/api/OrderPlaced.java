package dev.eventshop.order.api;

import dev.eventshop.common.AboutAnOrder;

import java.util.List;

/** An order is PENDING until the saga confirms or rejects it. */
public record OrderPlaced(String orderId, String userId, List<OrderLine> lines) implements AboutAnOrder {
}
