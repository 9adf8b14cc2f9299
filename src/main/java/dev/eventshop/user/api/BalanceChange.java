package dev.eventshop.user.api;

/** What a balance command answers: the balance and the aggregate version once its event is stored. */
public record BalanceChange(String userId, long balance, long version) {
}
