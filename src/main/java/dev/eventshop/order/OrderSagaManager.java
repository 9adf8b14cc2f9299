package dev.eventshop.order;

import dev.eventshop.common.AboutAnOrder;
import dev.eventshop.order.api.OrderPlaced;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.SagaCreationPolicy;
import org.axonframework.modelling.saga.SagaInitializationPolicy;

/**
 * Axon's saga manager, with one saga per order whose identifier is the order's, so that an event reaches only the
 * segment that holds its saga.
 * <p>
 * Axon's own manager accepts every event in every segment of the saga processor: each segment then looks the
 * event's sagas up in the database and drops those of other segments. With four segments that is four
 * transactions per saga event, three of them for nothing, and under load the wasted ones starved the one that
 * mattered (orders took seconds at 50 a second). Here the segment is known from the event itself:
 * <ul>
 *   <li>{@link OrderPlaced}, which starts the saga, goes where Axon starts it: the segment of its association
 *       value;</li>
 *   <li>every later event goes to the segment of its order id, which is the saga's identifier, so this holds
 *       after segments are split or merged.</li>
 * </ul>
 */
final class OrderSagaManager extends AnnotatedSagaManager<OrderSaga> {

    /** The order whose saga the current thread is starting; Axon asks for the new saga's id without the event. */
    private final ThreadLocal<String> starting = new ThreadLocal<>();

    OrderSagaManager(Builder<OrderSaga> builder) {
        super(builder);
    }

    @Override
    public boolean canHandle(EventMessage<?> event, Segment segment) {
        if (!super.canHandle(event, segment)) {
            return false;
        }
        SagaInitializationPolicy start = getSagaCreationPolicy(event);
        if (start.getCreationPolicy() != SagaCreationPolicy.NONE) {
            return segment.matches(start.getInitialAssociationValue());
        }
        return !(event.getPayload() instanceof AboutAnOrder about) || segment.matches(about.orderId());
    }

    @Override
    public void handle(EventMessage<?> event, Segment segment) throws Exception {
        if (event.getPayload() instanceof AboutAnOrder about) {
            starting.set(about.orderId());
        }
        try {
            super.handle(event, segment);
        } finally {
            starting.remove();
        }
    }

    @Override
    protected String createSagaIdentifier(Segment segment) {
        String orderId = starting.get();
        return orderId != null ? orderId : super.createSagaIdentifier(segment);
    }
}
