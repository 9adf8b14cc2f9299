package dev.eventshop.user.api;

/** A debit that was refused; the balance is unchanged. */
public record BalanceDebitRejected(String userId, String orderId, long amount, long balance,
                                   DebitRejectionReason reason) {
}
