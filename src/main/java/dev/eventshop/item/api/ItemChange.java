package dev.eventshop.item.api;

/** What an item command answers: the item's state and aggregate version once its event is stored. */
public record ItemChange(String itemId, long price, int stock, long version) {
}
