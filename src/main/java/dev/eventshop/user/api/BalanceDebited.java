package dev.eventshop.user.api;

import dev.eventshop.common.AboutAnOrder;

public record BalanceDebited(String userId, String orderId, long amount, long balanceAfter) implements AboutAnOrder {
}
