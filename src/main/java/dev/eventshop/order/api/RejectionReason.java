package dev.eventshop.order.api;

/** Why an order was rejected. */
public enum RejectionReason {
    OUT_OF_STOCK,
    INSUFFICIENT_FUNDS,
    UNKNOWN_USER,
    UNKNOWN_ITEM,
    TIMEOUT,
    /** The customer's account was erased before it paid. */
    ACCOUNT_ERASED
}
