package dev.eventshop.item;

import dev.eventshop.common.BusinessRuleViolation;
import dev.eventshop.common.SettledOrderGuard;
import dev.eventshop.item.api.AddItem;
import dev.eventshop.item.api.ChangePrice;
import dev.eventshop.item.api.ItemAdded;
import dev.eventshop.item.api.ItemChange;
import dev.eventshop.item.api.ItemPriceChanged;
import dev.eventshop.item.api.ItemRestocked;
import dev.eventshop.item.api.ReleaseStock;
import dev.eventshop.item.api.ReservationRejectionReason;
import dev.eventshop.item.api.ReserveStock;
import dev.eventshop.item.api.RestockItem;
import dev.eventshop.item.api.StockReleased;
import dev.eventshop.item.api.StockReservationRejected;
import dev.eventshop.item.api.StockReserved;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

class ItemTest {

    private static final String ITEM = "i-1";
    private static final String ORDER = "o-1";
    private static final ItemAdded ADDED = new ItemAdded(ITEM, "Pen", 150, 5);

    /** The orders the guard takes for settled; steps of them never reach the aggregate. */
    private final Set<String> settled = new HashSet<>();
    private AggregateTestFixture<Item> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Item.class);
        fixture.registerCommandHandlerInterceptor(new SettledOrderGuard(settled::contains));
    }

    @Test
    void addsAnItem() {
        fixture.givenNoPriorActivity()
                .when(new AddItem(ITEM, "Pen", 150, 5))
                .expectEvents(ADDED);
    }

    @Test
    void refusesAnItemWithoutAPositivePrice() {
        fixture.givenNoPriorActivity()
                .when(new AddItem(ITEM, "Pen", 0, 5))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesNegativeStock() {
        fixture.givenNoPriorActivity()
                .when(new AddItem(ITEM, "Pen", 150, -1))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void restocks() {
        fixture.given(ADDED)
                .when(new RestockItem(ITEM, 3))
                .expectEvents(new ItemRestocked(ITEM, 3, 8))
                .expectResultMessagePayload(new ItemChange(ITEM, 150, 8, 1));
    }

    @Test
    void refusesARestockThatIsNotPositive() {
        fixture.given(ADDED)
                .when(new RestockItem(ITEM, 0))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesARestockThatOverflowsTheStock() {
        fixture.given(ADDED)
                .when(new RestockItem(ITEM, Integer.MAX_VALUE))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void changesThePrice() {
        fixture.given(ADDED)
                .when(new ChangePrice(ITEM, 199))
                .expectEvents(new ItemPriceChanged(ITEM, 150, 199))
                .expectResultMessagePayload(new ItemChange(ITEM, 199, 5, 1));
    }

    @Test
    void theSamePriceIsNoChange() {
        fixture.given(ADDED)
                .when(new ChangePrice(ITEM, 150))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAPriceThatIsNotPositive() {
        fixture.given(ADDED)
                .when(new ChangePrice(ITEM, -5))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void reservesAtTheCurrentPrice() {
        fixture.given(ADDED, new ItemPriceChanged(ITEM, 150, 120))
                .when(new ReserveStock(ITEM, ORDER, 5))
                .expectEvents(new StockReserved(ITEM, ORDER, 5, 120, 0));
    }

    @Test
    void rejectsAReservationBeyondTheStock() {
        fixture.given(ADDED)
                .when(new ReserveStock(ITEM, ORDER, 6))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StockReservationRejected(ITEM, ORDER, 6, 5, ReservationRejectionReason.OUT_OF_STOCK));
    }

    @Test
    void releasesWhatTheSagaNames() {
        fixture.given(ADDED, new StockReserved(ITEM, ORDER, 2, 150, 3), new ItemRestocked(ITEM, 1, 4))
                .when(new ReleaseStock(ITEM, ORDER, 2))
                .expectEvents(new StockReleased(ITEM, ORDER, 2, 6));
    }

    @Test
    void refusesAReleaseThatIsNotPositive() {
        fixture.given(ADDED)
                .when(new ReleaseStock(ITEM, ORDER, 0))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesAReleaseThatOverflowsTheStock() {
        fixture.given(new ItemAdded(ITEM, "Pen", 150, Integer.MAX_VALUE))
                .when(new ReleaseStock(ITEM, ORDER, 1))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aRepeatedReservationOfASettledOrderHasNoEffect() {
        settled.add(ORDER);
        fixture.given(ADDED, new StockReserved(ITEM, ORDER, 2, 150, 3))
                .when(new ReserveStock(ITEM, ORDER, 2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRepeatedReservationOfAReleasedSettledOrderHasNoEffect() {
        settled.add(ORDER);
        fixture.given(ADDED, new StockReserved(ITEM, ORDER, 2, 150, 3), new StockReleased(ITEM, ORDER, 2, 5))
                .when(new ReserveStock(ITEM, ORDER, 2))
                .expectNoEvents();
    }

    @Test
    void aRepeatedReleaseOfASettledOrderHasNoEffect() {
        settled.add(ORDER);
        fixture.given(ADDED, new StockReserved(ITEM, ORDER, 2, 150, 3), new StockReleased(ITEM, ORDER, 2, 5))
                .when(new ReleaseStock(ITEM, ORDER, 2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aStepOfAnotherOrderStillCountsWhenOneIsSettled() {
        settled.add(ORDER);
        fixture.given(ADDED, new StockReserved(ITEM, ORDER, 2, 150, 3))
                .when(new ReserveStock(ITEM, "o-2", 3))
                .expectEvents(new StockReserved(ITEM, "o-2", 3, 150, 0));
    }

    @Test
    void settledOrdersLeaveNoTraceInTheState() {
        fixture.given(ADDED, new StockReserved(ITEM, ORDER, 2, 150, 3),
                        new StockReservationRejected(ITEM, "o-2", 9, 3, ReservationRejectionReason.OUT_OF_STOCK),
                        new StockReserved(ITEM, "o-3", 1, 150, 2), new StockReleased(ITEM, "o-3", 1, 3))
                .when(new ChangePrice(ITEM, 150))
                .expectState(item -> org.assertj.core.api.Assertions.assertThat(item)
                        .usingRecursiveComparison().isEqualTo(addedWithStock(3)));
    }

    /** The state of an item that was added with this stock and never sold. */
    private static Item addedWithStock(int stock) {
        Item item = new Item();
        item.on(new ItemAdded(ITEM, "Pen", 150, stock));
        return item;
    }
}
