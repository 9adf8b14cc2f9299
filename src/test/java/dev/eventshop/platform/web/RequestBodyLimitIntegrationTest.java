package dev.eventshop.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventshop.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A request body over the limit (64 KB) is a 413 problem, declared or chunked, and appends nothing. */
class RequestBodyLimitIntegrationTest extends IntegrationTest {

    /** A registration whose name alone is 100 KB: valid JSON, far over the limit. */
    private static final String HUGE = "{\"name\":\"" + "x".repeat(100_000)
            + "\",\"email\":\"huge@example.com\",\"password\":\"a-fine-password\"}";

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        long registrations = registrations();

        HttpResponse<String> answer = send(HttpRequest.BodyPublishers.ofString(HUGE));

        assertTooLarge(answer);
        assertThat(registrations()).as("nothing appended").isEqualTo(registrations);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWhileItIsRead() throws Exception {
        long registrations = registrations();

        HttpResponse<String> answer = send(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(HUGE.getBytes(StandardCharsets.UTF_8)))); // no length: chunked

        assertTooLarge(answer);
        assertThat(registrations()).as("nothing appended").isEqualTo(registrations);
    }

    @Test
    void aBodyUnderTheLimitIsServedAsEver() {
        String user = shop.registerUser("small-body");

        assertThat(shop.post("/api/users/" + user + "/top-ups", Map.of("amount", 5)).getStatusCode().value())
                .isEqualTo(200);
    }

    /** Registrations in the store (counted alone: sagas of earlier tests may still be appending their events). */
    private long registrations() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like '%.UserRegistered'",
                Long.class);
    }

    private HttpResponse<String> send(HttpRequest.BodyPublisher body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(shop.baseUrl() + "/api/users"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertTooLarge(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(answer.body());
        assertThat(problem.get("type").asText()).isEqualTo("/problems/payload-too-large");
    }
}
