package dev.eventshop.item.api;

/** The catalogue, ordered by name. */
public record FindItems() {
}
