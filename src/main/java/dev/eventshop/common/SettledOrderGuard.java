package dev.eventshop.common;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops an {@link OrderStep} whose order is settled before it reaches its user or item, which then decide it
 * without remembering anything of the order. A repeated step of a settled order (a message delivered twice, a
 * saga step run again) thus has no effect however long ago the order was settled, while the aggregates keep no
 * trace of it. Steps of a pending order pass: the saga sends each of them once, in the unit of work of the step
 * that decides it, so a step repeated after a crash was rolled back together with its events.
 */
public final class SettledOrderGuard implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(SettledOrderGuard.class);

    private final SettledOrders settledOrders;

    public SettledOrderGuard(SettledOrders settledOrders) {
        this.settledOrders = settledOrders;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof OrderStep step && settledOrders.isSettled(step.orderId())) {
            LOG.debug("Ignored {} for order {}: the order is settled", unitOfWork.getMessage().getPayloadType()
                    .getSimpleName(), step.orderId());
            return null;
        }
        return interceptorChain.proceed();
    }
}
