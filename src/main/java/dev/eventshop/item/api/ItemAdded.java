package dev.eventshop.item.api;

public record ItemAdded(String itemId, String name, long price, int stock) {
}
