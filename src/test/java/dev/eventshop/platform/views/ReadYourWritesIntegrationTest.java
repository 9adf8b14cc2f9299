package dev.eventshop.platform.views;

import dev.eventshop.support.IntegrationTest;
import dev.eventshop.platform.projections.Projections;
import dev.eventshop.support.Replays;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A command answers with the aggregate version; a read with ?minVersion= sees at least that write. */
class ReadYourWritesIntegrationTest extends IntegrationTest {

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private Projections projections;

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
}
