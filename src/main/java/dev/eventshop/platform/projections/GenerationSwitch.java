package dev.eventshop.platform.projections;

import dev.eventshop.platform.axon.StoredTokens;
import dev.eventshop.platform.axon.StoredTokens.StoredToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Makes a rebuilt generation the one that serves reads, in one transaction, so that every node's readers move to
 * it at once (they choose the generation in the statement that reads it) and none sees an older state than the
 * one it could see before.
 *
 * <p>For that the new generation must have handled every event the serving one has. Both keep moving, so the
 * switch locks the serving generation's token rows: its processor can then store no token, so commit no batch,
 * until the switch has committed. Within a bounded wait it then reads the new generation's tokens until they cover
 * the frozen ones, and flips the states. A batch the serving generation had under way commits after the switch,
 * into rows nobody reads any more.
 */
@Component
class GenerationSwitch {

    private static final Logger log = LoggerFactory.getLogger(GenerationSwitch.class);
    /** How often the switch reads the new generation's tokens while it holds the serving one still. */
    private static final long POLL_NANOS = 10_000_000;
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Generations generations;
    private final StoredTokens tokens;
    private final TransactionTemplate transactions;
    private final ProjectionProperties properties;
    private final JdbcTemplate jdbc;

    GenerationSwitch(Generations generations, StoredTokens tokens, TransactionTemplate transactions,
                     ProjectionProperties properties, JdbcTemplate jdbc) {
        this.generations = generations;
        this.tokens = tokens;
        this.transactions = transactions;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /** @return whether the generation now serves; false leaves everything as it was, to be tried again */
    boolean trySwitch(ProjectionDefinition definition, Generation building) {
        Boolean switched = transactions.execute(status -> {
            generations.lock(definition.name());
            Optional<Generation> current = generations.find(definition.name(), building.generation());
            if (current.isEmpty() || current.get().state() != GenerationState.BUILDING) {
                return false;
            }
            Optional<Generation> serving = generations.servingFor(definition.name(), building.version())
                    .flatMap(generation -> generations.find(definition.name(), generation));
            if (serving.isPresent() && !coversInTime(building.processor(), serving.get().processor())) {
                status.setRollbackOnly();
                return false;
            }
            generations.goLive(definition.name(), building.generation());
            int retired = generations.retireReplaced(definition.name(), building.version(), building.generation());
            log.info("Generation {} of {} (version {}) serves reads now; {} generation(s) it replaces retired",
                    building.generation(), definition.name(), building.version(), retired);
            return true;
        });
        return Boolean.TRUE.equals(switched);
    }

    /**
     * Holds the serving processor's tokens still and waits, boundedly, for the new one's to cover them. The lock
     * itself is waited for boundedly too: the switch holds the projection's lock meanwhile, and an operator's
     * rebuild or cancel must not hang behind a long batch.
     */
    private boolean coversInTime(String building, String serving) {
        jdbc.execute("set local lock_timeout = " + properties.switchWait().toMillis());
        TrackingToken frozen;
        try {
            frozen = upperBound(tokens.lockedOf(serving));
        } catch (DataAccessException busy) {
            if (!isLockTimeout(busy)) {
                throw busy;
            }
            log.debug("{} kept its tokens locked for {}; trying the switch again later", serving,
                    properties.switchWait());
            return false;
        }
        long deadline = System.nanoTime() + properties.switchWait().toNanos();
        while (true) {
            List<StoredToken> rebuilt = tokens.of(building);
            TrackingToken reached = lowerBound(rebuilt);
            if (frozen == null || (reached != null && reached.covers(frozen))) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                log.debug("{} did not catch up with the frozen {} within {}; trying again later", building,
                        serving, properties.switchWait());
                return false;
            }
            // the other processor commits on its own threads: nothing to wait on but its next token
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** PostgreSQL's lock_not_available, which Spring's translation leaves uncategorized. */
    private static boolean isLockTimeout(DataAccessException e) {
        return e instanceof PessimisticLockingFailureException
                || e.getCause() instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState());
    }

    /** What every segment has handled (null: some segment has handled nothing, or there are none). */
    private static TrackingToken lowerBound(List<StoredToken> segments) {
        if (segments.isEmpty()) {
            return null;
        }
        TrackingToken lower = null;
        for (StoredToken segment : segments) {
            if (segment.token() == null) {
                return null;
            }
            TrackingToken token = WrappedToken.unwrapLowerBound(segment.token());
            lower = lower == null ? token : lower.lowerBound(token);
        }
        return lower;
    }

    /** What some segment has handled (null: none has handled anything). */
    private static TrackingToken upperBound(List<StoredToken> segments) {
        TrackingToken upper = null;
        for (StoredToken segment : segments) {
            if (segment.token() != null) {
                TrackingToken token = WrappedToken.unwrapUpperBound(segment.token());
                upper = upper == null ? token : upper.upperBound(token);
            }
        }
        return upper;
    }
}
