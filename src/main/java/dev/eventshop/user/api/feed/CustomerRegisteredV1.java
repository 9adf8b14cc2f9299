package dev.eventshop.user.api.feed;

/**
 * {@code dev.eventshop.customer.registered.v1}: a customer account exists. It carries the id only: the name and
 * e-mail are personal data, which the feed does not give out (they can be erased; a feed event cannot).
 */
public record CustomerRegisteredV1(String userId) {
}
