package dev.eventshop.user.api;

/**
 * A customer's personal data was erased. It holds none itself: only whose account it was and who asked (the
 * customer's own id, or the admin); the event's timestamp says when.
 */
public record UserErased(String userId, String requestedBy) {
}
