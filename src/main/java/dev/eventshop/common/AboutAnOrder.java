package dev.eventshop.common;

/**
 * An event that belongs to an order's story, whichever aggregate stored it: the order's own events, and its
 * items' and its user's events about it. Handlers that follow orders declare this type, so the events they do not
 * need (top-ups, registrations, restocks) never reach them, and their processor does no work for them.
 */
public interface AboutAnOrder {

    String orderId();
}
