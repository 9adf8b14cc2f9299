package dev.eventshop.platform.feed;

import java.util.function.Function;

/**
 * One type of the feed's public contract: which stored event it is made from, and how.
 *
 * @param from    the stored (internal) event it is made from
 * @param name    its name, e.g. {@code order.confirmed}; the CloudEvents type is {@code dev.eventshop.<name>.v<version>}
 * @param version raised whenever {@code data}'s shape changes in a way a consumer could notice
 * @param data    the record its data has (its JSON schema is published and pinned)
 * @param toData  makes the data from the stored event: only what the contract promises, nothing personal
 */
public record IntegrationEventType<E>(Class<E> from, String name, int version, Class<? extends Record> data,
                                      Function<E, ? extends Record> toData) {

    /** The CloudEvents {@code type} attribute. */
    public String type() {
        return "dev.eventshop." + name + ".v" + version;
    }

    Record dataOf(Object stored) {
        return toData.apply(from.cast(stored));
    }
}
