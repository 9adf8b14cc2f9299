package dev.eventshop.item;

import dev.eventshop.common.ReplayScope;
import dev.eventshop.item.api.FindItem;
import dev.eventshop.item.api.FindItems;
import dev.eventshop.item.api.ItemAdded;
import dev.eventshop.item.api.ItemPriceChanged;
import dev.eventshop.item.api.ItemRestocked;
import dev.eventshop.item.api.ItemView;
import dev.eventshop.item.api.StockReleased;
import dev.eventshop.item.api.StockReservationRejected;
import dev.eventshop.item.api.StockReserved;
import dev.eventshop.platform.views.ViewUpdates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Builds the catalogue read model from Item events and answers queries on it. */
@Component
@ProcessingGroup("items")
class ItemProjection {

    private final ItemEntryRepository items;
    private final ViewUpdates updates;

    ItemProjection(ItemEntryRepository items, ViewUpdates updates) {
        this.items = items;
        this.updates = updates;
    }

    @EventHandler
    void on(ItemAdded event, @SequenceNumber long version) {
        emit(items.save(new ItemEntry(event.itemId(), event.name(), event.price(), event.stock(), version)));
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

    /** A replay from the start, or a reset without a scope (as Axon's own tools make), rebuilds from nothing. */
    @ResetHandler
    void reset() {
        items.deleteAllInBatch();
    }

    /** A replay from an instant handles the later events again onto the view as it stands: see ReplayScope. */
    @ResetHandler
    void reset(ReplayScope scope) {
        if (scope == ReplayScope.FROM_START) {
            reset();
        }
    }

    @QueryHandler
    Optional<ItemView> handle(FindItem query) {
        return items.findById(query.itemId()).map(ItemEntry::toView);
    }

    @QueryHandler
    List<ItemView> handle(FindItems query) {
        return items.findAllByOrderByNameAscItemIdAsc().stream().map(ItemEntry::toView).toList();
    }

    /** To subscription queries (read-your-writes waits), once this batch has committed. */
    private void emit(ItemEntry item) {
        String id = item.itemId();
        updates.emit(FindItem.class, query -> query.itemId().equals(id), item::toView);
    }

    private void update(String itemId, Consumer<ItemEntry> change) {
        items.findById(itemId).ifPresent(item -> {
            change.accept(item);
            emit(item);
        });
    }
}
