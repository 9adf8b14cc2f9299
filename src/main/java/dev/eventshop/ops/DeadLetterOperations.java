package dev.eventshop.ops;

import dev.eventshop.platform.projections.Projections;
import dev.eventshop.platform.web.Cursor;
import dev.eventshop.platform.web.NotFoundException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Dead letters of the processing groups that have a queue: list them (plain SQL on Axon's table, which carries
 * everything an operator needs without deserializing the events), retry them, or give a sequence up. A
 * projection's name ({@code users}) stands for the processor of its serving generation ({@code users-green}).
 */
@Component
class DeadLetterOperations {

    /** Retrying stops after this many sequences in one request; call again for more. */
    static final int MAX_SEQUENCES_PER_RETRY = 1_000;

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Projections projections;

    DeadLetterOperations(EventProcessingConfiguration processing, JdbcTemplate jdbc, Projections projections) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.projections = projections;
    }

    /**
     * Dead letters by processing group, sequence and index, after a cursor's (null: from the first); of one
     * processing group, or of all when null.
     */
    List<DeadLetterView> list(String named, Cursor after, int limit) {
        String group = named == null ? null : projections.processorNamed(named);
        List<Object> arguments = new ArrayList<>();
        StringBuilder where = new StringBuilder("where true");
        if (group != null) {
            where.append(" and processing_group = ?");
            arguments.add(group);
        }
        if (after != null) {
            where.append(" and (processing_group, sequence_identifier, sequence_index) > (?, ?, ?)");
            arguments.addAll(List.of(after.text(0), after.text(1), after.number(2)));
        }
        arguments.add(limit);
        return jdbc.query("""
                select processing_group, sequence_identifier, sequence_index, payload_type, aggregate_identifier,
                       cause_type, cause_message, enqueued_at, last_touched
                from dead_letter_entry %s
                order by processing_group, sequence_identifier, sequence_index limit ?""".formatted(where),
                (row, i) -> new DeadLetterView(row.getString(1), row.getString(2), row.getLong(3),
                        TypeNames.simple(row.getString(4)), row.getString(5), row.getString(6), row.getString(7),
                        row.getTimestamp(8).toInstant(),
                        row.getTimestamp(9) == null ? null : row.getTimestamp(9).toInstant()),
                arguments.toArray());
    }

    /** Retries every dead-lettered sequence of the group once; answers how many sequences now went through. */
    int retryAll(String named) {
        String group = projections.processorNamed(named);
        SequencedDeadLetterProcessor<EventMessage<?>> letters = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new NotFoundException("dead-letter queue", group));
        int succeeded = 0;
        long sequences = Math.min(queue(group).amountOfSequences(), MAX_SEQUENCES_PER_RETRY);
        for (long attempt = 0; attempt < sequences; attempt++) {
            if (!letters.processAny()) {
                break;
            }
            succeeded++;
        }
        return succeeded;
    }

    /** Retries one dead-lettered sequence; answers whether it went through (if not, it stays, with the new cause). */
    boolean retry(String named, String sequence) {
        String group = projections.processorNamed(named);
        SequencedDeadLetterProcessor<EventMessage<?>> letters = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new NotFoundException("dead-letter queue", group));
        if (!queue(group).contains(sequence)) {
            throw new NotFoundException("dead-letter sequence", sequence);
        }
        return letters.process(letter -> letter instanceof JpaDeadLetter<?> stored
                && sequence.equals(stored.getSequenceIdentifier()));
    }

    /** Gives up a sequence: its dead letters are deleted and will not be handled. */
    int delete(String named, String sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(projections.processorNamed(named));
        int deleted = 0;
        for (var letter : queue.deadLetterSequence(sequence)) {
            queue.evict(letter);
            deleted++;
        }
        if (deleted == 0) {
            throw new NotFoundException("dead-letter sequence", sequence);
        }
        return deleted;
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing.deadLetterQueue(group).orElseThrow(() -> new NotFoundException("dead-letter queue", group));
    }
}
