package dev.eventshop.order.api;

import java.time.Instant;
import java.util.List;

/**
 * An order as the orders read model shows it. {@code total} is set once confirmed; {@code reason} once
 * rejected; a line's {@code unitPrice} once its stock is reserved.
 */
public record OrderView(String orderId, String userId, List<Line> lines, Long total, OrderStatus status,
                        RejectionReason reason, Instant placedAt, Instant updatedAt) {

    public record Line(String itemId, int quantity, Long unitPrice) {
    }
}
