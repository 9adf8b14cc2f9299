package dev.eventshop.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventshop.platform.projections.Projections;
import dev.eventshop.support.IntegrationTest;
import dev.eventshop.support.PoisonedUsers;
import dev.eventshop.support.Replays;
import dev.eventshop.support.ShopClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.eventshop.support.PoisonedUsers.POISONED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The operator's API over HTTP: see the processors, replay one, and deal with dead letters. */
class AdminApiIntegrationTest extends IntegrationTest {

    @Autowired
    private Projections projections;

    @AfterEach
    void cure() {
        POISONED.clear();
    }

    @Test
    void listsEveryProcessorWithItsSegmentsOwnersPositionsAndLag() {
        shop.awaitVersion("/api/users/" + shop.registerUser("seen"), 0);

        List<JsonNode> processors = list(shop.get("/api/admin/processors").getBody());

        assertThat(processors).extracting(p -> p.get("name").asText())
                .contains("users-blue", "users-green", "items-blue", "items-green", "orders-blue", "orders-green",
                        "OrderSagaProcessor", "user-email-claims");
        JsonNode users = processors.stream().filter(p -> p.get("projection").asText().equals("users")
                && p.get("role").asText().equals("serving")).findFirst().orElseThrow();
        assertThat(users.get("generation").asLong()).isPositive();
        assertThat(processors).filteredOn(p -> p.get("projection").asText().equals("users"))
                .extracting(p -> p.get("role").asText()).containsAnyOf("idle", "retired");
        assertThat(users.get("mode").asText()).isEqualTo("tracking");
        assertThat(users.get("running").asBoolean()).isTrue();
        assertThat(users.get("lag").asLong()).isNotNegative();
        assertThat(users.get("headOfStore").asLong()).isPositive();
        JsonNode segment = users.get("segments").get(0);
        assertThat(segment.get("owner").asText()).isNotBlank();
        assertThat(segment.get("position").asLong()).isPositive();
    }

