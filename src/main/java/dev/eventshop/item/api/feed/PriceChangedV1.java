package dev.eventshop.item.api.feed;

/** {@code dev.eventshop.item.price-changed.v1}: an item's price, in cents, for orders reserved from now on. */
public record PriceChangedV1(String itemId, long price) {
}
