package dev.eventshop.item.api.feed;

/** {@code dev.eventshop.item.stock-changed.v1}: an item's stock is now {@code stock} (reserved, released or restocked). */
public record StockChangedV1(String itemId, int stock) {
}
