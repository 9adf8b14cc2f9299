package dev.eventshop.order.api;

/** A user's orders, newest first. */
public record FindOrdersOfUser(String userId) {
}
