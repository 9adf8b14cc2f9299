package dev.eventshop.order;

import dev.eventshop.item.api.ReserveStock;
import dev.eventshop.item.api.StockReserved;
import dev.eventshop.order.api.OrderLine;
import dev.eventshop.order.api.OrderPlaced;
import dev.eventshop.user.api.BalanceToppedUp;
import dev.eventshop.user.api.DebitBalance;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.SimpleResourceInjector;
import org.axonframework.modelling.saga.repository.AnnotatedSagaRepository;
import org.axonframework.modelling.saga.repository.inmemory.InMemorySagaStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/** The saga processor's segments share the orders out by order id: each event is handled in one segment only. */
class OrderSagaManagerTest {

    private final InMemorySagaStore store = new InMemorySagaStore();
    private final CommandGateway commands = mock(CommandGateway.class);
    private final OrderSagaManager manager = new OrderSagaManager(AnnotatedSagaManager.<OrderSaga>builder()
            .sagaType(OrderSaga.class)
            .sagaRepository(AnnotatedSagaRepository.<OrderSaga>builder()
                    .sagaType(OrderSaga.class)
                    .sagaStore(store)
                    .resourceInjector(new SimpleResourceInjector(commands, mock(DeadlineManager.class),
                            new OrderProperties(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(15), 1000, 8)))
                    .build()));

    @Test
    void eachEventOfAnOrderIsForExactlyOneSegment() {
        List<Segment> segments = Segment.splitBalanced(Segment.ROOT_SEGMENT, 3);
        assertThat(segments).hasSize(4);
        IntStream.range(0, 200).mapToObj(i -> UUID.randomUUID().toString()).forEach(orderId -> {
            assertThat(segments.stream().filter(segment -> manager.canHandle(placed(orderId), segment)))
                    .as("segments taking the order that starts the saga").hasSize(1);
            assertThat(segments.stream().filter(segment -> manager.canHandle(reserved(orderId), segment)))
                    .as("segments taking a later event").hasSize(1);
        });
    }

    @Test
    void aSagaIsNamedAfterItsOrderAndFollowsItsOrderAcrossSplitSegments() throws Exception {
        String orderId = UUID.randomUUID().toString();
        List<Segment> four = Segment.splitBalanced(Segment.ROOT_SEGMENT, 3);
        handleWhereAccepted(placed(orderId), four);

        assertThat(store.findSagas(OrderSaga.class, new AssociationValue("orderId", orderId)))
                .containsExactly(orderId);
        verify(commands).sendAndWait(new ReserveStock("pen", orderId, 2));

        List<Segment> eight = four.stream().flatMap(segment -> List.of(segment.split()).stream()).toList();
        handleWhereAccepted(reserved(orderId), eight);

        verify(commands).sendAndWait(new DebitBalance("buyer", orderId, 300));
    }

    @Test
    void eventsTheSagaDoesNotHandleAreForNoSegment() {
        EventMessage<?> toppedUp = GenericEventMessage.asEventMessage(new BalanceToppedUp("buyer", 10, 10));

        assertThat(manager.canHandle(toppedUp, Segment.ROOT_SEGMENT)).isFalse();
    }

    private void handleWhereAccepted(EventMessage<?> event, List<Segment> segments) throws Exception {
        List<Segment> accepting = segments.stream().filter(segment -> manager.canHandle(event, segment)).toList();
        assertThat(accepting).hasSize(1);
        DefaultUnitOfWork.startAndGet(event).executeWithResult(() -> {
            manager.handle(event, accepting.get(0));
            return null;
        });
    }

    private static EventMessage<?> placed(String orderId) {
        return GenericEventMessage.asEventMessage(new OrderPlaced(orderId, "buyer", List.of(new OrderLine("pen", 2))));
    }

    private static EventMessage<?> reserved(String orderId) {
        return GenericEventMessage.asEventMessage(new StockReserved("pen", orderId, 2, 150, 8));
    }
}
