package dev.eventshop.common;

/** Whether an order is settled: confirmed or rejected, so that no step of it may change anything any more. */
@FunctionalInterface
public interface SettledOrders {

    /** True once the order is confirmed or rejected; false while it is pending and for an id of no order. */
    boolean isSettled(String orderId);
}
