package dev.eventshop.user;

import dev.eventshop.common.BusinessRuleViolation;
import dev.eventshop.common.SettledOrderGuard;
import dev.eventshop.user.api.BalanceChange;
import dev.eventshop.user.api.BalanceDebitRejected;
import dev.eventshop.user.api.BalanceDebited;
import dev.eventshop.user.api.BalanceRefunded;
import dev.eventshop.user.api.BalanceToppedUp;
import dev.eventshop.user.api.DebitBalance;
import dev.eventshop.user.api.DebitRejectionReason;
import dev.eventshop.user.api.EraseUser;
import dev.eventshop.user.api.RefundBalance;
import dev.eventshop.user.api.RegisterUser;
import dev.eventshop.user.api.TopUpBalance;
import dev.eventshop.user.api.UserErased;
import dev.eventshop.user.api.UserRegistered;
import dev.eventshop.user.api.UserView;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class UserTest {

    private static final String USER = "u-1";
    private static final String ORDER = "o-1";
    private static final UserRegistered REGISTERED = new UserRegistered(USER, "Ann", "ann@example.com");

    /** The orders the guard takes for settled; steps of them never reach the aggregate. */
    private final Set<String> settled = new HashSet<>();
    /** The credentials table, as the registration leaves it. */
    private final Map<String, String> passwordHashes = new HashMap<>();
    private AggregateTestFixture<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerCommandHandlerInterceptor(new SettledOrderGuard(settled::contains));
        fixture.registerInjectableResource((PasswordHashes) passwordHashes::put);
    }

    @Test
    void registersAndKeepsThePasswordHashOutOfTheEvent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(USER, "Ann", "ann@example.com", "{bcrypt}hash"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(REGISTERED);
        assertThat(passwordHashes).containsExactly(Map.entry(USER, "{bcrypt}hash"));
    }

    @Test
    void erasesOnceAndNamesWhoAsked() {
        fixture.given(REGISTERED, new BalanceToppedUp(USER, 100, 100))
                .when(new EraseUser(USER, "admin"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserErased(USER, "admin"))
                .expectState(user -> {
                    assertThat(user.toView(2)).isEqualTo(new UserView(USER, null, null, 100, 2, true));
                });
    }

    @Test
    void aRepeatedErasureStoresNothing() {
        fixture.given(REGISTERED, new UserErased(USER, USER))
                .when(new EraseUser(USER, "admin"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anErasedAccountTakesNoTopUps() {
        fixture.given(REGISTERED, new BalanceToppedUp(USER, 100, 100), new UserErased(USER, USER))
                .when(new TopUpBalance(USER, 50))
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("The account is erased: it takes no more top-ups")
                .expectNoEvents();
    }

    @Test
    void anErasedAccountPaysForNothingWhateverItsBalance() {
        fixture.given(REGISTERED, new BalanceToppedUp(USER, 100, 100), new UserErased(USER, USER))
                .when(new DebitBalance(USER, ORDER, 40))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BalanceDebitRejected(USER, ORDER, 40, 100, DebitRejectionReason.ACCOUNT_ERASED));
    }

    @Test
    void anErasedAccountStillTakesTheRefundOfAnOrderItPaidBefore() {
        fixture.given(REGISTERED, new BalanceToppedUp(USER, 100, 100), new BalanceDebited(USER, ORDER, 40, 60),
                        new UserErased(USER, USER))
                .when(new RefundBalance(USER, ORDER, 40))
                .expectEvents(new BalanceRefunded(USER, ORDER, 40, 100));
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
    void refundsWhatTheSagaNames() {
        fixture.given(REGISTERED, new BalanceToppedUp(USER, 100, 100), new BalanceDebited(USER, ORDER, 40, 60))
                .when(new RefundBalance(USER, ORDER, 40))
                .expectEvents(new BalanceRefunded(USER, ORDER, 40, 100));
    }

    @Test
    void refusesANegativeRefund() {
        fixture.given(REGISTERED, new BalanceToppedUp(USER, 100, 100))
                .when(new RefundBalance(USER, ORDER, -1))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesARefundThatOverflowsTheBalance() {
        fixture.given(REGISTERED, new BalanceToppedUp(USER, Long.MAX_VALUE, Long.MAX_VALUE))
                .when(new RefundBalance(USER, ORDER, 1))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aRepeatedDebitOfASettledOrderHasNoEffect() {
        settled.add(ORDER);
        fixture.given(REGISTERED, new BalanceToppedUp(USER, 100, 100), new BalanceDebited(USER, ORDER, 40, 60))
                .when(new DebitBalance(USER, ORDER, 40))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRepeatedDebitOfARejectedDebitsSettledOrderHasNoEffect() {
        settled.add(ORDER);
        fixture.given(REGISTERED,
                        new BalanceDebitRejected(USER, ORDER, 40, 0, DebitRejectionReason.INSUFFICIENT_FUNDS),
                        new BalanceToppedUp(USER, 100, 100))
                .when(new DebitBalance(USER, ORDER, 40))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRepeatedRefundOfASettledOrderHasNoEffect() {
        settled.add(ORDER);
        fixture.given(REGISTERED, new BalanceToppedUp(USER, 100, 100), new BalanceDebited(USER, ORDER, 40, 60),
                        new BalanceRefunded(USER, ORDER, 40, 100))
                .when(new RefundBalance(USER, ORDER, 40))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aStepOfAnotherOrderStillCountsWhenOneIsSettled() {
        settled.add(ORDER);
        fixture.given(REGISTERED, new BalanceToppedUp(USER, 100, 100), new BalanceDebited(USER, ORDER, 40, 60))
                .when(new DebitBalance(USER, "o-2", 60))
                .expectEvents(new BalanceDebited(USER, "o-2", 60, 0));
    }

    @Test
    void settledOrdersLeaveNoTraceInTheState() {
        fixture.given(REGISTERED, new BalanceToppedUp(USER, 100, 100), new BalanceDebited(USER, ORDER, 40, 60),
                        new BalanceDebitRejected(USER, "o-2", 80, 60, DebitRejectionReason.INSUFFICIENT_FUNDS),
                        new BalanceDebited(USER, "o-3", 10, 50), new BalanceRefunded(USER, "o-3", 10, 60))
                .when(new TopUpBalance(USER, 1))
                .expectState(user -> org.assertj.core.api.Assertions.assertThat(user)
                        .usingRecursiveComparison().isEqualTo(registeredWithBalance(60)));
    }

    /** The state of a user who registered and then only topped up to this balance. */
    private static User registeredWithBalance(long balance) {
        User user = new User();
        user.on(REGISTERED);
        user.on(new BalanceToppedUp(USER, balance, balance));
        user.on(new BalanceToppedUp(USER, 1, balance + 1));
        return user;
    }
}
