package dev.eventshop.user.api;

import dev.eventshop.common.AboutAnOrder;

/** A debit that was refused; the balance is unchanged. */
public record BalanceDebitRejected(String userId, String orderId, long amount, long balance,
                                   DebitRejectionReason reason) implements AboutAnOrder {
}
