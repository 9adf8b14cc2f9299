package dev.eventshop.item;

import dev.eventshop.item.api.FindItem;
import dev.eventshop.item.api.ItemAdded;
import dev.eventshop.item.api.ItemPriceChanged;
import dev.eventshop.item.api.ItemRestocked;
import dev.eventshop.item.api.StockReleased;
import dev.eventshop.item.api.StockReservationRejected;
import dev.eventshop.item.api.StockReserved;
import dev.eventshop.platform.projections.NewRows;
import dev.eventshop.platform.projections.ProjectionSlot;
import dev.eventshop.platform.views.ViewUpdates;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

import java.util.function.Consumer;

/**
 * Builds one generation of the catalogue read model from Item events: one instance per slot (see
 * {@link ItemConfiguration}). It writes absolute values (the stock after each event), so an event handled twice
 * leaves the same row.
 */
class ItemProjection {

    static final String NAME = "items";
    /** Raise it when a change here needs the view rebuilt: a node with the new code rebuilds it on start. */
    static final int VERSION = 1;

    private final ProjectionSlot slot;
    private final ItemEntryRepository items;
    private final ViewUpdates updates;
    private final NewRows rows;

    ItemProjection(ProjectionSlot slot, ItemEntryRepository items, ViewUpdates updates, NewRows rows) {
        this.slot = slot;
        this.items = items;
        this.updates = updates;
        this.rows = rows;
    }

    @EventHandler
    void on(ItemAdded event, @SequenceNumber long version) {
        emit(rows.add(slot, new ItemEntry(slot.generation(), event.itemId(), event.name(), event.price(),
                event.stock(), version)));
    }

    @EventHandler
    void on(ItemRestocked event, @SequenceNumber long version) {
        update(event.itemId(), item -> item.changeStock(event.stockAfter(), version));
    }

    @EventHandler
    void on(ItemPriceChanged event, @SequenceNumber long version) {
        update(event.itemId(), item -> item.changePrice(event.price(), version));
    }

    @EventHandler
    void on(StockReserved event, @SequenceNumber long version) {
        update(event.itemId(), item -> item.changeStock(event.stockAfter(), version));
    }

    @EventHandler
    void on(StockReservationRejected event, @SequenceNumber long version) {
        update(event.itemId(), item -> item.touch(version));
    }

    @EventHandler
    void on(StockReleased event, @SequenceNumber long version) {
        update(event.itemId(), item -> item.changeStock(event.stockAfter(), version));
    }

    /** To subscription queries (read-your-writes waits), once this batch has committed. */
    private void emit(ItemEntry item) {
        String id = item.itemId();
        updates.emit(slot, FindItem.class, query -> query.itemId().equals(id), item::toView);
    }

    private void update(String itemId, Consumer<ItemEntry> change) {
        items.findById(new ItemEntry.Key(slot.generation(), itemId)).ifPresent(item -> {
            change.accept(item);
            emit(item);
        });
    }
}
