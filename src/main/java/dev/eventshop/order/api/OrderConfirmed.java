package dev.eventshop.order.api;

import dev.eventshop.common.AboutAnOrder;

public record OrderConfirmed(String orderId, String userId, long total) implements AboutAnOrder {
}
