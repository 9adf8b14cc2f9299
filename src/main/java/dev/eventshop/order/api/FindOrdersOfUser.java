package dev.eventshop.order.api;

import java.time.Instant;

/**
 * A page of a user's orders, newest first: at most {@code limit} orders placed before the order
 * {@code beforeOrderId} placed at {@code beforePlacedAt} (by id between orders of one instant), or from the newest
 * when both are null.
 */
public record FindOrdersOfUser(String userId, Instant beforePlacedAt, String beforeOrderId, int limit) {
}
