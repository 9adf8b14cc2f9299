package dev.eventshop.platform.web;

import dev.eventshop.support.IntegrationTest;
import dev.eventshop.user.api.TopUpBalance;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Client mistakes get a 4xx problem+json with a stable type and the offending field, and nothing is
 * appended to the event store. {user}, {item} and {unknown} in a path or body stand for a registered user,
 * an existing item and an id nobody has.
 */
class BadInputIntegrationTest extends IntegrationTest {

    private static final String JSON = "application/json";
    private static final String UNKNOWN = UUID.randomUUID().toString();

    @Autowired
    private CommandGateway commands;

    private String user;
    private String item;

    @BeforeEach
    void existingUserAndItem() {
        user = shop.registerUser("target");
        item = shop.addItem("Target", 100, 10);
    }

    static Stream<Arguments> mistakes() {
        String name201 = "n".repeat(201);
        String longEmail = "e".repeat(250) + "@example.com";
        String manyLines = IntStream.range(0, 101)
                .mapToObj(i -> "{\"itemId\":\"" + UUID.randomUUID() + "\",\"quantity\":1}")
                .collect(Collectors.joining(",", "[", "]"));
        return Stream.of(
                // registration
                arguments("POST", "/api/users", JSON,
                        "{\"name\":\"\",\"email\":\"a@example.com\",\"password\":\"secret-pass\"}",
                        400, "validation", "name"),
                arguments("POST", "/api/users", JSON,
                        "{\"name\":\"A\",\"email\":\"not-an-email\",\"password\":\"secret-pass\"}",
                        400, "validation", "email"),
                arguments("POST", "/api/users", JSON,
                        "{\"name\":\"" + name201 + "\",\"email\":\"a@example.com\",\"password\":\"secret-pass\"}",
                        400, "validation", "name"),
                arguments("POST", "/api/users", JSON,
                        "{\"name\":\"A\",\"email\":\"" + longEmail + "\",\"password\":\"secret-pass\"}",
                        400, "validation", "email"),
                arguments("POST", "/api/users", JSON,
                        "{\"userId\":\"42\",\"name\":\"A\",\"email\":\"a@example.com\",\"password\":\"secret-pass\"}",
                        400, "validation", "userId"),
                arguments("POST", "/api/users", JSON, "{\"password\":\"secret-pass\"}", 400, "validation", "email"),
                arguments("POST", "/api/users", JSON, "{\"name\":", 400, "malformed-json", null),
                arguments("POST", "/api/users", JSON,
                        "{\"name\":[\"A\"],\"email\":\"a@example.com\",\"password\":\"secret-pass\"}",
                        400, "validation", "name"),
                arguments("POST", "/api/users", JSON, null, 400, "missing-body", null),
                arguments("POST", "/api/users", JSON,
                        "{\"name\":\"A\\u0000B\",\"email\":\"a@example.com\",\"password\":\"secret-pass\"}",
                        400, "validation", "name"),
                arguments("POST", "/api/items", JSON, "{\"name\":\"Pen\\u0007\",\"price\":10,\"stock\":1}",
                        400, "validation", "name"),
                arguments("POST", "/api/users", JSON,
                        "{\"name\":\"A\",\"email\":\"a@example.com\",\"password\":\"short\"}",
                        400, "validation", "password"),
                arguments("POST", "/api/users", JSON,
                        "{\"name\":\"A\",\"email\":\"a@example.com\",\"password\":\"" + "é".repeat(40) + "\"}",
                        400, "validation", "password"),
                arguments("GET", "/api/users/{user}?asOf=last-tuesday", null, null, 400, "validation", "asOf"),
                arguments("POST", "/api/admin/projections/items/rebuild", JSON, "{\"from\":\"yesterday\"}",
                        400, "validation", "from"),
                arguments("GET", "/api/items/{item}?asOf=2026-13-45T99:00:00Z", null, null, 400, "validation", "asOf"),
                arguments("POST", "/api/users", "text/plain", "name=A", 415, "unsupported-media-type", null),
                // top-ups
                arguments("POST", "/api/users/{user}/top-ups", JSON, "{\"amount\":0}", 400, "validation", "amount"),
                arguments("POST", "/api/users/{user}/top-ups", JSON, "{\"amount\":-5}", 400, "validation", "amount"),
                arguments("POST", "/api/users/{user}/top-ups", JSON,
                        "{\"amount\":1000000000001}", 400, "validation", "amount"),
                arguments("POST", "/api/users/{user}/top-ups", JSON,
                        "{\"amount\":99999999999999999999}", 400, "validation", "amount"),
                arguments("POST", "/api/users/{user}/top-ups", JSON,
                        "{\"amount\":\"ten\"}", 400, "validation", "amount"),
                arguments("POST", "/api/users/{user}/top-ups", JSON, "{\"amount\":1.5}", 400, "validation", "amount"),
                arguments("POST", "/api/users/{user}/top-ups", JSON, "{\"amount\":null}", 400, "validation", "amount"),
                arguments("POST", "/api/users/not-a-uuid/top-ups", JSON, "{\"amount\":5}", 400, "validation", "userId"),
                arguments("POST", "/api/users/{unknown}/top-ups", JSON, "{\"amount\":5}", 404, "not-found", null),
                arguments("GET", "/api/users/not-a-uuid", null, null, 400, "validation", "userId"),
                // items
                arguments("POST", "/api/items", JSON,
                        "{\"name\":\"Pen\",\"price\":0,\"stock\":1}", 400, "validation", "price"),
                arguments("POST", "/api/items", JSON,
                        "{\"name\":\"Pen\",\"price\":10,\"stock\":-1}", 400, "validation", "stock"),
                arguments("POST", "/api/items", JSON,
                        "{\"name\":\"Pen\",\"price\":10,\"stock\":1000000001}", 400, "validation", "stock"),
                arguments("POST", "/api/items", JSON,
                        "{\"name\":\"" + name201 + "\",\"price\":10,\"stock\":1}", 400, "validation", "name"),
                arguments("POST", "/api/items/{item}/restock", JSON, "{\"quantity\":0}", 400, "validation", "quantity"),
                arguments("POST", "/api/items/{item}/restock", JSON,
                        "{\"quantity\":2147483648}", 400, "validation", "quantity"),
                arguments("PUT", "/api/items/{item}/price", JSON, "{\"price\":-1}", 400, "validation", "price"),
                arguments("POST", "/api/items/{unknown}/restock", JSON, "{\"quantity\":1}", 404, "not-found", null),
                arguments("GET", "/api/items/{unknown}", null, null, 404, "not-found", null),
                // orders
                arguments("POST", "/api/orders", JSON,
                        "{\"userId\":\"{user}\",\"lines\":[]}", 400, "validation", "lines"),
                arguments("POST", "/api/orders", JSON, "{\"userId\":\"{user}\"}", 400, "validation", "lines"),
                arguments("POST", "/api/orders", JSON,
                        "{\"userId\":\"{user}\",\"lines\":[{\"itemId\":\"{item}\",\"quantity\":0}]}",
                        400, "validation", "lines[0].quantity"),
                arguments("POST", "/api/orders", JSON,
                        "{\"userId\":\"{user}\",\"lines\":[{\"itemId\":\"{item}\",\"quantity\":-2}]}",
                        400, "validation", "lines[0].quantity"),
                arguments("POST", "/api/orders", JSON,
                        "{\"userId\":\"{user}\",\"lines\":[{\"itemId\":\"{item}\",\"quantity\":1},"
                                + "{\"itemId\":\"{item}\",\"quantity\":2}]}",
                        400, "validation", "lines[1].itemId"),
                arguments("POST", "/api/orders", JSON,
                        "{\"userId\":\"{user}\",\"lines\":[{\"itemId\":\"pen\",\"quantity\":1}]}",
                        400, "validation", "lines[0].itemId"),
                arguments("POST", "/api/orders", JSON,
                        "{\"lines\":[{\"itemId\":\"{item}\",\"quantity\":1}]}", 400, "validation", "userId"),
                arguments("POST", "/api/orders", JSON,
                        "{\"userId\":\"{user}\",\"lines\":" + manyLines + "}", 400, "validation", "lines"),
                arguments("POST", "/api/orders", JSON,
                        "{\"userId\":\"{user}\",\"lines\":[{\"itemId\":\"{item}\",\"quantity\":\"many\"}]}",
                        400, "validation", "lines[0].quantity"),
                arguments("GET", "/api/orders/xyz", null, null, 400, "validation", "orderId"),
                arguments("GET", "/api/orders/{unknown}", null, null, 404, "not-found", null),
                // the HTTP surface
                arguments("GET", "/api/nowhere", null, null, 404, "not-found", null),
                arguments("DELETE", "/api/users", null, null, 405, "method-not-allowed", null));
    }

