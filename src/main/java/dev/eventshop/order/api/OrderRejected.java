package dev.eventshop.order.api;

import dev.eventshop.common.AboutAnOrder;

public record OrderRejected(String orderId, String userId, RejectionReason reason) implements AboutAnOrder {
}
