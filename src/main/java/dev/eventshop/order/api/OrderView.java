package dev.eventshop.order.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * An order as the orders read model shows it. {@code total} is set once confirmed; {@code reason} once
 * rejected; a line's {@code unitPrice} once its stock is reserved. {@code version} is the Order aggregate's:
 * 0 when placed, 1 once decided.
 */
public record OrderView(String orderId, String userId, List<Line> lines, @Schema(nullable = true) Long total,
                        OrderStatus status, @Schema(nullable = true) RejectionReason reason, Instant placedAt,
                        Instant updatedAt, long version) {

    public record Line(String itemId, int quantity, @Schema(nullable = true) Long unitPrice) {
    }
}
