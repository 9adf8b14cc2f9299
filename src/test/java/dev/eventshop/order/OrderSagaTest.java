package dev.eventshop.order;

import dev.eventshop.item.api.ReleaseStock;
import dev.eventshop.item.api.ReservationRejectionReason;
import dev.eventshop.item.api.ReserveStock;
import dev.eventshop.item.api.StockReservationRejected;
import dev.eventshop.item.api.StockReserved;
import dev.eventshop.order.api.ConfirmOrder;
import dev.eventshop.order.api.OrderLine;
import dev.eventshop.order.api.OrderPlaced;
import dev.eventshop.order.api.OrderTimedOut;
import dev.eventshop.order.api.RejectOrder;
import dev.eventshop.order.api.RejectionReason;
import dev.eventshop.user.api.BalanceDebitRejected;
import dev.eventshop.user.api.BalanceDebited;
import dev.eventshop.user.api.DebitBalance;
import dev.eventshop.user.api.DebitRejectionReason;
import dev.eventshop.user.api.RefundBalance;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Predicate;

class OrderSagaTest {

    private static final String ORDER = "o-1";
    private static final String USER = "u-1";
    private static final String PEN = "i-pen";
    private static final String INK = "i-ink";
    private static final OrderPlaced PLACED =
            new OrderPlaced(ORDER, USER, List.of(new OrderLine(PEN, 2), new OrderLine(INK, 3)));
    private static final StockReserved PEN_RESERVED = new StockReserved(PEN, ORDER, 2, 150, 8);
    private static final StockReserved INK_RESERVED = new StockReserved(INK, ORDER, 3, 100, 7);
    private static final long TOTAL = 2 * 150 + 3 * 100;
    private static final OrderTimedOut TIMED_OUT = new OrderTimedOut(ORDER, USER);

