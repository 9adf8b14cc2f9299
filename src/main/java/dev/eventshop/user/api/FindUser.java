package dev.eventshop.user.api;

/** Query for one user's view; answered with an {@code Optional<UserView>}-like nullable {@link UserView}. */
public record FindUser(String userId) {
}
