package dev.eventshop.platform.security;

import dev.eventshop.support.IntegrationTest;
import dev.eventshop.support.ShopClient;
import dev.eventshop.support.ShopClient.Customer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every endpoint against anonymous, customer A (who owns the account and order), customer B and the admin.
 * {A}, {order} and {item} stand for A's user id, A's order and an existing item.
 */
class AuthorizationMatrixTest extends IntegrationTest {

    private static final String JSON = "application/json";
    private static final String STREAM = "text/event-stream";

    private Customer customerA;
    private Customer customerB;
    private String item;
    private String order;

    @BeforeEach
    void ownersAndTheirThings() {
        customerA = shop.registerCustomer("a");
        customerB = shop.registerCustomer("b");
        shop.topUp(customerA.userId(), 10_000);
        item = shop.addItem("Guarded", 10, 1_000);
        order = shop.as(customerA).placeOrder(customerA.userId(), Map.of(item, 1));
        shop.awaitTerminal(order);
    }

    static Stream<Arguments> endpoints() {
        return Stream.of(
                //         method  path                              accept  body     anon  A    B    admin
                arguments("GET", "/api/users/{A}", JSON, null, 401, 200, 403, 200),
                arguments("GET", "/api/users/{A}?asOf={now}", JSON, null, 401, 200, 403, 200),
                arguments("GET", "/api/users/{A}/events", JSON, null, 401, 200, 403, 200),
                arguments("GET", "/api/users/{A}/orders", JSON, null, 401, 200, 403, 200),
                arguments("POST", "/api/users/{A}/top-ups", JSON, "{\"amount\":5}", 401, 200, 403, 200),
                arguments("GET", "/api/items", JSON, null, 200, 200, 200, 200),
                arguments("GET", "/api/items/{item}", JSON, null, 200, 200, 200, 200),
                arguments("GET", "/api/items/{item}/events", JSON, null, 401, 403, 403, 200), // names buyers
                arguments("POST", "/api/items", JSON, "{\"name\":\"New\",\"price\":5,\"stock\":1}", 401, 403, 403, 201),
                arguments("POST", "/api/items/{item}/restock", JSON, "{\"quantity\":1}", 401, 403, 403, 200),
                arguments("PUT", "/api/items/{item}/price", JSON, "{\"price\":11}", 401, 403, 403, 200),
                arguments("POST", "/api/orders", JSON,
                        "{\"userId\":\"{A}\",\"lines\":[{\"itemId\":\"{item}\",\"quantity\":1}]}", 401, 202, 403, 202),
                arguments("GET", "/api/orders/{order}", JSON, null, 401, 200, 403, 200),
                arguments("GET", "/api/orders/{order}/events", JSON, null, 401, 200, 403, 200),
                arguments("GET", "/api/orders/{order}/updates", STREAM, null, 401, 200, 403, 200),
                arguments("GET", "/api/admin/processors", JSON, null, 401, 403, 403, 200),
                arguments("GET", "/api/admin/dead-letters", JSON, null, 401, 403, 403, 200),
                arguments("GET", "/actuator/metrics", JSON, null, 401, 403, 403, 200),
                arguments("GET", "/actuator/health", JSON, null, 200, 200, 200, 200),
                arguments("GET", "/v3/api-docs", JSON, null, 200, 200, 200, 200),
                arguments("GET", "/swagger-ui/index.html", "text/html", null, 200, 200, 200, 200),
                // HEAD and OPTIONS read what GET reads, and no more
                arguments("HEAD", "/api/items/{item}/events", JSON, null, 401, 403, 403, 200),
                arguments("OPTIONS", "/api/items/{item}/events", JSON, null, 401, 403, 403, 200),
                arguments("HEAD", "/api/items", JSON, null, 200, 200, 200, 200),
                arguments("HEAD", "/api/items/{item}", JSON, null, 200, 200, 200, 200),
                arguments("OPTIONS", "/api/items", JSON, null, 200, 200, 200, 200),
                arguments("HEAD", "/api/users/{A}", JSON, null, 401, 200, 403, 200),
                arguments("HEAD", "/api/users/{A}/events", JSON, null, 401, 200, 403, 200),
                arguments("HEAD", "/api/orders/{order}", JSON, null, 401, 200, 403, 200),
                arguments("HEAD", "/api/admin/processors", JSON, null, 401, 403, 403, 200),
                arguments("OPTIONS", "/api/admin/processors", JSON, null, 401, 403, 403, 200),
                arguments("HEAD", "/actuator/metrics", JSON, null, 401, 403, 403, 200),
                arguments("OPTIONS", "/actuator/metrics", JSON, null, 401, 403, 403, 200),
                // a method no endpoint has: refused as the path's strictest rule says, then 405 for the admin
                arguments("DELETE", "/api/items/{item}", JSON, null, 401, 403, 403, 405),
                arguments("PATCH", "/api/items/{item}/price", JSON, "{\"price\":12}", 401, 403, 403, 405),
                arguments("DELETE", "/api/admin/processors", JSON, null, 401, 403, 403, 405),
                arguments("POST", "/actuator/metrics", JSON, "{}", 401, 403, 403, 405),
                // admin writes
                arguments("POST", "/api/admin/dead-letters/users/retry", JSON, null, 401, 403, 403, 200),
                arguments("DELETE", "/api/admin/projections/users/rebuild", JSON, null, 401, 403, 403, 409),
                // ids of another kind of aggregate
                arguments("GET", "/api/users/{item}", JSON, null, 401, 403, 403, 404),
                arguments("GET", "/api/items/{A}", JSON, null, 404, 404, 404, 404),
                arguments("GET", "/api/orders/{A}", JSON, null, 401, 404, 404, 404));
    }

