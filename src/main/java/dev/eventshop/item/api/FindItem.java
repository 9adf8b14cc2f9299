package dev.eventshop.item.api;

public record FindItem(String itemId) {
}
