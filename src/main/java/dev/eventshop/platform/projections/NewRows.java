package dev.eventshop.platform.projections;

import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;

/**
 * Adds the row that an event creates (a registration, a new item, a placed order) to a slot's generation.
 *
 * <p>A generation built from the start of the store, or followed live, sees each event once, so that row is new
 * and is inserted straight away. Spring Data's {@code save} would merge it instead, since its id is assigned, and a
 * merge first selects the row: a round trip per row, which was half of a rebuild's time. A generation that began
 * as a copy of another's rows (a replay from an instant) may hold the row already, so there it is merged.
 */
@Component
public class NewRows {

    private final EntityManager entities;

    NewRows(EntityManager entities) {
        this.entities = entities;
    }

    /** @return the row as the persistence context now holds it, for the projection to go on changing */
    public <T> T add(ProjectionSlot slot, T row) {
        if (slot.mayHoldRowsAlready()) {
            return entities.merge(row);
        }
        entities.persist(row);
        return row;
    }
}
