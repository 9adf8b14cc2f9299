package dev.eventshop.common;

/**
 * A command the order saga sends to a user or an item as one step of an order: reserve or release stock, debit or
 * refund a balance. Once the order is settled (confirmed or rejected) such a command has no effect any more
 * ({@link SettledOrderGuard}); that is what lets users and items forget an order as soon as it is settled, so that
 * their state grows with their open orders, not with their history.
 */
public interface OrderStep {

    String orderId();
}
