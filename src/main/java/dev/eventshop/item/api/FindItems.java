package dev.eventshop.item.api;

/**
 * A page of the catalogue, ordered by name (and id, between items of one name): at most {@code limit} items after
 * the item named {@code afterName} with id {@code afterItemId}, or from the first when both are null.
 */
public record FindItems(String afterName, String afterItemId, int limit) {
}
