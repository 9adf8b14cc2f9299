package dev.eventshop.item.api;

public record ItemView(String itemId, String name, long price, int stock, long version) {
}
