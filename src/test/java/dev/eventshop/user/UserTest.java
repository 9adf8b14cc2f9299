package dev.eventshop.user;

import dev.eventshop.common.BusinessRuleViolation;
import dev.eventshop.user.api.BalanceChange;
import dev.eventshop.user.api.BalanceDebitRejected;
import dev.eventshop.user.api.BalanceDebited;
import dev.eventshop.user.api.BalanceRefunded;
import dev.eventshop.user.api.BalanceToppedUp;
import dev.eventshop.user.api.DebitBalance;
import dev.eventshop.user.api.DebitRejectionReason;
import dev.eventshop.user.api.RefundBalance;
import dev.eventshop.user.api.RegisterUser;
import dev.eventshop.user.api.TopUpBalance;
import dev.eventshop.user.api.UserRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final String USER = "u-1";
    private static final String ORDER = "o-1";
    private static final UserRegistered REGISTERED = new UserRegistered(USER, "Ann", "ann@example.com", "{bcrypt}hash");

    private AggregateTestFixture<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
    }

    @Test
    void registers() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(USER, "Ann", "ann@example.com", "{bcrypt}hash"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(REGISTERED);
    }

    @Test
    void topsUpAndAnswersTheNewBalanceAndVersion() {
        fixture.given(REGISTERED, new BalanceToppedUp(USER, 100, 100))
                .when(new TopUpBalance(USER, 50))
                .expectEvents(new BalanceToppedUp(USER, 50, 150))
                .expectResultMessagePayload(new BalanceChange(USER, 150, 2));
    }

    @Test
    void refusesTopUpThatIsNotPositive() {
        fixture.given(REGISTERED)
                .when(new TopUpBalance(USER, 0))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesTopUpThatOverflowsTheBalance() {
        fixture.given(REGISTERED, new BalanceToppedUp(USER, Long.MAX_VALUE - 1, Long.MAX_VALUE - 1))
                .when(new TopUpBalance(USER, 2))
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("The balance would exceed its maximum")
                .expectNoEvents();
    }

    @Test
    void debitsWhenTheBalanceCovers() {
        fixture.given(REGISTERED, new BalanceToppedUp(USER, 100, 100))
                .when(new DebitBalance(USER, ORDER, 100))
                .expectEvents(new BalanceDebited(USER, ORDER, 100, 0));
    }

    @Test
    void rejectsDebitBeyondTheBalance() {
        fixture.given(REGISTERED, new BalanceToppedUp(USER, 100, 100))
                .when(new DebitBalance(USER, ORDER, 101))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BalanceDebitRejected(USER, ORDER, 101, 100, DebitRejectionReason.INSUFFICIENT_FUNDS));
    }

    @Test
    void debitingAnOrderTwiceHasNoSecondEffect() {
        fixture.given(REGISTERED, new BalanceToppedUp(USER, 100, 100), new BalanceDebited(USER, ORDER, 40, 60))
                .when(new DebitBalance(USER, ORDER, 40))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRejectedDebitIsNotRetriedForTheSameOrder() {
        fixture.given(REGISTERED,
                        new BalanceDebitRejected(USER, ORDER, 40, 0, DebitRejectionReason.INSUFFICIENT_FUNDS),
                        new BalanceToppedUp(USER, 100, 100))
                .when(new DebitBalance(USER, ORDER, 40))
                .expectNoEvents();
    }

    @Test
    void refundsWhatTheOrderDebited() {
        fixture.given(REGISTERED, new BalanceToppedUp(USER, 100, 100), new BalanceDebited(USER, ORDER, 40, 60))
                .when(new RefundBalance(USER, ORDER))
                .expectEvents(new BalanceRefunded(USER, ORDER, 40, 100));
    }

    @Test
    void refundsAtMostOnce() {
        fixture.given(REGISTERED, new BalanceToppedUp(USER, 100, 100), new BalanceDebited(USER, ORDER, 40, 60),
                        new BalanceRefunded(USER, ORDER, 40, 100))
                .when(new RefundBalance(USER, ORDER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refundOfAnOrderNeverDebitedDoesNothing() {
        fixture.given(REGISTERED, new BalanceToppedUp(USER, 100, 100))
                .when(new RefundBalance(USER, ORDER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