    @ParameterizedTest(name = "{0} {1} {3} -> {4} {5} {6}")
    @MethodSource("mistakes")
    void isAnsweredWithAProblemAndAppendsNothing(String method, String path, String contentType, String body,
                                                 int status, String type, String field) {
        long before = store.countEvents();

        var answer = shop.raw(method, resolve(path), contentType, body == null ? null : resolve(body));

        assertThat(answer.getStatusCode().value()).as("status; body %s", answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody().get("type").asText()).isEqualTo("/problems/" + type);
        assertThat(answer.getBody().get("title").asText()).isNotBlank();
        if (field != null) {
            assertThat(answer.getBody().get("field").asText()).isEqualTo(field);
        }
        assertThat(store.countEvents()).as("events appended").isEqualTo(before);
    }

    @Test
    void aBalanceThatWouldOverflowIsABusinessRuleConflictAndAppendsNothing() {
        commands.sendAndWait(new TopUpBalance(user, Long.MAX_VALUE - 10)); // past what the API lets one add
        long before = store.countEvents();

        var answer = shop.post("/api/users/" + user + "/top-ups", Map.of("amount", 100));

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody().get("type").asText()).isEqualTo("/problems/balance-overflow");
        assertThat(store.countEvents()).isEqualTo(before);
    }

    @Test
    void aRetriedIdenticalCreateIsIdempotentAndADifferentOneIsAConflict() {
        String userId = UUID.randomUUID().toString();
        Map<String, Object> registration = Map.of("userId", userId, "name", "Ann", "email", userId + "@example.com",
                "password", "secret-pass");
        String orderId = UUID.randomUUID().toString();
        Map<String, Object> order = Map.of("orderId", orderId, "userId", user,
                "lines", java.util.List.of(Map.of("itemId", item, "quantity", 1)));

        assertThat(shop.post("/api/users", registration).getStatusCode().value()).isEqualTo(201);
        assertThat(shop.post("/api/orders", order).getStatusCode().value()).isEqualTo(202);
        long before = store.countEvents();

        var retriedUser = shop.post("/api/users", registration);
        var retriedOrder = shop.post("/api/orders", order);
        var otherUser = shop.post("/api/users", Map.of("userId", userId, "name", "Bob",
                "email", "bob-" + userId + "@example.com", "password", "secret-pass"));

        assertThat(retriedUser.getStatusCode().value()).isEqualTo(201);
        assertThat(retriedUser.getBody().get("userId").asText()).isEqualTo(userId);
        assertThat(retriedOrder.getStatusCode().value()).isEqualTo(202);
        assertThat(otherUser.getStatusCode().value()).isEqualTo(409);
        assertThat(otherUser.getBody().get("type").asText()).isEqualTo("/problems/already-exists");
        shop.awaitTerminal(orderId);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier in (?, ?)",
                Long.class, userId, orderId)).isEqualTo(3); // registered; placed and its outcome
        assertThat(before).isPositive();
    }

    private String resolve(String template) {
        return template.replace("{user}", user).replace("{item}", item).replace("{unknown}", UNKNOWN);
    }
}
