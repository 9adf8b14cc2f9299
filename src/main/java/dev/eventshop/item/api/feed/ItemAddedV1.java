package dev.eventshop.item.api.feed;

/** {@code dev.eventshop.item.added.v1}: a new item in the catalogue, with its price in cents and its stock. */
public record ItemAddedV1(String itemId, String name, long price, int stock) {
}
