package dev.eventshop.item.api;

public record ItemPriceChanged(String itemId, long oldPrice, long price) {
}
