package dev.eventshop.user.api;

/** Query for one user's view; answered with an {@code Optional<UserView>}. */
public record FindUser(String userId) {
}
