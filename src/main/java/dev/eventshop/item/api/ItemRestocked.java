package dev.eventshop.item.api;

public record ItemRestocked(String itemId, int quantity, int stockAfter) {
}
