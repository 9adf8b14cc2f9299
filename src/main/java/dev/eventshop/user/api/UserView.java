package dev.eventshop.user.api;

public record UserView(String userId, String name, String email, long balance, long version) {
}
