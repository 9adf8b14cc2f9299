package dev.eventshop.platform.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventshop.platform.history.StoredEvents;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.util.List;

/** Reads the feed: the integration events after a position, up to the horizon, in the store's order. */
@Component
class Feed {

    /** The CloudEvents extension attribute that carries an event's position (its global index in the store). */
    static final String POSITION = "position";

    private static final String EVENTS_AFTER = "select " + StoredEvents.COLUMNS + " from domain_event_entry e"
            + " where e.global_index > ? and e.global_index <= ? and e.payload_type = any (?)"
            + " order by e.global_index limit ?";

    private final StoredEvents stored;
    private final FeedHorizon horizon;
    private final FeedContract contract;
    private final ObjectMapper json;
    private final FeedProperties properties;
    /** The stored payload types the feed carries, as the statement's array parameter. */
    private final String[] storedTypes;

    Feed(StoredEvents stored, FeedHorizon horizon, FeedContract contract, ObjectMapper json,
         FeedProperties properties) {
        this.stored = stored;
        this.horizon = horizon;
        this.contract = contract;
        this.json = json;
        this.properties = properties;
        this.storedTypes = contract.storedTypes().toArray(String[]::new);
    }

    /** A page of the feed. */
    record Page(List<CloudEvent> events, long horizon) {
    }

    /** Up to {@code limit} events after the position, none beyond the horizon (settled for this read). */
    Page after(long position, int limit) {
        return after(position, limit, horizon.settledPosition(properties.pagePatience()));
    }

    /**
     * Up to {@code limit} events after the position, none beyond {@code until}: a horizon the caller sampled already
     * (a live stream gets it from the node's sampler, so reading costs no sample of its own).
     */
    Page after(long position, int limit, long until) {
        List<CloudEvent> events = stored.query(EVENTS_AFTER, position, until, storedTypes, limit).stream()
                .map(event -> envelope(event.position(), event.message()))
                .toList();
        return new Page(events, until);
    }

    /** The horizon now: the highest position the feed serves. */
    long horizon() {
        return horizon.finalPosition();
    }

    /** The highest position stored: a consumer cannot resume after a position beyond it. */
    long head() {
        return horizon.storedHead();
    }

    private CloudEvent envelope(long position, DomainEventMessage<?> event) {
        IntegrationEventType<?> type = contract.of(event.getPayloadType());
        return CloudEventBuilder.v1()
                .withId(event.getIdentifier())
                .withSource(properties.source())
                .withType(type.type())
                .withTime(event.getTimestamp().atOffset(ZoneOffset.UTC))
                .withSubject(event.getAggregateIdentifier())
                .withDataContentType("application/json")
                .withData(JsonCloudEventData.wrap(json.valueToTree(type.dataOf(event.getPayload()))))
                .withExtension(POSITION, position)
                .build();
    }
}
