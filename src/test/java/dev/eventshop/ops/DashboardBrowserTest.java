package dev.eventshop.ops;

import dev.eventshop.support.Browser;
import dev.eventshop.support.IntegrationTest;
import dev.eventshop.support.PoisonedUsers;
import dev.eventshop.support.Replays;
import dev.eventshop.support.ShopClient;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.eventshop.support.PoisonedUsers.POISONED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The operator's console in a real browser (headless Chromium), against the running service. */
class DashboardBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    private int port;
    @Autowired
    private EventProcessingConfiguration processing;

    @AfterEach
    void cureAndRestart() {
        POISONED.clear();
        // a test that failed half-way must not leave a processor stopped for the tests after it
        processing.eventProcessors().values().stream().filter(p -> !p.isRunning()).forEach(EventProcessor::start);
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
            if (processor.get("mode").asText().equals("tracking")) {
                assertThat(browser.text(row + " [data-role=status]")).isEqualTo("running");
                assertThat(browser.text(row + " [data-role=lag]")).containsAnyOf("caught up", "events behind");
            }
        }
        assertThat(browser.find("#alerts").getText()).isNotBlank();
        assertThat(browser.find("#health").getText()).startsWith("health ");
    }

    @Test
    void aStoppedProcessorIsReportedAtTheTopAndCanBeStartedAgain() {
        signedIn();
        browser.click(row("items") + " button[data-action=stop]");

        browser.awaitText("#alerts", "Processor items is stopped");
        assertThat(browser.text(row("items") + " [data-role=status]")).isEqualTo("stopped");

        browser.click(row("items") + " button[data-action=start]");
        browser.awaitText(row("items") + " [data-role=status]", "running");
        assertThat(browser.find("#alerts").getText()).doesNotContain("Processor items is stopped");
    }

    @Test
    void aReplayStartedOnTheDashboardShowsItsProgressReachingAHundredPercentAndRebuildsTheView() {
        String user = shop.registerUser("replayed-in-browser");
        shop.topUp(user, 4200);
        shop.awaitVersion("/api/users/" + user, 1);
        jdbc.update("update user_view set balance = 1 where user_id = ?", user); // only a rebuild undoes this

        signedIn();
        browser.await(d -> browser.present(row("users") + " button[data-action=replay]"));
        assertThat(browser.present(row("OrderSagaProcessor") + " button[data-action=replay]"))
                .as("sagas cannot be replayed").isFalse();
        browser.click(row("users") + " button[data-action=replay]");
        browser.await(ExpectedConditions.alertIsPresent()).accept();

        List<String> progress = new ArrayList<>();
        browser.await(d -> {
            String shown = browser.text(row("users") + " [data-role=replay]");
            if (progress.isEmpty() || !progress.get(progress.size() - 1).equals(shown)) {
                progress.add(shown);
            }
            return shown.contains("100 %");
        });
        assertThat(progress.get(progress.size() - 1)).startsWith("replay 100 %");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select balance from user_view where user_id = ?", Long.class, user) == 4200);
        Replays.awaitCaughtUp(processing.eventProcessor("users", StreamingEventProcessor.class).orElseThrow(), jdbc);
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

    private static String row(String processor) {
        return "#processor-rows tr[data-processor='" + processor + "']";
    }
}
