package dev.eventshop.ops;

import dev.eventshop.common.BusinessRuleViolation;
import dev.eventshop.common.NotFoundException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads and steers Axon's event processors: status, lag, start, stop, replay. */
@Component
class ProcessorOperations {

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final JdbcTemplate jdbc;

    ProcessorOperations(EventProcessingConfiguration processing, EventStore events, JdbcTemplate jdbc) {
        this.processing = processing;
        this.events = events;
        this.jdbc = jdbc;
    }

    List<ProcessorStatus> all() {
        long head = headOfStore();
        return processing.eventProcessors().values().stream()
                .sorted(Comparator.comparing(EventProcessor::getName))
                .map(processor -> statusOf(processor, head))
                .toList();
    }

    List<String> names() {
        return processing.eventProcessors().keySet().stream().sorted().toList();
    }

    ProcessorStatus one(String name) {
        return statusOf(processor(name), headOfStore());
    }

    void start(String name) {
        processor(name).start();
    }

    void stop(String name) {
        processor(name).shutDown();
    }

    /**
     * Rebuilds what the processor's handlers keep, from the start of the store or from an instant: stops it,
     * resets its tokens (its reset handlers clear their tables) and starts it again. On several nodes, the
     * processor must be stopped on each of them first, or the reset is refused.
     */
    void replay(String name, Instant from) {
        StreamingEventProcessor processor = streaming(name);
        if (!processor.supportsReset()) {
            throw new BusinessRuleViolation("processor-not-resettable", "Processor " + name + " cannot be reset");
        }
        processor.shutDown();
        TrackingToken start = from == null ? events.createTailToken() : events.createTokenAt(from);
        processor.resetTokens(start);
        processor.start();
    }

    private ProcessorStatus statusOf(EventProcessor processor, long head) {
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new ProcessorStatus(processor.getName(), "subscribing", processor.isRunning(),
                    processor.isError(), head, 0, false, 1, List.of());
        }
        Map<Integer, String> owners = owners(processor.getName());
        Map<Integer, EventTrackerStatus> trackers = streaming.processingStatus();
        List<ProcessorStatus.Segment> segments = trackers.values().stream()
                .sorted(Comparator.comparingInt(status -> status.getSegment().getSegmentId()))
                .map(status -> new ProcessorStatus.Segment(status.getSegment().getSegmentId(),
                        owners.get(status.getSegment().getSegmentId()),
                        status.getCurrentPosition().isPresent() ? status.getCurrentPosition().getAsLong() : null,
                        status.isCaughtUp(), status.isReplaying(),
                        status.isErrorState() ? String.valueOf(status.getError()) : null))
                .toList();
        // a segment without a position has handled nothing yet; global indexes start at 1
        long slowest = segments.stream().mapToLong(s -> s.position() == null ? 0 : s.position()).min().orElse(head);
        boolean replaying = segments.stream().anyMatch(ProcessorStatus.Segment::replaying);
        return new ProcessorStatus(processor.getName(), "tracking", processor.isRunning(), processor.isError(),
                head, Math.max(0, head - slowest), replaying, replayProgress(trackers.values()), segments);
    }

    /** How far the slowest replaying segment is towards the position it was reset from; 1 when none replays. */
    private static double replayProgress(Iterable<EventTrackerStatus> trackers) {
        double progress = 1;
        for (EventTrackerStatus status : trackers) {
            if (status.isReplaying() && status.getResetPosition().isPresent()
                    && status.getResetPosition().getAsLong() > 0) {
                long done = status.getCurrentPosition().orElse(0);
                progress = Math.min(progress, Math.min(1, done / (double) status.getResetPosition().getAsLong()));
            }
        }
        return progress;
    }

    private Map<Integer, String> owners(String processorName) {
        return jdbc.query("select segment, owner from token_entry where processor_name = ?",
                        (row, i) -> Map.entry(row.getInt(1), String.valueOf(row.getString(2))), processorName)
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private long headOfStore() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private EventProcessor processor(String name) {
        return processing.eventProcessor(name).orElseThrow(() -> new NotFoundException("processor", name));
    }

    private StreamingEventProcessor streaming(String name) {
        if (!(processor(name) instanceof StreamingEventProcessor streaming)) {
            throw new NotFoundException("streaming processor", name);
        }
        return streaming;
    }
}
