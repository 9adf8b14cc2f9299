package dev.eventshop.order.api.feed;

/**
 * {@code dev.eventshop.order.rejected.v1}: the order will not be fulfilled; what it reserved or debited was given
 * back.
 *
 * @param reason OUT_OF_STOCK, INSUFFICIENT_FUNDS, UNKNOWN_USER, UNKNOWN_ITEM, TIMEOUT or ACCOUNT_ERASED; a consumer
 *               should accept reasons it does not know
 */
public record OrderRejectedV1(String orderId, String userId, String reason) {
}
