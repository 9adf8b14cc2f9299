package dev.eventshop.platform.projections;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a feature declares about one of its projections, as a bean; the platform builds, serves and rebuilds it.
 *
 * @param name             the projection's name, also the start of its processors' names ({@code users-blue})
 * @param version          the version of the projection's code: raise it when a change to the handlers or the
 *                         tables needs the view rebuilt. A node whose version is newer than every generation
 *                         rebuilds one of its own in the background and switches to it when it has caught up
 * @param tables           the tables whose rows belong to a generation (each has a {@code generation} column),
 *                         a referenced table before those that reference it
 * @param handlers         makes the event handlers of one slot, which write the slot's generation
 * @param sequencingPolicy which events must be handled in order, one after the other (null: those of one
 *                         aggregate, Axon's default)
 * @param liveQueries      the subscription queries that follow the projection's rows: their subscribers are told
 *                         the new generation's state when a node switches to it
 */
public record ProjectionDefinition(String name, int version, List<String> tables,
                                   Function<ProjectionSlot, List<Object>> handlers,
                                   SequencingPolicy<? super EventMessage<?>> sequencingPolicy,
                                   Set<Class<?>> liveQueries) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*");

    public ProjectionDefinition {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A projection's name is lower-case letters and digits: " + name);
        }
        if (version < 1) {
            throw new IllegalArgumentException("A projection's version starts at 1: " + name);
        }
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("A projection keeps its rows in at least one table: " + name);
        }
        tables = List.copyOf(tables);
        Objects.requireNonNull(handlers, "handlers");
        liveQueries = Set.copyOf(liveQueries);
    }

    public static ProjectionDefinition of(String name, int version, List<String> tables,
                                          Function<ProjectionSlot, List<Object>> handlers) {
        return new ProjectionDefinition(name, version, tables, handlers, null, Set.of());
    }

    public ProjectionDefinition sequencedBy(SequencingPolicy<? super EventMessage<?>> policy) {
        return new ProjectionDefinition(name, version, tables, handlers, policy, liveQueries);
    }

    public ProjectionDefinition followedBy(Class<?>... queries) {
        return new ProjectionDefinition(name, version, tables, handlers, sequencingPolicy, Set.of(queries));
    }
}
