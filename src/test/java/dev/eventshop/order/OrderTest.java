package dev.eventshop.order;

import dev.eventshop.common.BusinessRuleViolation;
import dev.eventshop.order.api.ConfirmOrder;
import dev.eventshop.order.api.OrderConfirmed;
import dev.eventshop.order.api.OrderLine;
import dev.eventshop.order.api.OrderPlaced;
import dev.eventshop.order.api.OrderRejected;
import dev.eventshop.order.api.OrderTimedOut;
import dev.eventshop.order.api.PlaceOrder;
import dev.eventshop.order.api.RejectOrder;
import dev.eventshop.order.api.RejectionReason;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

class OrderTest {

    private static final String ORDER = "o-1";
    private static final String USER = "u-1";
    private static final List<OrderLine> LINES = List.of(new OrderLine("i-1", 2), new OrderLine("i-2", 1));
    private static final OrderPlaced PLACED = new OrderPlaced(ORDER, USER, LINES);
    private static final PlaceOrder PLACE = new PlaceOrder(ORDER, USER, LINES);
    private static final OrderTimedOut TIMED_OUT = new OrderTimedOut(ORDER, USER);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PAST_THE_TIMEOUT = TIMEOUT.plusSeconds(1);

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(new OrderProperties(TIMEOUT, Duration.ofMinutes(5), Duration.ofSeconds(15), 1000, 8));
    }

    @Test
    void placesAnOrderAndStartsItsClock() {
        fixture.givenNoPriorActivity()
                .when(PLACE)
                .expectEvents(PLACED)
                .expectScheduledDeadlineWithName(TIMEOUT, Order.TIMEOUT_DEADLINE);
    }

    @Test
    void aPendingOrderTimesOutWhenItsDeadlinePasses() {
        fixture.givenCommands(PLACE)
                .whenTimeElapses(PAST_THE_TIMEOUT)
                .expectTriggeredDeadlinesWithName(Order.TIMEOUT_DEADLINE)
                .expectEvents(TIMED_OUT);
    }

    @Test
    void aDeadlineRunAgainAfterACrashHasNoSecondEffect() {
        fixture.givenCommands(PLACE)
                .andGiven(TIMED_OUT)
                .whenTimeElapses(PAST_THE_TIMEOUT)
                .expectTriggeredDeadlinesWithName(Order.TIMEOUT_DEADLINE)
                .expectNoEvents();
    }

    @Test
    void aDeadlineAfterTheOrderWasConfirmedChangesNothing() {
        fixture.givenCommands(PLACE, new ConfirmOrder(ORDER, 450))
                .whenTimeElapses(PAST_THE_TIMEOUT)
                .expectTriggeredDeadlinesWithName(Order.TIMEOUT_DEADLINE)
                .expectNoEvents();
    }

    @Test
    void aDeadlineAfterTheOrderWasRejectedChangesNothing() {
        fixture.givenCommands(PLACE, new RejectOrder(ORDER, RejectionReason.OUT_OF_STOCK))
                .whenTimeElapses(PAST_THE_TIMEOUT)
                .expectTriggeredDeadlinesWithName(Order.TIMEOUT_DEADLINE)
                .expectNoEvents();
    }

    @Test
    void aTimedOutOrderIsRejectedByItsSaga() {
        fixture.given(PLACED, TIMED_OUT)
                .when(new RejectOrder(ORDER, RejectionReason.TIMEOUT))
                .expectEvents(new OrderRejected(ORDER, USER, RejectionReason.TIMEOUT));
    }

    @Test
    void anOrderThatTimedOutWhileItsSagaConfirmedItIsConfirmed() {
        fixture.given(PLACED, TIMED_OUT)
                .when(new ConfirmOrder(ORDER, 450))
                .expectEvents(new OrderConfirmed(ORDER, USER, 450));
    }

    @Test
    void refusesAnOrderWithoutLines() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, USER, List.of()))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void refusesALineWithoutAPositiveQuantity() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, USER, List.of(new OrderLine("i-1", 0))))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void refusesTheSameItemOnTwoLines() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, USER, List.of(new OrderLine("i-1", 1), new OrderLine("i-1", 2))))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void confirms() {
        fixture.given(PLACED)
                .when(new ConfirmOrder(ORDER, 450))
                .expectEvents(new OrderConfirmed(ORDER, USER, 450));
    }

    @Test
    void confirmingTwiceHasNoSecondEffect() {
        fixture.given(PLACED, new OrderConfirmed(ORDER, USER, 450))
                .when(new ConfirmOrder(ORDER, 450))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRejectedOrderCannotBeConfirmed() {
        fixture.given(PLACED, new OrderRejected(ORDER, USER, RejectionReason.OUT_OF_STOCK))
                .when(new ConfirmOrder(ORDER, 450))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void rejects() {
        fixture.given(PLACED)
                .when(new RejectOrder(ORDER, RejectionReason.INSUFFICIENT_FUNDS))
                .expectEvents(new OrderRejected(ORDER, USER, RejectionReason.INSUFFICIENT_FUNDS));
    }

    @Test
    void rejectingTwiceHasNoSecondEffect() {
        fixture.given(PLACED, new OrderRejected(ORDER, USER, RejectionReason.TIMEOUT))
                .when(new RejectOrder(ORDER, RejectionReason.TIMEOUT))
                .expectNoEvents();
    }

    @Test
    void aConfirmedOrderCannotBeRejected() {
        fixture.given(PLACED, new OrderConfirmed(ORDER, USER, 450))
                .when(new RejectOrder(ORDER, RejectionReason.TIMEOUT))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }
}
