package dev.eventshop.support;

import dev.eventshop.common.ReplayScope;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** Rebuilds a projection from the start of the event store, as an operator's replay would. */
public final class Replays {

    private Replays() {
    }

    public static void replayFromStart(EventProcessingConfiguration processing, String processorName,
                                       JdbcTemplate jdbc) {
        StreamingEventProcessor processor =
                processing.eventProcessor(processorName, StreamingEventProcessor.class).orElseThrow();
        awaitCaughtUp(processor, jdbc);
        processor.shutDown();
        processor.resetTokens(ReplayScope.FROM_START);
        processor.start();
        awaitCaughtUp(processor, jdbc);
    }

    /**
     * Waits until the processor has handled the newest event in the store. (A replay reports itself as
     * replaying until an event newer than the reset point arrives, so "not replaying" is no signal here.)
     */
    public static void awaitCaughtUp(StreamingEventProcessor processor, JdbcTemplate jdbc) {
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream()
                        .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head));
    }
}
