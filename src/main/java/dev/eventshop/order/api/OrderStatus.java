package dev.eventshop.order.api;

public enum OrderStatus {
    PENDING,
    CONFIRMED,
    REJECTED;

    public boolean isTerminal() {
        return this != PENDING;
    }
}
