package dev.eventshop.user.api;

import dev.eventshop.common.OrderStep;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives back what an order's debit took (compensation). It names the amount, which the saga knows (the order's
 * total), so that the user need not remember its debits; once the order is settled it has no effect.
 */
public record RefundBalance(@TargetAggregateIdentifier String userId, String orderId, long amount)
        implements OrderStep {
}
