package dev.eventshop.platform.views;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Reads a view, optionally waiting until it reflects at least a given aggregate version: a client that has
 * just had a command answered with version N reads its own write with {@code ?minVersion=N}.
 *
 * <p>The wait is an Axon subscription query: the projection emits each new state after it commits, so the
 * answer comes as soon as the view has caught up, with no polling. It holds the request's thread meanwhile
 * (bounded by {@code eventshop.read-your-writes.max-wait}); an id that names nothing is answered at once.
 */
@Component
@EnableConfigurationProperties(ReadYourWritesProperties.class)
public class VersionedViews {

    private final QueryGateway queries;
    private final EventStore events;
    private final ReadYourWritesProperties properties;

    VersionedViews(QueryGateway queries, EventStore events, ReadYourWritesProperties properties) {
        this.queries = queries;
        this.events = events;
        this.properties = properties;
    }

    /**
     * @param aggregateId the aggregate the view shows
     * @param query       a query whose handler answers {@code Optional<V>} and whose projection emits {@code V}
     * @param minVersion  the version the view must have reached, or null to read it as it is
     * @throws ViewBehindException   when the view has not reached {@code minVersion} within the allowed wait
     */
    public <V> Optional<V> read(String aggregateId, Object query, Class<V> viewType, ToLongFunction<V> versionOf,
                                Long minVersion) {
        if (minVersion == null) {
            return queries.query(query, ResponseTypes.optionalInstanceOf(viewType)).join();
        }
        if (events.lastSequenceNumberFor(aggregateId).isEmpty()) {
            return Optional.empty(); // nothing will ever come: answer at once
        }
        // a version beyond the stored ones may still come (an order's outcome, say): wait for it too
        SubscriptionQueryResult<Optional<V>, V> result = queries.subscriptionQuery(
                query, ResponseTypes.optionalInstanceOf(viewType), ResponseTypes.instanceOf(viewType));
        try {
            V view = Flux.concat(result.initialResult().flatMap(Mono::justOrEmpty), result.updates())
                    .filter(candidate -> versionOf.applyAsLong(candidate) >= minVersion)
                    .next()
                    .timeout(properties.maxWait(), Mono.empty())
                    .block();
            if (view == null) {
                throw new ViewBehindException(minVersion, properties.retryAfter());
            }
            return Optional.of(view);
        } finally {
            result.close();
        }
    }
}
