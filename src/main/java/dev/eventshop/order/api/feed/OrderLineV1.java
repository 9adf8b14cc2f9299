package dev.eventshop.order.api.feed;

/** A line of an order on the feed: how many of an item. */
public record OrderLineV1(String itemId, int quantity) {
}
