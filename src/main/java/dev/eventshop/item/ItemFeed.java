package dev.eventshop.item;

import dev.eventshop.item.api.ItemAdded;
import dev.eventshop.item.api.ItemPriceChanged;
import dev.eventshop.item.api.ItemRestocked;
import dev.eventshop.item.api.StockReleased;
import dev.eventshop.item.api.StockReserved;
import dev.eventshop.item.api.feed.ItemAddedV1;
import dev.eventshop.item.api.feed.PriceChangedV1;
import dev.eventshop.item.api.feed.StockChangedV1;
import dev.eventshop.platform.feed.IntegrationEventType;
import dev.eventshop.platform.feed.IntegrationEvents;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What the feed tells other services of the catalogue: new items, prices, and stock after every change (a
 * reservation, a release or a restock are one type for them: the stock is what they need).
 */
@Component
class ItemFeed implements IntegrationEvents {

    private static final String STOCK_CHANGED = "item.stock-changed";

    @Override
    public List<IntegrationEventType<?>> types() {
        return List.of(
                new IntegrationEventType<>(ItemAdded.class, "item.added", 1, ItemAddedV1.class,
                        added -> new ItemAddedV1(added.itemId(), added.name(), added.price(), added.stock())),
                new IntegrationEventType<>(ItemPriceChanged.class, "item.price-changed", 1, PriceChangedV1.class,
                        changed -> new PriceChangedV1(changed.itemId(), changed.price())),
                new IntegrationEventType<>(StockReserved.class, STOCK_CHANGED, 1, StockChangedV1.class,
                        reserved -> new StockChangedV1(reserved.itemId(), reserved.stockAfter())),
                new IntegrationEventType<>(StockReleased.class, STOCK_CHANGED, 1, StockChangedV1.class,
                        released -> new StockChangedV1(released.itemId(), released.stockAfter())),
                new IntegrationEventType<>(ItemRestocked.class, STOCK_CHANGED, 1, StockChangedV1.class,
                        restocked -> new StockChangedV1(restocked.itemId(), restocked.stockAfter())));
    }
}
