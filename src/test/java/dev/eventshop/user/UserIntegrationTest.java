package dev.eventshop.user;

import dev.eventshop.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UserIntegrationTest extends IntegrationTest {

    @Test
    void registersWithAClientSuppliedIdAndServesTheAccount() {
        String userId = UUID.randomUUID().toString();
        var answer = shop.post("/api/users", Map.of("userId", userId, "name", "Ann",
                "email", userId + "@example.com", "password", "secret-pass"));

        assertThat(answer.getStatusCode().value()).isEqualTo(201);
        assertThat(answer.getHeaders().getLocation()).hasToString("/api/users/" + userId);
        var view = shop.awaitVersion("/api/users/" + userId, 0);
        assertThat(view.get("name").asText()).isEqualTo("Ann");
        assertThat(view.get("balance").asLong()).isZero();
    }

    @Test
    void topUpsAnswerTheBalanceAndTheVersionTheViewThenReaches() {
        String userId = shop.registerUser("bob");

        shop.topUp(userId, 250);
        var answer = shop.post("/api/users/" + userId + "/top-ups", Map.of("amount", 50));

        assertThat(answer.getBody().get("balance").asLong()).isEqualTo(300);
        assertThat(answer.getBody().get("version").asLong()).isEqualTo(2);
        assertThat(shop.awaitVersion("/api/users/" + userId, 2).get("balance").asLong()).isEqualTo(300);
    }

    @Test
    void anEmailAddressBelongsToOneUserOnlyAndARefusedRegistrationStoresNothing() {
        String email = "taken-" + UUID.randomUUID() + "@example.com";
        assertThat(shop.post("/api/users", Map.of("name", "First", "email", email, "password", "secret-pass"))
                .getStatusCode().value()).isEqualTo(201);
        long before = store.countEvents();

        var answer = shop.post("/api/users",
                Map.of("name", "Second", "email", email.toUpperCase(), "password", "secret-pass"));

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody().get("type").asText()).isEqualTo("/problems/email-taken");
        assertThat(answer.getBody().toString()).as("the address is not repeated")
                .doesNotContainIgnoringCase(email);
        assertThat(store.countEvents()).isEqualTo(before);
    }

    @Test
    void invalidRegistrationsAndTopUpsAreRefusedWithNothingStored() {
        String userId = shop.registerUser("cid");
        long before = store.countEvents();

        assertThat(shop.post("/api/users", Map.of("name", "", "email", "x@example.com", "password", "secret-pass"))
                .getStatusCode().value()).isEqualTo(400);
        assertThat(shop.post("/api/users", Map.of("name", "Dee", "email", "not-an-email", "password", "secret-pass"))
                .getStatusCode().value()).isEqualTo(400);
        assertThat(shop.post("/api/users/" + userId + "/top-ups", Map.of("amount", 0)).getStatusCode().value())
                .isEqualTo(400);
        assertThat(shop.post("/api/users/" + userId + "/top-ups", Map.of("amount", -5)).getStatusCode().value())
                .isEqualTo(400);
        assertThat(store.countEvents()).isEqualTo(before);
    }

    @Test
    void unknownUsersAreNotFound() {
        String unknown = UUID.randomUUID().toString();

        var read = shop.get("/api/users/" + unknown);
        var topUp = shop.post("/api/users/" + unknown + "/top-ups", Map.of("amount", 5));

        assertThat(read.getStatusCode().value()).isEqualTo(404);
        assertThat(read.getBody().get("type").asText()).isEqualTo("/problems/not-found");
        assertThat(topUp.getStatusCode().value()).isEqualTo(404);
        assertThat(topUp.getBody().get("type").asText()).isEqualTo("/problems/not-found");
    }
}
