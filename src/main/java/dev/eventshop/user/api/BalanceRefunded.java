package dev.eventshop.user.api;

public record BalanceRefunded(String userId, String orderId, long amount, long balanceAfter) {
}
