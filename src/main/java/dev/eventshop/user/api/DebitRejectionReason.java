package dev.eventshop.user.api;

public enum DebitRejectionReason {
    INSUFFICIENT_FUNDS
}
