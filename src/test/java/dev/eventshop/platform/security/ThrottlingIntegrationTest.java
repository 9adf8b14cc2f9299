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
        long events = store.countEvents();
        List<Integer> statuses = new ArrayList<>();

        ResponseEntity<JsonNode> throttled = null;
        for (int i = 0; i < 100; i++) {
            ResponseEntity<JsonNode> answer = guesser.get("/api/users/" + customer.userId());
            statuses.add(answer.getStatusCode().value());
            if (answer.getStatusCode().value() == 429 && throttled == null) {
                throttled = answer;
            }
        }

        assertThat(statuses.subList(0, 10)).as("the allowance: 10 per minute").containsOnly(401);
        assertThat(statuses.subList(10, 20)).containsOnly(429);
        assertThat(statuses.subList(20, 100)).containsOnly(429);
        assertThat(throttled.getHeaders().getFirst("Retry-After")).matches("[1-9][0-9]*");
        assertThat(throttled.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(throttled.getBody().get("type").asText())
                .isEqualTo("/problems/too-many-requests");
        assertThat(shop.as(customer).get("/api/users/" + customer.userId()).getStatusCode().value())
                .as("the right password is throttled too until the window refills").isEqualTo(429);
        assertThat(store.countEvents()).as("nothing appended").isEqualTo(events);
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
        int status = 0;
        for (int i = 0; i <= 200 && status != 429; i++) {
            // a user name no account can have costs no hash: the cheapest way to use the allowance up
            status = shop.as("not an account " + i + "\u0001", "x").get("/api/items/none/events").getStatusCode()
                    .value();
        }

        assertThat(status).isEqualTo(429);
        Customer someoneElse = shop.anonymous().registerCustomer("same-address");
        assertThat(shop.as(someoneElse.email(), "wrong").get("/api/users/" + someoneElse.userId())
                .getStatusCode().value()).as("another account from the same address").isEqualTo(429);
    }

    @Test
    void registrationsFromOneAddressAreThrottled() {
        ShopClient anonymous = shop.anonymous();
        int status = 0;
        int tried = 0;
        while (status != 429 && tried++ <= 1_000) {
            status = anonymous.post("/api/users", Map.of("name", "x")).getStatusCode().value(); // 400s count too
        }

        assertThat(tried).isEqualTo(1_001);
        assertThat(status).isEqualTo(429);
    }

    @Test
    void ordersOfOneCustomerAreThrottled() {
        Customer customer = shop.registerCustomer("eager");
        ShopClient eager = shop.as(customer);
        long events = store.countEvents();
        int status = 0;
        int tried = 0;
        while (status != 429 && tried++ <= 120) {
            status = eager.post("/api/orders", Map.of("userId", customer.userId())).getStatusCode().value();
        }

        assertThat(tried).as("the allowance: 120 a minute").isEqualTo(121);
        assertThat(store.countEvents()).isEqualTo(events);
    }
}
