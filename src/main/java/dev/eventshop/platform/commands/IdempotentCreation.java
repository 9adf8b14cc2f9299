package dev.eventshop.platform.commands;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;

import java.util.function.Predicate;

/**
 * Creates an aggregate with a client-supplied id so that a retry of the same create is harmless: when the
 * id is taken by an aggregate that was created with the very same event, the create counts as done; when it
 * was created differently, the conflict stands.
 */
@Component
public class IdempotentCreation {

    private final CommandGateway commands;
    private final EventStore events;

    IdempotentCreation(CommandGateway commands, EventStore events) {
        this.commands = commands;
        this.events = events;
    }

    /**
     * Sends the creating command and waits until its events are stored.
     *
     * @param creationEvent the event the command would store first, to recognise a repeated create
     */
    public void create(Object command, String aggregateId, Object creationEvent) {
        create(command, aggregateId, creationEvent::equals);
    }

    /**
     * Sends the creating command and waits until its events are stored.
     *
     * @param isSameCreation tells whether the first stored event of an existing aggregate is what this command
     *                       would have stored (for events that cannot be compared whole, like a salted hash)
     */
    public void create(Object command, String aggregateId, Predicate<Object> isSameCreation) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateStreamCreationException taken) {
            Object first = firstEventOf(aggregateId);
            if (first == null || !isSameCreation.test(first)) {
                throw taken;
            }
        }
    }

    private Object firstEventOf(String aggregateId) {
        DomainEventStream stream = events.readEvents(aggregateId, 0); // from the start, past any snapshot
        if (!stream.hasNext()) {
            return null;
        }
        return stream.next().getPayload();
    }
}
