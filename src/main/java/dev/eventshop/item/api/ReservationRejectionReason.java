package dev.eventshop.item.api;

public enum ReservationRejectionReason {
    OUT_OF_STOCK
}
