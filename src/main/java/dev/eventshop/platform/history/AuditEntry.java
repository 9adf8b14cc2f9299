package dev.eventshop.platform.history;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * One stored event as an auditor sees it.
 *
 * @param aggregateType the kind of aggregate it belongs to (User, Item, Order)
 * @param sequence      its position in that aggregate's stream, from 0
 * @param position      its position in the whole store (the global index): later events have higher ones
 * @param type          the event's name, e.g. {@code BalanceToppedUp}
 * @param payload       the event's fields
 * @param personalDataErased whether the event holds personal data of a person since erased: those fields read null
 * @param principal     who caused it: the signed-in user whose request led to it
 * @param correlationId the id of the message that directly caused it (usually a command, which is not stored)
 * @param traceId       the id of the request that started the chain: the same on every event that followed
 *                      from it, across aggregates and through the saga
 */
public record AuditEntry(String aggregateId, String aggregateType, long sequence, long position,
                         String type, Instant timestamp,
                         Object payload, boolean personalDataErased, @Schema(nullable = true) String principal,
                         @Schema(nullable = true) String correlationId, @Schema(nullable = true) String traceId) {
}
