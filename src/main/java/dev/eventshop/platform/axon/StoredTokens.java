package dev.eventshop.platform.axon;

import org.axonframework.eventhandling.MergedTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The tracking tokens of a processor as the token store holds them, over every node: Axon's token store answers
 * for one segment at a time and only with a claim, and the dashboard, the segment balancer and the generation
 * switch need all segments of a processor without claiming any.
 */
@Component
public class StoredTokens {

    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;

    /** The token store writes its tokens with Axon's general serializer, the bean named "serializer". */
    StoredTokens(JdbcTemplate jdbc, @Qualifier("serializer") Serializer tokenSerializer) {
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
    }

    /** One segment's row: its owner (null: unclaimed) and its token (null: it has handled nothing yet). */
    public record StoredToken(int segment, String owner, TrackingToken token) {
    }

    public List<StoredToken> of(String processorName) {
        return jdbc.query("select segment, owner, token, token_type from token_entry where processor_name = ?"
                + " order by segment", (row, i) -> new StoredToken(row.getInt(1), row.getString(2),
                deserialize(row.getBytes(3), row.getString(4))), processorName);
    }

    /** The same rows, locked until the current transaction ends: the processor can store no token meanwhile. */
    public List<StoredToken> lockedOf(String processorName) {
        return jdbc.query("select segment, owner, token, token_type from token_entry where processor_name = ?"
                + " order by segment for update", (row, i) -> new StoredToken(row.getInt(1), row.getString(2),
                deserialize(row.getBytes(3), row.getString(4))), processorName);
    }

    private TrackingToken deserialize(byte[] token, String type) {
        return token == null ? null
                : tokenSerializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
    }

    /**
     * The global index a token has handled up to, null for nothing yet. Unpacks replay and merged tokens itself:
     * a merged token of which one half has handled nothing has no position (Axon's own throws there).
     */
    public static Long positionOf(TrackingToken token) {
        if (token == null) {
            return null;
        }
        if (token instanceof ReplayToken replay) {
            return positionOf(replay.getCurrentToken());
        }
        if (token instanceof MergedTrackingToken merged) {
            Long lower = positionOf(merged.lowerSegmentToken());
            Long upper = positionOf(merged.upperSegmentToken());
            return lower == null || upper == null ? null : Math.min(lower, upper);
        }
        return token.position().isPresent() ? token.position().getAsLong() : null;
    }
}