    @ParameterizedTest(name = "{0} {1}: anonymous {4}, owner {5}, other customer {6}, admin {7}")
    @MethodSource("endpoints")
    void onlyTheRightPeopleGetIn(String method, String path, String accept, String body,
                                 int anonymous, int owner, int otherCustomer, int admin) {
        List<ShopClient> callers = List.of(shop.anonymous(), shop.as(customerA), shop.as(customerB), shop);
        List<Integer> expected = List.of(anonymous, owner, otherCustomer, admin);

        for (int i = 0; i < callers.size(); i++) {
            awaitNoOrderInProgress(); // an order an earlier caller placed may still be appending events
            long before = store.countEvents();
            int status = callers.get(i).status(method, resolve(path), body == null ? null : resolve(body), accept);
            assertThat(status).as("caller %d (anonymous, A, B, admin)", i).isEqualTo(expected.get(i));
            if (status >= 400) {
                assertThat(store.countEvents()).as("a refused request stores nothing").isEqualTo(before);
            }
        }
    }

    @Test
    void registrationIsOpenToAnyone() {
        var answer = shop.anonymous().post("/api/users", Map.of("name", "New", "password", "a-fine-password",
                "email", "new-" + UUID.randomUUID() + "@example.com"));

        assertThat(answer.getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void aWrongPasswordOrAnUnknownEmailIsUnauthorizedWithAProblem() {
        var wrongPassword = shop.as(customerA.email(), "not-the-password").get("/api/users/" + customerA.userId());
        var unknown = shop.as("nobody@example.com", "whatever-password").get("/api/users/" + customerA.userId());
        var wrongAdmin = shop.as("admin", "guess").get("/api/users/" + customerA.userId());

        assertThat(List.of(wrongPassword, unknown, wrongAdmin)).allSatisfy(answer -> {
            assertThat(answer.getStatusCode().value()).isEqualTo(401);
            assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(answer.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        });
    }

    static Stream<Arguments> badCredentials() {
        byte[] notUtf8 = {(byte) 0xC3, (byte) 0x28, 'a', '@', 'x', ':', 'p'};
        return Stream.of(
                arguments("a NUL in the user name", basic("a\u0000b@example.com:whatever-password")),
                arguments("a NUL in the admin's name", basic("admin\u0000:guess")),
                arguments("control characters", basic("a\u0001\u001b[31m@example.com\n:pw")),
                arguments("an overlong user name", basic("x".repeat(1_000) + "@example.com:pw")),
                arguments("an overlong password", basic("nobody@example.com:" + "p".repeat(2_000))),
                arguments("bytes that are not UTF-8", "Basic " + Base64.getEncoder().encodeToString(notUtf8)),
                arguments("a Basic header that is not base64", "Basic %%%not-base64%%%"),
                arguments("base64 without a colon", basic("no-colon-here")),
                arguments("an empty Basic header", "Basic "),
                arguments("an empty user name", basic(":password")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCredentials")
    void badCredentialsAreUnauthorizedWhateverTheyContain(String what, String authorization) throws Exception {
        long before = store.countEvents();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(shop.baseUrl() + "/api/users/" + customerA.userId()))
                .header("Authorization", authorization).header("Accept", JSON).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(what).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(store.countEvents()).as("nothing appended").isEqualTo(before);
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCustomerWhoseRightPasswordIsTooLongForBCryptIsRefusedNotFailed() {
        var answer = shop.as(customerA.email(), ShopClient.CUSTOMER_PASSWORD + "x".repeat(100))
                .get("/api/users/" + customerA.userId());

        assertThat(answer.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void customersSignInWithTheirEmailInAnyCase() {
        var answer = shop.as(customerA.email().toUpperCase(), ShopClient.CUSTOMER_PASSWORD)
                .get("/api/users/" + customerA.userId());

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aPasswordIsStoredOnlyAsAStrongHashAndNeverInAnEvent() {
        String secret = "clear-text-" + UUID.randomUUID();
        String email = "hashed-" + UUID.randomUUID() + "@example.com";
        String userId = shop.anonymous().post("/api/users", Map.of("name", "Hashed", "password", secret,
                "email", email)).getBody().get("userId").asText();

        Long clear = jdbc.queryForObject(
                "select count(*) from domain_event_entry where position(? in convert_from(payload, 'UTF8')) > 0",
                Long.class, secret);
        String credential = jdbc.queryForObject("select password_hash from user_credential where user_id = ?",
                String.class, userId);
        Long hashInEvents = jdbc.queryForObject("""
                select count(*) from domain_event_entry where aggregate_identifier = ?
                and convert_from(payload, 'UTF8')::jsonb -> 'passwordHash' is not null""", Long.class, userId);
        Long hashInClearInEvents = jdbc.queryForObject(
                "select count(*) from domain_event_entry where position('$2a$' in convert_from(payload, 'UTF8')) > 0",
                Long.class);

        assertThat(clear).isZero();
        assertThat(credential).startsWith("{bcrypt}$2a$");
        assertThat(hashInEvents).as("UserRegistered carries no hash, not even sealed").isZero();
        assertThat(hashInClearInEvents).isZero();
        assertThat(shop.as(email, secret).get("/api/users/" + userId).getStatusCode().value()).isEqualTo(200);
    }

    /** Every order placed so far has its outcome stored: the saga appends nothing more. */
    private void awaitNoOrderInProgress() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                select (select count(*) from domain_event_entry where payload_type like '%.OrderPlaced')
                     = (select count(*) from domain_event_entry
                        where payload_type like '%.OrderConfirmed' or payload_type like '%.OrderRejected')""",
                Boolean.class));
    }

    private String resolve(String template) {
        return template.replace("{A}", customerA.userId()).replace("{item}", item).replace("{order}", order)
                .replace("{now}", Instant.now().toString());
    }
}
