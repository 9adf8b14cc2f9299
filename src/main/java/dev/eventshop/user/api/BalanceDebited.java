package dev.eventshop.user.api;

public record BalanceDebited(String userId, String orderId, long amount, long balanceAfter) {
}
