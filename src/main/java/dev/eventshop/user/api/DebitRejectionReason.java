package dev.eventshop.user.api;

public enum DebitRejectionReason {
    INSUFFICIENT_FUNDS,
    /** The account's personal data is erased: it pays for nothing more (refunds still reach it). */
    ACCOUNT_ERASED
}
