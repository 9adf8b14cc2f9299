package dev.eventshop.item;

import dev.eventshop.item.api.FindItem;
import dev.eventshop.item.api.FindItems;
import dev.eventshop.item.api.ItemView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Answers queries on the catalogue, from the generation that serves this node. */
@Component
class ItemQueries {

    private final ItemEntryRepository items;

    ItemQueries(ItemEntryRepository items) {
        this.items = items;
    }

    @QueryHandler
    Optional<ItemView> handle(FindItem query) {
        return items.findServing(query.itemId()).map(ItemEntry::toView);
    }

    @QueryHandler
    List<ItemView> handle(FindItems query) {
        List<ItemEntry> page = query.afterItemId() == null ? items.findFirstServing(query.limit())
                : items.findServingAfter(query.afterName(), query.afterItemId(), query.limit());
        return page.stream().map(ItemEntry::toView).toList();
    }
}
