package dev.eventshop.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventshop.support.IntegrationTest;
import dev.eventshop.support.ShopClient;
import dev.eventshop.support.ShopClient.Customer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed sign-ins per account and per address, registrations per address and orders per customer are throttled
 * with 429 and Retry-After; the admin's own requests are not. The tests here share the suite's context, whose
 * limits per address are raised for the rest of the suite: 200 failed sign-ins, 1000 registrations.
 */
class ThrottlingIntegrationTest extends IntegrationTest {

    @Autowired
    private Throttles throttles;

    @AfterEach
    void forgetTheCounts() {
        throttles.forgetAll(); // the other tests sign in and register from the same address
    }

    @Test
    void wrongPasswordsForOneAccountAreThrottledWithinTheFirstTwentyAndNothingIsAppended() {
        Customer customer = shop.registerCustomer("guessed");
        ShopClient guesser = shop.as(customer.email(), "wrong-password");
        long events = eventsOf(customer.userId());
        List<Integer> statuses = new ArrayList<>();

        ResponseEntity<JsonNode> throttled = null;
        java.time.Instant started = java.time.Instant.now();
        for (int i = 0; i < 100; i++) {
            ResponseEntity<JsonNode> answer = guesser.get("/api/users/" + customer.userId());
            statuses.add(answer.getStatusCode().value());
            if (answer.getStatusCode().value() == 429 && throttled == null) {
                throttled = answer;
            }
        }

        assertThat(statuses.subList(0, 10)).as("the allowance: 10 per minute").containsOnly(401);
        assertThat(statuses.indexOf(429)).as("429s within the first 20").isBetween(10, 19);
        // the allowance refills one every 6 s: a slow machine may see one more guess go through
        assertThat(statuses.stream().filter(status -> status == 401).count()).isBetween(10L, 12L);
        assertThat(statuses).containsOnly(401, 429);
        assertThat(throttled.getHeaders().getFirst("Retry-After")).matches("[1-9][0-9]*");
        assertThat(throttled.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(throttled.getBody().get("type").asText())
                .isEqualTo("/problems/too-many-requests");
        // one guess more every 6 s: the right password waits for it too, and passes only once one is due
        int right = shop.as(customer).get("/api/users/" + customer.userId()).getStatusCode().value();
        java.time.Duration since = java.time.Duration.between(started, java.time.Instant.now());
        assertThat(right).as("the right password is throttled too until the window refills").isIn(200, 429);
        if (right == 200) {
            assertThat(since).as("let through only after a guess was due again").isGreaterThan(
                    java.time.Duration.ofSeconds(6));
        }
        assertThat(eventsOf(customer.userId())).as("nothing appended").isEqualTo(events);
    }

    @Test
    void theOwnerWhoSignedInAMomentAgoIsNotLockedOutByAGuesser() {
        Customer customer = shop.registerCustomer("owner");
        assertThat(shop.as(customer).get("/api/users/" + customer.userId()).getStatusCode().value()).isEqualTo(200);

        for (int i = 0; i < 20; i++) {
            shop.as(customer.email(), "guess-" + i).get("/api/users/" + customer.userId());
        }

        assertThat(shop.as(customer).get("/api/users/" + customer.userId()).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void failedAdminSignInsAreThrottledButTheAdminsRequestsAreNot() {
        for (int i = 0; i < 10; i++) {
            assertThat(shop.as("admin", "guess-" + i).get("/api/admin/processors").getStatusCode().value())
                    .isEqualTo(401);
        }
        assertThat(shop.as("admin", "guess").get("/api/admin/processors").getStatusCode().value()).isEqualTo(429);
        throttles.forgetAll();

        for (int i = 0; i < 130; i++) { // more orders than a customer's allowance (120 a minute)
            assertThat(shop.post("/api/orders", Map.of()).getStatusCode().value()).isEqualTo(400);
        }
    }

    @Test
    void failedSignInsFromOneAddressAreThrottledWhateverTheAccount() {
        Customer someoneElse = shop.registerCustomer("same-address");
        // a user name no account can have costs no hash: the cheapest way to use the allowance (200) up
        int firstThrottled = firstThrottled(400, i -> shop.as("not an account " + i + "\u0001", "x")
                .get("/api/items/none/events"));

        assertThat(firstThrottled).as("the allowance is given, then refused").isBetween(200, 400);
        // the allowance refills by one every 300 ms: one guess may just get that one, the next may not
        List<Integer> otherAccount = List.of(1, 2).stream().map(i -> shop.as(someoneElse.email(), "wrong-" + i)
                .get("/api/users/" + someoneElse.userId()).getStatusCode().value()).toList();
        assertThat(otherAccount).as("another account from the same address").contains(429);
    }

    @Test
    void registrationsFromOneAddressAreThrottled() {
        ShopClient anonymous = shop.anonymous();
        // refused registrations count too: harvesting addresses is trying many that are taken
        int firstThrottled = firstThrottled(2_000, i -> anonymous.post("/api/users", Map.of("name", "x")));

        assertThat(firstThrottled).isBetween(1_000, 2_000);
    }

    @Test
    void ordersOfOneCustomerAreThrottled() {
        Customer customer = shop.registerCustomer("eager");
        ShopClient eager = shop.as(customer);
        long placed = ordersPlaced();

        int firstThrottled = firstThrottled(300, i -> eager.post("/api/orders", Map.of("userId", customer.userId())));

        assertThat(firstThrottled).as("the allowance: 120 a minute").isBetween(120, 300);
        assertThat(ordersPlaced()).as("nothing appended").isEqualTo(placed);
    }

    /** Counted alone: sagas of earlier tests may still be appending their events. */
    private long eventsOf(String aggregateId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateId);
    }

    private long ordersPlaced() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like '%.OrderPlaced'",
                Long.class);
    }

    /**
     * The index of the first request answered 429, sending at most {@code most}; the allowance refills while the
     * requests go out, so it may come a little after the allowance.
     */
    private static int firstThrottled(int most, java.util.function.IntFunction<ResponseEntity<JsonNode>> request) {
        for (int i = 0; i < most; i++) {
            ResponseEntity<JsonNode> answer = request.apply(i);
            if (answer.getStatusCode().value() == 429) {
                assertThat(answer.getHeaders().getFirst("Retry-After")).matches("[1-9][0-9]*");
                assertThat(answer.getBody().get("type").asText()).isEqualTo("/problems/too-many-requests");
                return i;
            }
        }
        return most;
    }
}
