package dev.eventshop.user.api;

public record UserRegistered(String userId, String name, String email) {
}
