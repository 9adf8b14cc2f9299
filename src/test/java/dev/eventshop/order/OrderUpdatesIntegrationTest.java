package dev.eventshop.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventshop.support.IntegrationTest;
import dev.eventshop.support.ShopClient;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** GET /api/orders/{id}/updates, read with a plain HTTP client as any SSE consumer would. */
class OrderUpdatesIntegrationTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private EventProcessingConfiguration processing;

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

    /**
     * With the saga stopped, orders stay PENDING and their streams open: a customer may open so many, then gets a
     * 429; the admin is not capped; a stream whose client went away stops counting (the heartbeat finds it).
     */
    @Test
    void aCustomerMayHaveOnlySoManyStreamsOpen() throws Exception {
        ShopClient.Customer customer = shop.registerCustomer("watcher");
        ShopClient signedIn = shop.as(customer);
        String pen = shop.addItem("Pen", 100, 50);
        StreamingEventProcessor saga = processing.eventProcessor("OrderSagaProcessor", StreamingEventProcessor.class)
                .orElseThrow();
        List<InputStream> streams = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        int perCustomer = 8; // eventshop.order.updates-max-open-per-customer
        saga.shutDown();
        try {
            for (int i = 0; i <= perCustomer; i++) {
                orders.add(signedIn.placeOrder(customer.userId(), Map.of(pen, 1)));
            }
            for (int i = 0; i < perCustomer; i++) {
                HttpResponse<InputStream> stream = openRaw(orders.get(i), signedIn.authorization());
                assertThat(stream.statusCode()).isEqualTo(200);
                streams.add(stream.body());
                assertThat(firstData(stream.body())).contains("\"status\":\"PENDING\"");
            }

            HttpResponse<String> refused = http.send(request(orders.get(perCustomer), signedIn.authorization())
                    .header("Accept", "text/event-stream, application/problem+json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(read(refused.body()).get("type").asText()).isEqualTo("/problems/too-many-requests");
            HttpResponse<InputStream> byTheAdmin = openRaw(orders.get(perCustomer), shop.authorization());
            assertThat(byTheAdmin.statusCode()).isEqualTo(200);
            streams.add(byTheAdmin.body());

            streams.remove(0).close(); // the customer goes away from one stream
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
                HttpResponse<InputStream> again = openRaw(orders.get(perCustomer), signedIn.authorization());
                if (again.statusCode() != 200) {
                    again.body().close();
                    return false;
                }
                streams.add(again.body());
                return true;
            });
        } finally {
            saga.start();
            for (InputStream stream : streams) {
                stream.close();
            }
        }
        orders.forEach(shop::awaitTerminal); // leave no saga work behind for the tests that count events
    }

    private HttpRequest.Builder request(String orderId, String authorization) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/orders/" + orderId + "/updates"))
                .header("Authorization", authorization)
                .timeout(Duration.ofSeconds(60));
    }

    private HttpResponse<InputStream> openRaw(String orderId, String authorization) throws Exception {
        return http.send(request(orderId, authorization).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    /** Reads a stream up to its first data line. */
    private static String firstData(InputStream stream) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith("data:")) {
                return line;
            }
        }
        throw new AssertionError("the stream ended without data");
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
