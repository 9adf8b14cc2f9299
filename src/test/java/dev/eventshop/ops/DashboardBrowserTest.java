package dev.eventshop.ops;

import dev.eventshop.platform.projections.Projections;
import dev.eventshop.support.Browser;
import dev.eventshop.support.IntegrationTest;
import dev.eventshop.support.PoisonedUsers;
import dev.eventshop.support.Replays;
import dev.eventshop.support.ShopClient;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;

import static dev.eventshop.support.PoisonedUsers.POISONED;
import static org.assertj.core.api.Assertions.assertThat;

/** The operator's console in a real browser (headless Chromium), against the running service. */
class DashboardBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    private int port;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private Projections projections;

    @AfterEach
    void cureAndRestart() {
        POISONED.clear();
        // a test that failed half-way must not leave a processor stopped for the tests after it
        processing.eventProcessors().forEach((name, processor) -> {
            if (!processor.isRunning() && projections.mayStart(name)) {
                processor.start();
            }
        });
    }

    @Test
    void anOperatorSignsInAndSeesEveryProcessorWithItsSegments() {
        browser.open(dashboard());
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));

        signIn("not-the-password");
        assertThat(browser.awaitText("#login-error", "not accepted").isDisplayed()).isTrue();
        assertThat(browser.find("#console").isDisplayed()).isFalse();

        signIn(ShopClient.ADMIN_PASSWORD);
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
        List<String> shown = browser.await(d -> {
            List<String> names = d.findElements(By.cssSelector("#processor-rows tr[data-processor]")).stream()
                    .map(row -> row.getAttribute("data-processor")).sorted().toList();
            return names.isEmpty() ? null : names;
        });
        assertThat(shown).containsExactlyInAnyOrderElementsOf(processing.eventProcessors().keySet());

        for (var processor : shop.get("/api/admin/processors").getBody()) {
            String row = row(processor.get("name").asText());
            Integer segments = browser.await(d -> d.findElements(By.cssSelector(row + " .segment")).size());
            assertThat(segments).isEqualTo(processor.get("segments").size());
            boolean standingBy = List.of("idle", "retired").contains(processor.get("role").asText());
            if (processor.get("mode").asText().equals("tracking") && !standingBy) {
                assertThat(browser.text(row + " [data-role=status]")).isEqualTo("running");
                assertThat(browser.text(row + " [data-role=lag]")).containsAnyOf("caught up", "events behind");
            }
        }
        assertThat(browser.find("#alerts").getText()).isNotBlank();
        assertThat(browser.find("#health").getText()).startsWith("health ");
    }

    @Test
    void aStoppedProcessorIsReportedAtTheTopAndCanBeStartedAgain() {
        String items = servingProcessorOf("items");
        signedIn();
        browser.click(row(items) + " button[data-action=stop]");

        browser.awaitText("#alerts", "Processor " + items + " is stopped");
        assertThat(browser.text(row(items) + " [data-role=status]")).isEqualTo("stopped");

        browser.click(row(items) + " button[data-action=start]");
        browser.awaitText(row(items) + " [data-role=status]", "running");
        assertThat(browser.find("#alerts").getText()).doesNotContain("Processor " + items + " is stopped");
    }

    @Test
    void aRebuildStartedOnTheDashboardShowsItsProgressReachingAHundredPercentThenTheSwitch() throws Exception {
        String user = shop.registerUser("rebuilt-in-browser");
        shop.topUp(user, 4200);
        shop.awaitVersion("/api/users/" + user, 1);
        jdbc.update("update user_view set balance = 1 where user_id = ?", user); // only a rebuild undoes this
        Replays.awaitFreeSlot(projections, "users");
        long before = projections.one("users").orElseThrow().serving().generation();
        String users = "#projection-rows tr[data-projection=users]";

        signedIn();
        browser.await(d -> browser.present(row(servingProcessorOf("users")) + " button[data-action=replay]"));
        assertThat(browser.present(row("OrderSagaProcessor") + " button[data-action=replay]"))
                .as("sagas cannot be replayed").isFalse();
        List<String> progress = new ArrayList<>();
        Replays.withSwitchHeldBack(jdbc, projections, "users", () -> {
            browser.click(users + " button[data-action=rebuild]");
            browser.await(ExpectedConditions.alertIsPresent()).accept();
            browser.await(d -> {
                String shown = browser.text(users + " [data-role=rebuild]");
                if (progress.isEmpty() || !progress.get(progress.size() - 1).equals(shown)) {
                    progress.add(shown);
                }
                return shown.contains("100 %");
            });
            assertThat(browser.find(users + " [data-role=serving]").getAttribute("data-generation"))
                    .as("the old generation serves until the switch").isEqualTo(String.valueOf(before));
            assertThat(browser.present(users + " button[data-action=cancel-rebuild]")).isTrue();
            return null;
        });

        browser.awaitText(users + " [data-role=rebuild]", "switched");
        assertThat(progress).last().asString().contains("100 % — ").contains("0 to go");
        assertThat(Long.parseLong(browser.find(users + " [data-role=serving]").getAttribute("data-generation")))
                .isGreaterThan(before);
        assertThat(shop.get("/api/users/" + user).getBody().get("balance").asLong()).isEqualTo(4200);
    }

    @Test
    void aDeadLetterIsShownWithItsCauseAndARetryFromTheDashboardClearsIt() {
        String user = PoisonedUsers.withDeadLetteredTopUp(shop, jdbc, "dead-lettered-in-browser", 300);

        signedIn();
        browser.awaitText("#alerts", "dead letter");
        browser.find("a[data-tab=dead-letters]").click();
        String letter = "#dead-letter-rows tr[data-dead-letter='" + user + "']";
        assertThat(browser.awaitText(letter, "poisoned by the test").getText()).contains("BalanceToppedUp");

        POISONED.clear();
        browser.click(letter + " button[data-action=retry]");

        browser.await(d -> !browser.present(letter));
        assertThat(shop.awaitVersion("/api/users/" + user, 1).get("balance").asLong()).isEqualTo(300);
    }

    @Test
    void theEventBrowserFindsAnAggregatesEventsAndOpensItsTimeline() {
        String user = shop.registerUser("timeline-in-browser");
        shop.topUp(user, 150);
        shop.topUp(user, 250);

        signedIn();
        browser.find("a[data-tab=events]").click();
        browser.find("#event-filter input[name=aggregateId]").sendKeys(user);
        browser.find("#event-filter button[type=submit]").click();
        browser.await(d -> d.findElements(By.cssSelector("#event-rows tr[data-event]")).size() == 3);

        browser.click("#event-rows a[data-aggregate='" + user + "']");

        browser.awaitText("#timeline-summary", "User " + user + ": 3 events");
        List<String> types = browser.driver().findElements(By.cssSelector("#timeline-rows tr[data-sequence]"))
                .stream().map(row -> row.findElements(By.tagName("td")).get(2).getText()).toList();
        assertThat(types).containsExactly("UserRegistered", "BalanceToppedUp", "BalanceToppedUp");
        assertThat(browser.find("#timeline-rows").getText()).contains("\"amount\":250");
    }

    @Test
    void theOverviewShowsTheFeedsHeadAndTheConsumersFollowingIt() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        var stream = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(shop.baseUrl() + "/api/feed"))
                        .header("Accept", "text/event-stream")
                        .header("Authorization", shop.as(ShopClient.FEED_CONSUMER, ShopClient.FEED_SECRET)
                                .authorization()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        try (var body = stream.body()) {
            signedIn();
            browser.await(d -> !d.findElements(By.cssSelector("#feed-rows tr[data-consumer='"
                    + ShopClient.FEED_CONSUMER + "']")).isEmpty());
            assertThat(browser.find("#feed-summary").getText()).startsWith("head ").contains("live stream");
        }
    }

    @Test
    void anErasedCustomersEventsSayTheirPersonalDataIsErased() {
        String user = shop.registerUser("erased-in-browser");
        assertThat(shop.delete("/api/users/" + user).getStatusCode().value()).isEqualTo(204);

        signedIn();
        browser.find("a[data-tab=events]").click();
        browser.find("#event-filter input[name=aggregateId]").sendKeys(user);
        browser.find("#event-filter button[type=submit]").click();
        browser.await(d -> d.findElements(By.cssSelector("#event-rows tr[data-event]")).size() == 2);

        String registered = browser.find("#event-rows tr[data-event]:last-child").getText();
        assertThat(registered).contains("UserRegistered", "personal data erased", "\"name\":null")
                .doesNotContain("erased-in-browser");
        assertThat(browser.driver().findElements(By.cssSelector("#event-rows [data-erased]"))).hasSize(1);
    }

    @Test
    void theEventBrowserAndTheTimelineFollowTheNextPageLinks() {
        String user = shop.registerUser("pages-in-browser");
        for (int i = 1; i <= 55; i++) { // 56 events: more than one page of 50
            shop.topUp(user, i);
        }

        signedIn();
        browser.find("a[data-tab=events]").click();
        browser.find("#event-filter input[name=aggregateId]").sendKeys(user);
        browser.find("#event-filter button[type=submit]").click();
        browser.await(d -> d.findElements(By.cssSelector("#event-rows tr[data-event]")).size() == 50);
        browser.click("#events-older");
        browser.await(d -> d.findElements(By.cssSelector("#event-rows tr[data-event]")).size() == 6);
        assertThat(browser.find("#events-older").isDisplayed()).as("no page after the last").isFalse();

        browser.click("#event-rows a[data-aggregate='" + user + "']");
        browser.awaitText("#timeline-summary", "User " + user + ": 50+ events");
        browser.click("#timeline-more");
        browser.awaitText("#timeline-summary", "User " + user + ": 56 events");
        assertThat(browser.driver().findElements(By.cssSelector("#timeline-rows tr[data-sequence]")))
                .hasSize(56);
        assertThat(browser.find("#timeline-more").isDisplayed()).isFalse();
    }

    private String dashboard() {
        return "http://127.0.0.1:" + port + "/dashboard";
    }

    private void signedIn() {
        browser.open(dashboard());
        signIn(ShopClient.ADMIN_PASSWORD);
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
    }

    private void signIn(String password) {
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("login-password")));
        WebElement field = browser.find("#login-password");
        field.clear();
        field.sendKeys(password);
        browser.find("#login-submit").click();
    }

    private String servingProcessorOf(String projection) {
        return projections.one(projection).orElseThrow().serving().processor();
    }

    private static String row(String processor) {
        return "#processor-rows tr[data-processor='" + processor + "']";
    }
}
