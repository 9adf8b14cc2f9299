package dev.eventshop.platform.deadletter;

import dev.eventshop.support.IntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import dev.eventshop.platform.projections.Projections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static dev.eventshop.support.PoisonedUsers.POISONED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A projection that cannot handle an event dead-letters it: that user's sequence waits, every other user's
 * goes on; once the cause is gone, a retry brings the view right.
 */
class DeadLetterIntegrationTest extends IntegrationTest {

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private Projections projections;

    @AfterEach
    void cure() {
        POISONED.clear();
    }

    @Test
    void aPoisonEventIsDeadLetteredOthersGoOnAndARetryFixesTheView() {
        String poisoned = shop.registerUser("poisoned");
        String healthy = shop.registerUser("healthy");
        shop.awaitVersion("/api/users/" + poisoned, 0);
        POISONED.add(poisoned);

        shop.topUp(poisoned, 100);
        shop.topUp(poisoned, 50); // queued behind the first: same sequence
        shop.topUp(healthy, 70);

        assertThat(shop.awaitVersion("/api/users/" + healthy, 1).get("balance").asLong()).isEqualTo(70);
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(poisoned) == 2);
        assertThat(shop.get("/api/users/" + poisoned).getBody().get("balance").asLong()).isZero();
        assertThat(jdbc.queryForObject("select cause_message from dead_letter_entry where sequence_identifier = ?"
                + " order by sequence_index limit 1", String.class, poisoned)).contains("poisoned by the test");

        POISONED.clear();
        SequencedDeadLetterProcessor<EventMessage<?>> letters =
                processing.sequencedDeadLetterProcessor(servingUsers()).orElseThrow();
        assertThat(letters.processAny()).isTrue();

        assertThat(deadLetters(poisoned)).isZero();
        assertThat(shop.awaitVersion("/api/users/" + poisoned, 2).get("balance").asLong()).isEqualTo(150);
    }

    private long deadLetters(String userId) {
        return jdbc.queryForObject("select count(*) from dead_letter_entry where processing_group = ?"
                + " and sequence_identifier = ?", Long.class, servingUsers(), userId);
    }

    /** The processor of the users generation that serves reads: its dead letters are the ones that show. */
    private String servingUsers() {
        return projections.one("users").orElseThrow().serving().processor();
    }
}
