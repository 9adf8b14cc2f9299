package dev.eventshop.user;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventshop.platform.projections.Projections;
import dev.eventshop.support.DatabaseSearch;
import dev.eventshop.support.IntegrationTest;
import dev.eventshop.support.Replays;
import dev.eventshop.support.ShopClient;
import dev.eventshop.support.StoreInvariants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The right to be forgotten: DELETE /api/users/{id} erases the personal data and keeps the books. */
class ErasureIntegrationTest extends IntegrationTest {

    @Autowired
    private Projections projections;

    @Test
    void anErasedCustomerIsForgottenEverywhereWhileTheBooksStillAddUp() {
        String name = "Erin-" + UUID.randomUUID().toString().substring(0, 8);
        ShopClient.Customer erin = shop.registerCustomer(name); // the e-mail starts with the name
        String email = erin.email();
        ShopClient asErin = shop.as(erin);
        for (int i = 0; i < 6; i++) { // past the test's snapshot threshold of 5
            asErin.topUp(erin.userId(), 100);
        }
        String item = shop.addItem("Scarf", 150, 10);
        String order = shop.placeOrder(erin.userId(), Map.of(item, 2));
        assertThat(shop.awaitTerminal(order).get("status").asText()).isEqualTo("CONFIRMED");
        Instant beforeErasure = Instant.now();
        long balance = shop.get("/api/users/" + erin.userId()).getBody().get("balance").asLong();
        long version = jdbc.queryForObject("select max(sequence_number) from domain_event_entry "
                + "where aggregate_identifier = ?", Long.class, erin.userId());

        assertThat(columnsHolding(email)).as("the search finds what is there: the claim, the view")
                .anyMatch(column -> column.startsWith("user_email_claim.email"))
                .anyMatch(column -> column.startsWith("user_view.email"));

        var erased = asErin.delete("/api/users/" + erin.userId());

        assertThat(erased.getStatusCode().value()).isEqualTo(204);
        assertThat(asErin.get("/api/users/" + erin.userId()).getStatusCode().value())
                .as("the account no longer signs in").isEqualTo(401);
        JsonNode view = shop.awaitVersion("/api/users/" + erin.userId(), version + 1);
        assertThat(view.get("erased").asBoolean()).isTrue();
        assertThat(view.get("name").isNull()).isTrue();
        assertThat(view.get("email").isNull()).isTrue();
        assertThat(view.get("balance").asLong()).isEqualTo(balance).isEqualTo(600 - 300);
        JsonNode past = shop.get("/api/users/" + erin.userId() + "?asOf=" + beforeErasure).getBody();
        assertThat(past.get("erased").asBoolean()).as("time travel shows the account erased").isTrue();
        assertThat(past.get("name").isNull()).isTrue();
        assertThat(past.get("balance").asLong()).isEqualTo(balance);

        List<JsonNode> trail = shop.allPages("/api/users/" + erin.userId() + "/events", () -> { });
        assertThat(trail.get(0).get("type").asText()).isEqualTo("UserRegistered");
        assertThat(trail.get(0).get("personalDataErased").asBoolean()).isTrue();
        assertThat(trail.get(0).get("payload").get("name").isNull()).isTrue();
        JsonNode erasure = trail.get(trail.size() - 1);
        assertThat(erasure.get("type").asText()).isEqualTo("UserErased");
        assertThat(erasure.get("payload").get("requestedBy").asText()).isEqualTo(erin.userId());
        assertThat(erasure.get("principal").asText()).isEqualTo(erin.userId());
        JsonNode browsed = shop.get("/api/admin/events?aggregateId=" + erin.userId() + "&type=UserRegistered")
                .getBody().get(0);
        assertThat(browsed.get("personalDataErased").asBoolean()).isTrue();
        assertThat(browsed.get("payload").get("email").isNull()).isTrue();

        assertThat(columnsHolding(name)).as("the name, anywhere in the database").isEmpty();
        assertThat(columnsHolding(email)).as("the e-mail, anywhere in the database").isEmpty();
        new StoreInvariants(jdbc).allHold();

        long events = store.countEvents();
        assertThat(shop.delete("/api/users/" + erin.userId()).getStatusCode().value())
                .as("a repeat answers as the first").isEqualTo(204);
        assertThat(store.countEvents()).as("and stores nothing").isEqualTo(events);
        assertThat(shop.post("/api/users/" + erin.userId() + "/top-ups", Map.of("amount", 5)).getStatusCode()
                .value()).as("an erased account takes no top-ups").isEqualTo(409);
        assertThat(store.countEvents()).isEqualTo(events);

        Replays.rebuildFromStart(projections, "users");
        assertThat(shop.get("/api/users/" + erin.userId()).getBody()).as("a replay gives the same view")
                .isEqualTo(view);
        assertThat(shop.anonymous().post("/api/users", Map.of("name", "Someone Else", "email", email,
                "password", "another-password")).getStatusCode().value())
                .as("the e-mail address is free again").isEqualTo(201);
    }

    @Test
    void ordersOfAnErasedCustomerStillEndAndNewOnesAreRejected() {
        ShopClient.Customer fay = shop.registerCustomer("fay");
        shop.topUp(fay.userId(), 1_000);
        String item = shop.addItem("Gloves", 100, 100);
        String pending = shop.placeOrder(fay.userId(), Map.of(item, 1));

        assertThat(shop.delete("/api/users/" + fay.userId()).getStatusCode().value()).isEqualTo(204);
        String afterwards = shop.placeOrder(fay.userId(), Map.of(item, 1));

        assertThat(shop.awaitTerminal(pending).get("status").asText()).isIn("CONFIRMED", "REJECTED");
        JsonNode rejected = shop.awaitTerminal(afterwards);
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("reason").asText()).isEqualTo("ACCOUNT_ERASED");
        new StoreInvariants(jdbc).allHold();
    }

    @Test
    void erasingAnUnknownIdAnItemOrAnotherCustomersAccountIsRefusedAndStoresNothing() {
        ShopClient.Customer gus = shop.registerCustomer("gus");
        ShopClient.Customer hal = shop.registerCustomer("hal");
        String item = shop.addItem("Hat", 100, 1);
        long before = store.countEvents();

        var unknown = shop.delete("/api/users/" + UUID.randomUUID());
        var anItem = shop.delete("/api/users/" + item);
        var another = shop.as(gus).delete("/api/users/" + hal.userId());
        var malformed = shop.delete("/api/users/not-an-id");
        var anonymous = shop.anonymous().delete("/api/users/" + hal.userId());

        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(anItem.getStatusCode().value()).isEqualTo(404);
        assertThat(another.getStatusCode().value()).isEqualTo(403);
        assertThat(another.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(store.countEvents()).isEqualTo(before);
        assertThat(shop.as(hal).get("/api/users/" + hal.userId()).getBody().get("erased").asBoolean()).isFalse();
    }

    private List<String> columnsHolding(String text) {
        return DatabaseSearch.columnsHolding(jdbc, text);
    }
}
