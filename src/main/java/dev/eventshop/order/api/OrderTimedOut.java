package dev.eventshop.order.api;

import dev.eventshop.common.AboutAnOrder;

/**
 * The order's deadline passed while it was still pending. The saga answers by compensating and rejecting it with
 * reason TIMEOUT; an order the saga has already paid for is confirmed all the same.
 */
public record OrderTimedOut(String orderId, String userId) implements AboutAnOrder {
}
