package dev.eventshop.platform.projections;

import dev.eventshop.common.BusinessRuleViolation;
import dev.eventshop.platform.axon.StoredTokens;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Starts and cancels the building of a new generation of a projection, beside the one that serves. */
@Component
class Rebuilds {

    private final Generations generations;
    private final GenerationRows rows;
    private final StoredTokens tokens;
    private final EventStore events;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ProjectionProperties properties;

    Rebuilds(Generations generations, GenerationRows rows, StoredTokens tokens, EventStore events, JdbcTemplate jdbc,
             TransactionTemplate transactions, ProjectionProperties properties) {
        this.generations = generations;
        this.rows = rows;
        this.tokens = tokens;
        this.events = events;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
    }

    /**
     * A new generation in the free slot, of this node's version: built from the start of the store, or, from an
     * instant, as a copy of the serving generation's rows onto which the events since the instant are handled again
     * (the projections write absolute values and insert idempotently, so an event handled twice changes nothing).
     */
    Generation start(ProjectionDefinition definition, Instant from) {
        return transactions.execute(status -> {
            String name = definition.name();
            generations.lock(name);
            List<Generation> all = generations.of(name);
            Optional<Generation> building = all.stream().filter(g -> g.state() == GenerationState.BUILDING)
                    .findFirst();
            if (building.isPresent()) {
                throw new BusinessRuleViolation("rebuild-in-progress", "Generation " + building.get().generation()
                        + " of " + name + " is being built already; cancel it first, or wait until it serves");
            }
            String slot = freeSlot(name, all);
            long generation = generations.next(name);
            Long startIndex = null;
            Instant copiedFrom = null;
            Optional<Generation> serving = generations.servingFor(name, definition.version())
                    .flatMap(g -> generations.find(name, g));
            if (from != null && serving.isPresent()) {
                // the copy reflects at least what these tokens say, so starting no later than them misses nothing;
                // a segment that has handled nothing yet makes it start at the beginning (still onto the copy)
                long handled = slowestPosition(serving.get().processor());
                Long atInstant = StoredTokens.positionOf(events.createTokenAt(from));
                startIndex = Math.max(0, atInstant == null ? handled : Math.min(handled, atInstant));
                copiedFrom = from;
                rows.copy(definition, serving.get().generation(), generation);
            }
            // whatever a dropped generation of this slot may have left behind
            String processor = ProjectionSlot.processorName(name, slot);
            jdbc.update("delete from token_entry where processor_name = ?", processor);
            jdbc.update("delete from dead_letter_entry where processing_group = ?", processor);
            generations.insertBuilding(name, generation, definition.version(), slot, startIndex, copiedFrom);
            return generations.find(name, generation).orElseThrow();
        });
    }

    /** Retires the generation being built; the serving one is not touched. */
    Generation cancel(ProjectionDefinition definition) {
        return transactions.execute(status -> {
            generations.lock(definition.name());
            Generation building = generations.of(definition.name()).stream()
                    .filter(g -> g.state() == GenerationState.BUILDING).findFirst()
                    .orElseThrow(() -> new BusinessRuleViolation("no-rebuild",
                            "No generation of " + definition.name() + " is being built"));
            generations.retire(definition.name(), building.generation());
            return generations.find(definition.name(), building.generation()).orElseThrow();
        });
    }

    private String freeSlot(String name, List<Generation> all) {
        return List.of(ProjectionSlot.BLUE, ProjectionSlot.GREEN).stream()
                .filter(color -> all.stream().noneMatch(g -> g.slot().equals(color)))
                .findFirst()
                .orElseThrow(() -> new BusinessRuleViolation("no-free-slot", "Both slots of " + name
                        + " hold a generation (" + all.stream().map(g -> g.generation() + " " + g.state())
                        .collect(Collectors.joining(", ")) + "). A retired generation is dropped "
                        + properties.dropDelay().toSeconds() + " s after it was retired, once every node has "
                        + "stopped its processor; a live one is retired once no live node reads it."));
    }

    /** What every segment of the processor has handled: 0 when one has handled nothing, or there are none. */
    private long slowestPosition(String processor) {
        List<StoredTokens.StoredToken> segments = tokens.of(processor);
        return segments.stream().map(segment -> StoredTokens.positionOf(segment.token()))
                .mapToLong(position -> position == null ? 0L : position).min().orElse(0L);
    }
}
