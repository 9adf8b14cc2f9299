package dev.eventshop.platform.projections;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Fails a slot's batch while the slot holds no generation, before any handler runs. The handlers would fail too,
 * but inside the dead-letter queue: their events would be dead-lettered and the token would move past them. Failing
 * here rolls the batch back and Axon tries it again later, so nothing is lost should the processor run too early.
 */
class GenerationGuard implements MessageHandlerInterceptor<EventMessage<?>> {

    private final ProjectionSlot slot;

    GenerationGuard(ProjectionSlot slot) {
        this.slot = slot;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        slot.generation(); // throws while the slot holds none
        return interceptorChain.proceed();
    }
}
