package dev.eventshop.platform.views;

import dev.eventshop.platform.projections.Projections;
import dev.eventshop.support.IntegrationTest;
import dev.eventshop.support.Replays;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A command answers with the aggregate version; a read with ?minVersion= sees at least that write. */
class ReadYourWritesIntegrationTest extends IntegrationTest {

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private Projections projections;
    @Autowired
    private VersionedViews views;

    @Test
    void aReadWithTheAnsweredVersionSeesTheWrite() {
        String userId = shop.registerUser("ann");
        for (int i = 1; i <= 5; i++) {
            var topUp = shop.post("/api/users/" + userId + "/top-ups", Map.of("amount", 10)).getBody();

            var view = shop.get("/api/users/" + userId + "?minVersion=" + topUp.get("version").asLong());

            assertThat(view.getStatusCode().value()).isEqualTo(200);
            assertThat(view.getBody().get("balance").asLong()).isEqualTo(10L * i);
        }
    }

    @Test
    void aJustCreatedItemCanBeReadAtOnceWithMinVersionZero() {
        String itemId = UUID.randomUUID().toString();
        shop.post("/api/items", Map.of("itemId", itemId, "name", "Fresh", "price", 10, "stock", 1));

        var view = shop.get("/api/items/" + itemId + "?minVersion=0");

        assertThat(view.getStatusCode().value()).isEqualTo(200);
        assertThat(view.getBody().get("name").asText()).isEqualTo("Fresh");
    }

    @Test
    void aStoredVersionTheViewHasNotReachedIsA503WithRetryAfter() {
        String itemId = shop.addItem("Static", 10, 1);
        shop.awaitVersion("/api/items/" + itemId, 0);
        StreamingEventProcessor items = Replays.servingProcessor(projections, processing, "items");
        items.shutDown(); // the view stands still
        try {
            shop.post("/api/items/" + itemId + "/restock", Map.of("quantity", 1));

            var answer = shop.get("/api/items/" + itemId + "?minVersion=1");

            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
            assertThat(answer.getBody().get("type").asText()).isEqualTo("/problems/view-behind");
        } finally {
            items.start();
        }
        assertThat(shop.get("/api/items/" + itemId + "?minVersion=1").getBody().get("stock").asInt()).isEqualTo(2);
    }

    @Test
    void anIdThatNamesNothingIsNotFoundAtOnceNotAfterAWait() {
        long started = System.nanoTime();

        var unknown = shop.get("/api/items/" + UUID.randomUUID() + "?minVersion=0");

        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aNegativeMinVersionIsInvalid() {
        String userId = shop.registerUser("bob");

        var answer = shop.get("/api/users/" + userId + "?minVersion=-1");

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().get("field").asText()).isEqualTo("minVersion");
    }

    @Test
    void aVersionBeyondTheStoredOnesIsRefusedAtOnceAndAppendsNothing() {
        String itemId = shop.addItem("Few", 10, 1);
        shop.awaitVersion("/api/items/" + itemId, 0);
        long started = System.nanoTime();

        var answer = shop.anonymous().get("/api/items/" + itemId + "?minVersion=999999999");

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody().get("field").asText()).isEqualTo("minVersion");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(store.countEventsOf(itemId)).isEqualTo(1);
    }

    @Test
    void anIdOfAnotherKindIsNotFoundAtOnce() {
        String userId = shop.registerUser("not-an-item");
        String itemId = shop.addItem("Not a user", 10, 1);
        long started = System.nanoTime();

        assertThat(shop.anonymous().get("/api/items/" + userId + "?minVersion=0").getStatusCode().value())
                .isEqualTo(404);
        assertThat(shop.get("/api/users/" + itemId + "?minVersion=0").getStatusCode().value()).isEqualTo(404);
        assertThat(shop.get("/api/orders/" + itemId + "?minVersion=1").getStatusCode().value()).isEqualTo(404);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    /**
     * While the view stands still, a client opens as many waits as it may: none holds a request thread, the next
     * one is a 429, the admin may still wait, and every wait is answered once the view catches up.
     */
    @Test
    void waitsHoldNoThreadAndEachClientMayOpenOnlySoMany() throws Exception {
        String itemId = shop.addItem("Awaited", 10, 1);
        shop.awaitVersion("/api/items/" + itemId, 0);
        StreamingEventProcessor items = Replays.servingProcessor(projections, processing, "items");
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        items.shutDown();
        try {
            shop.post("/api/items/" + itemId + "/restock", Map.of("quantity", 1));
            int perClient = 16; // eventshop.read-your-writes.max-open-per-client
            for (int i = 0; i < perClient; i++) {
                waiting.add(http.sendAsync(HttpRequest.newBuilder(URI.create(
                                shop.baseUrl() + "/api/items/" + itemId + "?minVersion=1")).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> views.openWaits() == perClient);

            // (with the test context's max-wait of 5 s, a wait that held its thread would hold it beyond this)
            await("no request thread held by a wait").atMost(Duration.ofSeconds(2))
                    .until(() -> requestThreadsInAWait().isEmpty());
            var refused = shop.anonymous().get("/api/items/" + itemId + "?minVersion=1");
            assertThat(refused.getStatusCode().value()).isEqualTo(429);
            assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("1");
            assertThat(refused.getBody().get("type").asText()).isEqualTo("/problems/too-many-requests");
            HttpResponse<String> forwarded = http.send(HttpRequest.newBuilder(URI.create(
                            shop.baseUrl() + "/api/items/" + itemId + "?minVersion=1"))
                    .header("X-Forwarded-For", "203.0.113.7").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(forwarded.statusCode()).as("a forwarded-for header from a proxy not configured as trusted")
                    .isEqualTo(429);
            assertThat(shop.anonymous().get("/api/items/" + itemId).getStatusCode().value()).isEqualTo(200);
            waiting.add(http.sendAsync(HttpRequest.newBuilder(URI.create(
                            shop.baseUrl() + "/api/items/" + itemId + "?minVersion=1"))
                    .header("Authorization", shop.authorization()).build(), HttpResponse.BodyHandlers.ofString()));
            await().atMost(Duration.ofSeconds(10)).until(() -> views.openWaits() == perClient + 1);
        } finally {
            items.start();
        }
        for (CompletableFuture<HttpResponse<String>> wait : waiting) {
            HttpResponse<String> answer = wait.get();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"stock\":2");
        }
        assertThat(views.openWaits()).isZero();
    }

    /** The request threads (Tomcat's executor) whose stack is in a read-your-writes wait. */
    private static List<String> requestThreadsInAWait() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getName().contains("-exec-"))
                .filter(thread -> Arrays.stream(thread.getValue()).anyMatch(frame ->
                        frame.getClassName().equals(VersionedViews.class.getName())
                                || frame.getClassName().contains("BlockingSingleSubscriber")))
                .map(thread -> thread.getKey().getName())
                .toList();
    }
}
