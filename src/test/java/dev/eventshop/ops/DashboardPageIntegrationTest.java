package dev.eventshop.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventshop.support.ApiContract;
import dev.eventshop.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the dashboard needs of the server, over plain HTTP: its page, its scripts, its sign-in and its data. */
class DashboardPageIntegrationTest extends IntegrationTest {

    @Test
    void thePageAndItsScriptsAreServedToAnyoneWithAPolicyThatRunsOnlyItsOwnScripts() {
        var page = anonymous().get().uri("/dashboard").retrieve().toEntity(String.class);

        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(page.getBody()).contains("EventShop operations", "/dashboard/dashboard.js");
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self';");
        assertThat(anonymous().get().uri("/dashboard/dashboard.js").retrieve().body(String.class))
                .contains("/api/admin/processors");
        assertThat(anonymous().get().uri("/webjars/uplot/dist/uPlot.iife.min.js").retrieve().body(String.class))
                .contains("uPlot");
    }

    @Test
    void theDataStaysTheAdminsAndAScriptIsNotOfferedTheBrowsersSignInDialog() {
        var fromAScript = anonymous().get().uri("/api/admin/processors").header("X-Requested-With", "XMLHttpRequest")
                .retrieve().toEntity(JsonNode.class);
        var fromABrowser = anonymous().get().uri("/api/admin/processors").retrieve().toEntity(JsonNode.class);

        assertThat(fromAScript.getStatusCode().value()).isEqualTo(401);
        assertThat(fromAScript.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE)).isFalse();
        assertThat(fromABrowser.getStatusCode().value()).isEqualTo(401);
        assertThat(fromABrowser.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        var customer = shop.registerCustomer("not-an-operator");
        assertThat(shop.as(customer).get("/api/admin/metrics/live").getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void theLiveChartsGetAPointPerIntervalCountingCommandsEventsAndTheirLatency() {
        Instant started = Instant.now();
        String user = shop.registerUser("charted");
        for (int i = 0; i < 5; i++) {
            shop.topUp(user, 10);
        }

        JsonNode busy = await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode sample : shop.get("/api/admin/metrics/live").getBody()) {
                if (Instant.parse(sample.get("at").asText()).isAfter(started)
                        && sample.get("commandsPerSecond").asDouble() > 0
                        && sample.get("eventsPerSecond").asDouble() > 0) {
                    return sample;
                }
            }
            return null;
        }, sample -> sample != null);

        assertThat(busy.get("commandMillis").asDouble()).isPositive();
        assertThat(busy.get("commandMaxMillis").asDouble()).isGreaterThanOrEqualTo(busy.get("commandMillis").asDouble());
    }

    private RestClient anonymous() {
        return RestClient.builder().baseUrl(shop.baseUrl())
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .requestInterceptor(ApiContract.interceptor()).build();
    }
}
