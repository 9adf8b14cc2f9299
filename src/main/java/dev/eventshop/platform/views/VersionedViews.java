package dev.eventshop.platform.views;

import dev.eventshop.platform.security.Access;
import dev.eventshop.platform.web.InvalidInputException;
import dev.eventshop.platform.web.OpenRequests;
import dev.eventshop.platform.web.ViewBehindException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToLongFunction;

/**
 * Reads a view, optionally waiting until it reflects at least a given aggregate version: a client that has
 * just had a command answered with version N reads its own write with {@code ?minVersion=N}.
 *
 * <p>The wait is an Axon subscription query: the projection emits each new state after it commits, so the
 * answer comes as soon as the view has caught up, with no polling. It holds no thread: the answer is a future that
 * Spring MVC completes the request with. A wait that cannot end well is answered at once: an id that names no
 * aggregate of the view's kind (404), a version beyond what the store holds and will hold without a new command
 * (400). The waits open at once are capped per client and in total (429), and each lasts at most
 * {@code eventshop.read-your-writes.max-wait} (then 503).
 */
@Component
@EnableConfigurationProperties(ReadYourWritesProperties.class)
public class VersionedViews {

    /**
     * The kind of aggregate a view shows.
     *
     * @param type                 the aggregate's type, as the event store names it
     * @param versionsStillToCome how many versions beyond the stored ones may still come without a client's
     *                             command (a pending order's timeout and outcome); a wait for more is refused
     */
    public record Aggregate(String type, int versionsStillToCome) {
    }

    private final QueryGateway queries;
    private final JdbcTemplate jdbc;
    private final Access access;
    private final ReadYourWritesProperties properties;
    private final OpenRequests waits;

    VersionedViews(QueryGateway queries, JdbcTemplate jdbc, Access access, ReadYourWritesProperties properties) {
        this.queries = queries;
        this.jdbc = jdbc;
        this.access = access;
        this.properties = properties;
        this.waits = new OpenRequests("waits for a view", properties.maxOpen(), properties.maxOpenPerClient());
    }

    /**
     * @param kind        the kind of aggregate the view shows
     * @param aggregateId the aggregate the view shows
     * @param query       a query whose handler answers {@code Optional<V>} and whose projection emits {@code V}
     * @param minVersion  the version the view must have reached, or null to read it as it is
     * @return the view, or empty when there is none; failed with {@link ViewBehindException} when the view has not
     * reached {@code minVersion} within the allowed wait
     * @throws InvalidInputException when {@code minVersion} cannot come
     * @throws dev.eventshop.platform.web.TooManyRequestsException when the client, or the node, has too many
     *                                                             waits open
     */
    public <V> CompletableFuture<Optional<V>> read(Aggregate kind, String aggregateId, Object query,
                                                   Class<V> viewType, ToLongFunction<V> versionOf,
                                                   Long minVersion) {
        CompletableFuture<Optional<V>> now = queries.query(query, ResponseTypes.optionalInstanceOf(viewType));
        if (minVersion == null || now.join().filter(view -> versionOf.applyAsLong(view) >= minVersion).isPresent()) {
            return now;
        }
        Optional<Long> stored = storedVersion(kind, aggregateId);
        if (stored.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty()); // nothing will ever come: answer at once
        }
        long reachable = stored.get() + kind.versionsStillToCome();
        if (minVersion > reachable) {
            throw new InvalidInputException("minVersion", "must be at most " + reachable
                    + ": no later version of " + aggregateId + " is stored or on its way");
        }
        OpenRequests.Permit permit = waits.open(access.client(), access.isAdmin());
        try {
            SubscriptionQueryResult<Optional<V>, V> result = queries.subscriptionQuery(
                    query, ResponseTypes.optionalInstanceOf(viewType), ResponseTypes.instanceOf(viewType));
            return Flux.concat(result.initialResult().flatMap(Mono::justOrEmpty), result.updates())
                    .filter(candidate -> versionOf.applyAsLong(candidate) >= minVersion)
                    .next()
                    .timeout(properties.maxWait(), Mono.empty())
                    .doFinally(signal -> {
                        result.close();
                        permit.close();
                    })
                    .toFuture()
                    .thenApply(view -> {
                        if (view == null) {
                            throw new ViewBehindException(minVersion, properties.retryAfter());
                        }
                        return Optional.of(view);
                    });
        } catch (RuntimeException e) {
            permit.close();
            throw e;
        }
    }

    /** How many waits are open on this node now. */
    public int openWaits() {
        return waits.open();
    }

    /** The aggregate's newest stored version, if it is one of the kind: one step down the stream's index. */
    private Optional<Long> storedVersion(Aggregate kind, String aggregateId) {
        List<Long> versions = jdbc.query("""
                select type, sequence_number from domain_event_entry where aggregate_identifier = ?
                order by sequence_number desc limit 1""",
                (row, i) -> kind.type().equals(row.getString(1)) ? row.getLong(2) : null, aggregateId);
        return versions.stream().filter(version -> version != null).findFirst();
    }
}
