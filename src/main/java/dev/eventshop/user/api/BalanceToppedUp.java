package dev.eventshop.user.api;

public record BalanceToppedUp(String userId, long amount, long balanceAfter) {
}
