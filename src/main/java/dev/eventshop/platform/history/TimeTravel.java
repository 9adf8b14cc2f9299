package dev.eventshop.platform.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds an aggregate as it was at an instant with the aggregate's own event-sourcing handlers, from the newest
 * snapshot that covers no later event (the storage engine keeps old snapshots for this) and the events after it,
 * read lazily and only up to the instant. Its cost is one snapshot and at most a snapshot
 * interval of events, however long the aggregate's history, and it holds no more than one batch of events at a
 * time.
 */
@Component
public class TimeTravel {

    private static final RevisionResolver REVISIONS = new AnnotationRevisionResolver();

    private final EventStore events;
    private final StoredEvents storedEvents;
    private final Map<Class<?>, AggregateModel<?>> models = new ConcurrentHashMap<>();
    private final Configuration axon;

    TimeTravel(EventStore events, StoredEvents storedEvents, Configuration axon) {
        this.events = events;
        this.storedEvents = storedEvents;
        this.axon = axon;
    }

    /** The aggregate as it was at {@code instant}; empty if it did not exist then, or is not of that type. */
    public <T> Optional<State<T>> stateAt(Class<T> aggregateType, String aggregateId, Instant instant) {
        AggregateModel<T> model = model(aggregateType);
        DomainEventStream history = historyUntil(aggregateType, model.type(), aggregateId, instant);
        if (!history.hasNext() || !model.type().equals(history.peek().getType())) {
            return Optional.empty();
        }
        T root = new GenericAggregateFactory<>(model).createAggregateRoot(aggregateId, history.peek());
        EventSourcedAggregate<T> aggregate =
                EventSourcedAggregate.initialize(root, model, null, NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(history);
        return Optional.of(new State<>(aggregate.getAggregateRoot(), aggregate.version()));
    }

    /** The snapshot to start from, if any, then the events after it up to the instant. */
    private DomainEventStream historyUntil(Class<?> aggregateType, String type, String aggregateId,
                                           Instant instant) {
        Optional<DomainEventMessage<?>> snapshot = storedEvents.snapshotAt(aggregateId, type,
                REVISIONS.revisionOf(aggregateType), instant);
        long firstEvent = snapshot.map(taken -> taken.getSequenceNumber() + 1).orElse(0L);
        DomainEventStream after = events.readEvents(aggregateId, firstEvent);
        DomainEventStream untilInstant = DomainEventStream.of(
                after.asStream().takeWhile(event -> !event.getTimestamp().isAfter(instant)));
        return snapshot.map(taken -> DomainEventStream.concat(DomainEventStream.of(taken), untilInstant))
                .orElse(untilInstant);
    }

    @SuppressWarnings("unchecked")
    private <T> AggregateModel<T> model(Class<T> aggregateType) {
        // with the application's parameter resolvers, as Axon inspects the aggregate: a command handler may take a
        // Spring bean (User's constructor does), which the classpath's resolvers alone cannot supply
        return (AggregateModel<T>) models.computeIfAbsent(aggregateType, type ->
                AnnotatedAggregateMetaModelFactory.inspectAggregate(type, axon.parameterResolverFactory(),
                        axon.handlerDefinition(type)));
    }

    /** An aggregate and its version (the sequence number of the last event applied). */
    public record State<T>(T aggregate, long version) {
    }
}