    @Test
    void aReplayFromTheStartRebuildsTheSameViewAndReportsItsProgress() {
        String user = shop.registerUser("replayed");
        shop.topUp(user, 123);
        JsonNode before = shop.awaitVersion("/api/users/" + user, 1);
        jdbc.update("update user_view set balance = -1 where user_id = ?", user); // only a rebuild undoes this

        Replays.awaitFreeSlot(projections, "users");
        var replay = shop.post("/api/admin/processors/users/replay", Map.of());

        assertThat(replay.getStatusCode().value()).isEqualTo(202);
        assertThat(replay.getHeaders().getLocation()).hasPath("/api/admin/projections/users");
        long generation = replay.getBody().get("rebuild").get("generation").asLong();
        List<Double> progress = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode users = shop.get("/api/admin/projections/users").getBody();
            if (!users.get("rebuild").isNull()) {
                progress.add(users.get("rebuild").get("progress").asDouble());
            }
            return users.get("serving").get("generation").asLong() == generation;
        });
        assertThat(progress).allMatch(p -> p >= 0 && p <= 1);
        assertThat(shop.get("/api/users/" + user).getBody()).isEqualTo(before);
    }

    @Test
    void aReplayFromAnInstantHandlesTheLaterEventsAgainAndKeepsWhatCameBefore() {
        String user = shop.registerUser("replayed-from-an-instant");
        shop.topUp(user, 100);
        shop.topUp(user, 50);
        JsonNode before = shop.awaitVersion("/api/users/" + user, 2);
        String from = jdbc.queryForObject("select time_stamp from domain_event_entry"
                + " where aggregate_identifier = ? and sequence_number = 2", String.class, user);
        jdbc.update("update user_view set balance = -1 where user_id = ?", user); // only the replay undoes this

        Replays.awaitFreeSlot(projections, "users");
        var replay = shop.post("/api/admin/processors/users/replay", Map.of("from", from));

        assertThat(replay.getStatusCode().value()).isEqualTo(202);
        assertThat(replay.getBody().get("rebuild").get("from").asText()).isNotBlank();
        await().atMost(Duration.ofSeconds(60)).until(() -> shop.get("/api/users/" + user).getBody()
                .get("balance").asLong() == 150);
        // the registration came before the instant: not cleared, not handled again, still there
        assertThat(shop.get("/api/users/" + user).getBody()).isEqualTo(before);
        assertThat(shop.post("/api/admin/processors/users/replay", Map.of("from", "last week"))
                .getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aSegmentSplitInTwoKeepsEveryEventHandledAndMergesBack() {
        int before = list(shop.get("/api/admin/processors/items").getBody().get("segments")).size();

        // 409 until this node's worker holds segment 0 (an earlier test may have just restarted the processor)
        var split = await().atMost(Duration.ofSeconds(30)).until(
                () -> shop.post("/api/admin/processors/items/segments/0/split", Map.of()),
                answer -> answer.getStatusCode().value() != 409);
        assertThat(split.getStatusCode().value()).as("split: %s", split.getBody()).isEqualTo(200);
        try {
            assertThat(split.getBody().get("segments")).hasSize(before + 1);
            String item = shop.addItem("After the split", 100, 1);
            shop.post("/api/items/" + item + "/restock", Map.of("quantity", 2));
            assertThat(shop.awaitVersion("/api/items/" + item, 1).get("stock").asInt()).isEqualTo(3);
            await().atMost(Duration.ofSeconds(30)).until(() -> shop.get("/api/admin/processors/items").getBody()
                    .get("lag").asLong() == 0);
        } finally {
            // merge back, so that the tests after this one see the usual two segments
            await().atMost(Duration.ofSeconds(30)).until(() -> shop.post(
                    "/api/admin/processors/items/segments/0/merge", Map.of()).getStatusCode().value() == 200);
        }
        assertThat(shop.get("/api/admin/processors/items").getBody().get("segments")).hasSize(before);
        assertThat(shop.post("/api/admin/processors/items/segments/99/split", Map.of()).getStatusCode().value())
                .isEqualTo(409);
        assertThat(shop.post("/api/admin/processors/nope/segments/0/split", Map.of()).getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    void deadLettersCanBeSeenRetriedAndGivenUp() {
        String user = PoisonedUsers.withDeadLetteredTopUp(shop, jdbc, "dead", 40);

        JsonNode letter = lettersOf(user).get(0);
        assertThat(letter.get("eventType").asText()).isEqualTo("BalanceToppedUp");
        assertThat(letter.get("causeMessage").asText()).contains("poisoned by the test");

        POISONED.clear();
        var retried = shop.post("/api/admin/dead-letters/users/retry", Map.of());

        assertThat(retried.getBody().get("count").asInt()).isPositive();
        assertThat(lettersOf(user)).isEmpty();
        assertThat(shop.awaitVersion("/api/users/" + user, 1).get("balance").asLong()).isEqualTo(40);
        assertThat(shop.raw("DELETE", "/api/admin/dead-letters/users/" + user, null, null).getStatusCode().value())
                .as("nothing left to give up").isEqualTo(404);
    }

    @Test
    void oneSequenceCanBeRetriedAloneAndStaysWhenItFailsAgain() {
        String user = PoisonedUsers.withDeadLetteredTopUp(shop, jdbc, "retried-alone", 15);
        String path = "/api/admin/dead-letters/users/" + user + "/retry";

        assertThat(shop.post(path, Map.of()).getBody().get("count").asInt()).as("still poisoned").isZero();
        assertThat(lettersOf(user)).hasSize(1);

        POISONED.clear();
        assertThat(shop.post(path, Map.of()).getBody().get("count").asInt()).isOne();
        assertThat(lettersOf(user)).isEmpty();
        assertThat(shop.awaitVersion("/api/users/" + user, 1).get("balance").asLong()).isEqualTo(15);
        assertThat(shop.post(path, Map.of()).getStatusCode().value()).as("nothing left to retry").isEqualTo(404);
    }

    @Test
    void theEventBrowserFiltersByAggregateTypeAndTimeAndPagesBack() {
        String user = shop.registerUser("browsed");
        shop.topUp(user, 5);
        shop.topUp(user, 6);
        String base = "/api/admin/events?aggregateId=" + user;

        List<JsonNode> all = list(shop.get(base).getBody());
        List<JsonNode> registrations = list(shop.get(base + "&type=UserRegistered").getBody());
        Instant firstTopUp = Instant.parse(all.get(1).get("timestamp").asText());
        List<JsonNode> sinceFirstTopUp = list(shop.get(base + "&from=" + firstTopUp).getBody());
        var firstPage = shop.get(base + "&limit=1");
        List<JsonNode> secondPage = list(shop.get(ShopClient.nextPage(firstPage)).getBody());

        assertThat(all).extracting(e -> e.get("type").asText())
                .containsExactly("BalanceToppedUp", "BalanceToppedUp", "UserRegistered");
        assertThat(all.get(2).get("payload").has("passwordHash")).isFalse();
        assertThat(registrations).hasSize(1);
        assertThat(sinceFirstTopUp).hasSize(2);
        assertThat(secondPage.get(0).get("sequence").asLong()).isEqualTo(1);
        assertThat(shop.get(base + "&from=yesterday").getStatusCode().value()).isEqualTo(400);
        assertThat(shop.get(base + "&limit=100000").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void anAggregatesTimelineShowsEveryEventWhateverItsType() {
        String item = shop.addItem("Timed", 10, 1);
        shop.post("/api/items/" + item + "/restock", Map.of("quantity", 2));

        List<JsonNode> timeline = list(shop.get("/api/admin/aggregates/" + item + "/timeline").getBody());

        assertThat(timeline).extracting(e -> e.get("type").asText()).containsExactly("ItemAdded", "ItemRestocked");
        assertThat(shop.get("/api/admin/aggregates/nothing-here/timeline").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void sagasAndTheirDeadlinesAreListed() {
        String user = shop.registerUser("saga");
        String item = shop.addItem("Saga item", 10, 1);
        shop.awaitTerminal(shop.placeOrder(user, Map.of(item, 1)));

        JsonNode sagas = shop.get("/api/admin/sagas").getBody();

        assertThat(sagas.get("types").isArray()).isTrue();
        assertThat(list(sagas.get("deadlines"))).as("an order's timeout is left to fire and find the order settled")
                .anySatisfy(deadline -> assertThat(Instant.parse(deadline.get("dueAt").asText()))
                        .isAfter(Instant.now()));
    }

    @Test
    void prometheusScrapesLagPerProcessorAndTimersPerMessageType() {
        shop.awaitVersion("/api/users/" + shop.registerUser("measured"), 0);

        int status = shop.status("GET", "/actuator/prometheus", null, "text/plain");
        String metrics = shop.text("/actuator/prometheus");

        assertThat(status).isEqualTo(200);
        assertThat(metrics).contains("eventshop_processor_lag_events{processor=\"users-blue\"}")
                .contains("eventshop_processor_lag_events{processor=\"OrderSagaProcessor\"}");
        assertThat(metrics)
                .containsPattern("eventProcessor_successTimer_seconds_count"
                        + "\\{payloadType=\"UserRegistered\",processorName=\"users-(blue|green)\"}")
                .containsPattern("(?m)^eventProcessor_latency_milliseconds\\{processorName=\"users-(blue|green)\"}")
                .containsPattern("(?m)^commandBus_allTimer_seconds_count\\{payloadType=\"RegisterUser\"}");
    }

    @Test
    void healthShowsTheProcessorsToTheAdminOnly() {
        JsonNode adminView = shop.get("/actuator/health").getBody();
        JsonNode publicView = shop.anonymous().get("/actuator/health").getBody();

        assertThat(adminView.get("components").get("eventProcessors").get("status").asText()).isEqualTo("UP");
        JsonNode details = adminView.get("components").get("eventProcessors").get("details");
        String serving = shop.get("/api/admin/projections/users").getBody().get("serving").get("processor").asText();
        assertThat(details.get(serving).asText()).startsWith("running");
        assertThat(publicView.get("status").asText()).isEqualTo("UP");
        assertThat(publicView.has("components")).isFalse();
    }

    @Test
    void anUnknownProcessorIsNotFound() {
        assertThat(shop.get("/api/admin/processors/nope").getStatusCode().value()).isEqualTo(404);
    }

    private List<JsonNode> lettersOf(String user) {
        String serving = shop.get("/api/admin/projections/users").getBody().get("serving").get("processor").asText();
        return list(shop.get("/api/admin/dead-letters?group=" + serving).getBody()).stream()
                .filter(letter -> letter.get("sequence").asText().equals(user))
                .toList();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
