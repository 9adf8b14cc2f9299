package dev.eventshop.user.api.feed;

/** {@code dev.eventshop.customer.erased.v1}: the customer's personal data was erased; forget what you keep of it. */
public record CustomerErasedV1(String userId) {
}