    private SagaTestFixture<OrderSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(OrderSaga.class);
    }

    /** Makes the fixture's command bus answer the matching commands with an exception, as a real one would. */
    private void failCommands(Predicate<Object> matching, RuntimeException failure) {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (matching.test(command)) {
                throw failure;
            }
            return null;
        });
    }

    @Test
    void placingAnOrderReservesTheFirstLineAndLeavesTheClockToTheOrder() {
        fixture.givenNoPriorActivity()
                .whenAggregate(ORDER).publishes(PLACED)
                .expectActiveSagas(1)
                .expectAssociationWith("orderId", ORDER)
                .expectDispatchedCommands(new ReserveStock(PEN, ORDER, 2))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aReservedLineLeadsToTheNextLine() {
        fixture.givenAggregate(ORDER).published(PLACED)
                .whenAggregate(PEN).publishes(PEN_RESERVED)
                .expectActiveSagas(1)
                .expectDispatchedCommands(new ReserveStock(INK, ORDER, 3));
    }

    @Test
    void withEveryLineReservedTheTotalAtReservedPricesIsDebited() {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(PEN).published(PEN_RESERVED)
                .whenAggregate(INK).publishes(INK_RESERVED)
                .expectActiveSagas(1)
                .expectDispatchedCommands(new DebitBalance(USER, ORDER, TOTAL));
    }

    @Test
    void aDebitConfirmsTheOrderAndEndsTheSaga() {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(PEN).published(PEN_RESERVED)
                .andThenAggregate(INK).published(INK_RESERVED)
                .whenAggregate(USER).publishes(new BalanceDebited(USER, ORDER, TOTAL, 0))
                .expectDispatchedCommands(new ConfirmOrder(ORDER, TOTAL))
                .expectActiveSagas(0);
    }

    @Test
    void outOfStockOnTheFirstLineRejectsWithNothingToCompensate() {
        fixture.givenAggregate(ORDER).published(PLACED)
                .whenAggregate(PEN).publishes(new StockReservationRejected(PEN, ORDER, 2, 1,
                        ReservationRejectionReason.OUT_OF_STOCK))
                .expectDispatchedCommands(new RejectOrder(ORDER, RejectionReason.OUT_OF_STOCK))
                .expectActiveSagas(0);
    }

    @Test
    void outOfStockOnTheLastLineReleasesTheLinesAlreadyReserved() {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(PEN).published(PEN_RESERVED)
                .whenAggregate(INK).publishes(new StockReservationRejected(INK, ORDER, 3, 0,
                        ReservationRejectionReason.OUT_OF_STOCK))
                .expectDispatchedCommands(new ReleaseStock(PEN, ORDER, 2),
                        new RejectOrder(ORDER, RejectionReason.OUT_OF_STOCK))
                .expectActiveSagas(0);
    }

    @Test
    void anErasedAccountReleasesEveryLineAndRejectsForThatReason() {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(PEN).published(PEN_RESERVED)
                .andThenAggregate(INK).published(INK_RESERVED)
                .whenAggregate(USER).publishes(new BalanceDebitRejected(USER, ORDER, TOTAL, 500,
                        DebitRejectionReason.ACCOUNT_ERASED))
                .expectDispatchedCommands(new ReleaseStock(PEN, ORDER, 2), new ReleaseStock(INK, ORDER, 3),
                        new RejectOrder(ORDER, RejectionReason.ACCOUNT_ERASED))
                .expectActiveSagas(0);
    }

    @Test
    void insufficientFundsReleasesEveryLine() {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(PEN).published(PEN_RESERVED)
                .andThenAggregate(INK).published(INK_RESERVED)
                .whenAggregate(USER).publishes(new BalanceDebitRejected(USER, ORDER, TOTAL, 10,
                        DebitRejectionReason.INSUFFICIENT_FUNDS))
                .expectDispatchedCommands(new ReleaseStock(PEN, ORDER, 2), new ReleaseStock(INK, ORDER, 3),
                        new RejectOrder(ORDER, RejectionReason.INSUFFICIENT_FUNDS))
                .expectActiveSagas(0);
    }

    @Test
    void anUnknownItemReleasesTheLinesAlreadyReserved() {
        failCommands(command -> command instanceof ReserveStock reserve && reserve.itemId().equals(INK),
                new AggregateNotFoundException(INK, "no such item"));
        fixture.givenAggregate(ORDER).published(PLACED)
                .whenAggregate(PEN).publishes(PEN_RESERVED)
                .expectDispatchedCommands(new ReserveStock(INK, ORDER, 3), new ReleaseStock(PEN, ORDER, 2),
                        new RejectOrder(ORDER, RejectionReason.UNKNOWN_ITEM))
                .expectActiveSagas(0);
    }

    @Test
    void anUnknownItemOnTheFirstLineRejectsAtOnce() {
        failCommands(ReserveStock.class::isInstance, new AggregateNotFoundException(PEN, "no such item"));
        fixture.givenNoPriorActivity()
                .whenAggregate(ORDER).publishes(PLACED)
                .expectDispatchedCommands(new ReserveStock(PEN, ORDER, 2),
                        new RejectOrder(ORDER, RejectionReason.UNKNOWN_ITEM))
                .expectActiveSagas(0);
    }

    @Test
    void anUnknownUserReleasesEveryLine() {
        failCommands(DebitBalance.class::isInstance, new AggregateNotFoundException(USER, "no such user"));
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(PEN).published(PEN_RESERVED)
                .whenAggregate(INK).publishes(INK_RESERVED)
                .expectDispatchedCommands(new DebitBalance(USER, ORDER, TOTAL), new ReleaseStock(PEN, ORDER, 2),
                        new ReleaseStock(INK, ORDER, 3), new RejectOrder(ORDER, RejectionReason.UNKNOWN_USER))
                .expectActiveSagas(0);
    }

    @Test
    void aTotalBeyondWhatAnyBalanceHoldsIsInsufficientFunds() {
        OrderPlaced huge = new OrderPlaced(ORDER, USER, List.of(new OrderLine(PEN, 1_000_000)));
        fixture.givenAggregate(ORDER).published(huge)
                .whenAggregate(PEN).publishes(new StockReserved(PEN, ORDER, 1_000_000, Long.MAX_VALUE / 10, 0))
                .expectDispatchedCommands(new ReleaseStock(PEN, ORDER, 1_000_000),
                        new RejectOrder(ORDER, RejectionReason.INSUFFICIENT_FUNDS))
                .expectActiveSagas(0);
    }

    @Test
    void theTimeoutWaitsForAnOutstandingReservation() {
        fixture.givenAggregate(ORDER).published(PLACED)
                .whenAggregate(ORDER).publishes(TIMED_OUT)
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void aReservationArrivingAfterTheTimeoutIsReleasedAndTheOrderRejected() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(ORDER).published(TIMED_OUT)
                .whenAggregate(PEN).publishes(PEN_RESERVED)
                .expectDispatchedCommands(new ReleaseStock(PEN, ORDER, 2),
                        new RejectOrder(ORDER, RejectionReason.TIMEOUT))
                .expectActiveSagas(0);
    }

    @Test
    void aRejectedReservationAfterTheTimeoutKeepsTheTimeoutReason() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(PEN).published(PEN_RESERVED)
                .andThenAggregate(ORDER).published(TIMED_OUT)
                .whenAggregate(INK).publishes(new StockReservationRejected(INK, ORDER, 3, 0,
                        ReservationRejectionReason.OUT_OF_STOCK))
                .expectDispatchedCommands(new ReleaseStock(PEN, ORDER, 2),
                        new RejectOrder(ORDER, RejectionReason.TIMEOUT))
                .expectActiveSagas(0);
    }

    @Test
    void aDebitArrivingAfterTheTimeoutIsRefundedAndEveryLineReleased() throws Exception {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(PEN).published(PEN_RESERVED)
                .andThenAggregate(INK).published(INK_RESERVED)
                .andThenAggregate(ORDER).published(TIMED_OUT)
                .whenAggregate(USER).publishes(new BalanceDebited(USER, ORDER, TOTAL, 0))
                .expectDispatchedCommands(new ReleaseStock(PEN, ORDER, 2), new ReleaseStock(INK, ORDER, 3),
                        new RefundBalance(USER, ORDER, TOTAL), new RejectOrder(ORDER, RejectionReason.TIMEOUT))
                .expectActiveSagas(0);
    }

    @Test
    void anIdOfAnotherKindOfAggregateIsAnUnknownUser() {
        failCommands(DebitBalance.class::isInstance, new IncompatibleAggregateException("the id names an item", null));
        fixture.givenAggregate(ORDER).published(new OrderPlaced(ORDER, USER, List.of(new OrderLine(PEN, 2))))
                .whenAggregate(PEN).publishes(PEN_RESERVED)
                .expectDispatchedCommands(new DebitBalance(USER, ORDER, 300), new ReleaseStock(PEN, ORDER, 2),
                        new RejectOrder(ORDER, RejectionReason.UNKNOWN_USER))
                .expectActiveSagas(0);
    }

    @Test
    void anIdOfAnotherKindOfAggregateIsAnUnknownItem() {
        failCommands(ReserveStock.class::isInstance, new IncompatibleAggregateException("the id names a user", null));
        fixture.givenNoPriorActivity()
                .whenAggregate(ORDER).publishes(PLACED)
                .expectDispatchedCommands(new ReserveStock(PEN, ORDER, 2),
                        new RejectOrder(ORDER, RejectionReason.UNKNOWN_ITEM))
                .expectActiveSagas(0);
    }

    @Test
    void aTimeoutAfterTheOrderFinishedDoesNothing() {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(PEN).published(PEN_RESERVED)
                .andThenAggregate(INK).published(INK_RESERVED)
                .andThenAggregate(USER).published(new BalanceDebited(USER, ORDER, TOTAL, 0))
                .whenAggregate(ORDER).publishes(TIMED_OUT)
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }
}
