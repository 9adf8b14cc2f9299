package dev.eventshop.platform.cluster;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a commit tells the other nodes (the payload of its NOTIFY): which node committed, and which aggregates got
 * new events, so that the others drop those aggregates from their caches before they decide on them again. When
 * the ids do not fit PostgreSQL's payload limit, the notice says "every aggregate".
 *
 * @param node       the committing node ({@link ClusterNode#ID})
 * @param aggregates the aggregates that changed; empty when {@code all} is set
 * @param all        whether every cached aggregate may be stale
 */
record CommitNotice(String node, Set<String> aggregates, boolean all) {

    /** PostgreSQL refuses payloads of 8000 bytes or more. */
    static final int MAX_PAYLOAD_BYTES = 7999;
    private static final String SEPARATOR = "\n"; // ids and node names hold no line breaks
    private static final String ALL = "*";

    static String encode(List<? extends EventMessage<?>> events) {
        Set<String> aggregates = new LinkedHashSet<>();
        events.stream().filter(DomainEventMessage.class::isInstance)
                .map(event -> ((DomainEventMessage<?>) event).getAggregateIdentifier())
                .forEach(aggregates::add);
        String payload = ClusterNode.ID + SEPARATOR + String.join(SEPARATOR, aggregates);
        return payload.getBytes(StandardCharsets.UTF_8).length <= MAX_PAYLOAD_BYTES
                ? payload : ClusterNode.ID + SEPARATOR + ALL;
    }

    static CommitNotice decode(String payload) {
        List<String> parts = Arrays.asList(payload.split(SEPARATOR));
        List<String> aggregates = parts.subList(1, parts.size());
        boolean all = aggregates.contains(ALL);
        return new CommitNotice(parts.get(0), all ? Set.of() : new LinkedHashSet<>(aggregates), all);
    }

    boolean fromThisNode() {
        return ClusterNode.ID.equals(node);
    }
}
