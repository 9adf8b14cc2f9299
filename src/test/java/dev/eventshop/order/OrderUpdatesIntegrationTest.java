package dev.eventshop.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventshop.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/orders/{id}/updates, read with a plain HTTP client as any SSE consumer would. */
class OrderUpdatesIntegrationTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theStreamShowsTheStatusChangesAndEndsWithTheOutcome() throws Exception {
        String user = shop.registerUser("ann");
        shop.topUp(user, 1_000);
        String pen = shop.addItem("Pen", 100, 5);
        String orderId = shop.placeOrder(user, Map.of(pen, 2));

        HttpResponse<java.util.stream.Stream<String>> stream = open(orderId);

        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<JsonNode> events = stream.body() // ends when the server closes the stream
                .filter(line -> line.startsWith("data:"))
                .map(line -> read(line.substring("data:".length())))
                .toList();
        List<String> statuses = events.stream().map(e -> e.get("status").asText()).toList();
        assertThat(statuses).last().isEqualTo("CONFIRMED");
        assertThat(statuses).doesNotHaveDuplicates().isSubsetOf("PENDING", "CONFIRMED");
        assertThat(events.get(events.size() - 1).get("total").asLong()).isEqualTo(200);
    }

    @Test
    void aRejectedOrderEndsItsStreamWithTheReason() throws Exception {
        String user = shop.registerUser("bob");
        String pen = shop.addItem("Pen", 100, 5);
        String orderId = shop.placeOrder(user, Map.of(pen, 1)); // no money

        List<String> data = open(orderId).body().filter(line -> line.startsWith("data:")).toList();

        JsonNode last = read(data.get(data.size() - 1).substring("data:".length()));
        assertThat(last.get("status").asText()).isEqualTo("REJECTED");
        assertThat(last.get("reason").asText()).isEqualTo("INSUFFICIENT_FUNDS");
    }

    @Test
    void anUnknownOrderHasNoStream() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/orders/" + UUID.randomUUID() + "/updates"))
                .header("Accept", "text/event-stream, application/problem+json")
                .header("Authorization", shop.authorization()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(404);
    }

    private HttpResponse<java.util.stream.Stream<String>> open(String orderId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/orders/" + orderId + "/updates"))
                .header("Accept", "text/event-stream")
                .header("Authorization", shop.authorization())
                .timeout(Duration.ofSeconds(60))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofLines());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
