package dev.eventshop.platform.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds an aggregate as it was at an instant, from its events, with the aggregate's own event-sourcing
 * handlers. Axon keeps only the latest snapshot; it is used when it is no newer than the instant asked for
 * (a snapshot carries the time it was taken, which is after the events it covers), which is the common
 * case of looking at the recent past of a long-lived aggregate.
 */
@Component
public class TimeTravel {

    private final EventStore events;
    private final Map<Class<?>, AggregateModel<?>> models = new ConcurrentHashMap<>();

    TimeTravel(EventStore events) {
        this.events = events;
    }

    /** The aggregate as it was at {@code instant}; empty if it did not exist then, or is not of that type. */
    public <T> Optional<State<T>> stateAt(Class<T> aggregateType, String aggregateId, Instant instant) {
        AggregateModel<T> model = model(aggregateType);
        List<DomainEventMessage<?>> history = historyUntil(model, aggregateId, instant);
        if (history.isEmpty() || !model.type().equals(history.get(0).getType())) {
            return Optional.empty();
        }
        DomainEventStream stream = DomainEventStream.of(history);
        T root = new GenericAggregateFactory<>(model).createAggregateRoot(aggregateId, stream.peek());
        EventSourcedAggregate<T> aggregate =
                EventSourcedAggregate.initialize(root, model, null, NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(stream);
        return Optional.of(new State<>(aggregate.getAggregateRoot(), aggregate.version()));
    }

    /** The snapshot (when it helps) and the events up to the instant. */
    private List<DomainEventMessage<?>> historyUntil(AggregateModel<?> model, String aggregateId, Instant instant) {
        DomainEventStream latest = events.readEvents(aggregateId);
        boolean snapshotHelps = latest.hasNext()
                && model.types().anyMatch(latest.peek().getPayloadType()::equals)
                && !latest.peek().getTimestamp().isAfter(instant);
        DomainEventStream stream = snapshotHelps ? latest : events.readEvents(aggregateId, 0);
        List<DomainEventMessage<?>> history = new ArrayList<>();
        while (stream.hasNext() && !stream.peek().getTimestamp().isAfter(instant)) {
            history.add(stream.next());
        }
        return history;
    }

    @SuppressWarnings("unchecked")
    private <T> AggregateModel<T> model(Class<T> aggregateType) {
        return (AggregateModel<T>) models.computeIfAbsent(aggregateType,
                AnnotatedAggregateMetaModelFactory::inspectAggregate);
    }

    /** An aggregate and its version (the sequence number of the last event applied). */
    public record State<T>(T aggregate, long version) {
    }
}
