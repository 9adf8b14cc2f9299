package dev.eventshop.item;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.eventshop.common.BusinessRuleViolation;
import dev.eventshop.item.api.AddItem;
import dev.eventshop.item.api.ChangePrice;
import dev.eventshop.item.api.ItemAdded;
import dev.eventshop.item.api.ItemChange;
import dev.eventshop.item.api.ItemPriceChanged;
import dev.eventshop.item.api.ItemRestocked;
import dev.eventshop.item.api.ItemView;
import dev.eventshop.item.api.ReleaseStock;
import dev.eventshop.item.api.ReservationRejectionReason;
import dev.eventshop.item.api.ReserveStock;
import dev.eventshop.item.api.RestockItem;
import dev.eventshop.item.api.StockReleased;
import dev.eventshop.item.api.StockReservationRejected;
import dev.eventshop.item.api.StockReserved;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A warehouse line: price and stock. Decides on reservations so that stock never goes negative.
 *
 * <p>It remembers nothing of its orders: the saga names the quantity of a release, and a repeated reservation or
 * release of a settled order never reaches it ({@link dev.eventshop.common.SettledOrderGuard}). Its state stays
 * the same size however often the item sells.
 *
 * <p>Snapshots are Jackson JSON of the fields; bump {@link Revision} whenever the fields change. Revision 3
 * dropped the per-order memory of revision 2.
 */
@Aggregate(snapshotTriggerDefinition = "itemSnapshotTrigger", cache = "itemCache")
@Revision("3")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class Item {

    @AggregateIdentifier
    private String itemId;
    private String name;
    private long price;
    private int stock;

    Item() {
        // for Axon and Jackson
    }

    @CommandHandler
    Item(AddItem command) {
        requirePositive(command.price(), "price-not-positive", "A price must be positive");
        if (command.stock() < 0) {
            throw new BusinessRuleViolation("stock-negative", "Stock must not be negative");
        }
        apply(new ItemAdded(command.itemId(), command.name(), command.price(), command.stock()));
    }

    @CommandHandler
    ItemChange handle(RestockItem command) {
        requirePositive(command.quantity(), "quantity-not-positive", "A quantity must be positive");
        apply(new ItemRestocked(itemId, command.quantity(), stockPlus(command.quantity())));
        return change();
    }

    @CommandHandler
    ItemChange handle(ChangePrice command) {
        requirePositive(command.price(), "price-not-positive", "A price must be positive");
        if (command.price() != price) {
            apply(new ItemPriceChanged(itemId, price, command.price()));
        }
        return change();
    }

    @CommandHandler
    void handle(ReserveStock command) {
        requirePositive(command.quantity(), "quantity-not-positive", "A quantity must be positive");
        if (command.quantity() > stock) {
            apply(new StockReservationRejected(itemId, command.orderId(), command.quantity(), stock,
                    ReservationRejectionReason.OUT_OF_STOCK));
        } else {
            apply(new StockReserved(itemId, command.orderId(), command.quantity(), price,
                    stock - command.quantity()));
        }
    }

    @CommandHandler
    void handle(ReleaseStock command) {
        requirePositive(command.quantity(), "quantity-not-positive", "A quantity must be positive");
        apply(new StockReleased(itemId, command.orderId(), command.quantity(), stockPlus(command.quantity())));
    }

    /** The stock after adding a quantity, refused when it would overflow. */
    private int stockPlus(int quantity) {
        try {
            return Math.addExact(stock, quantity);
        } catch (ArithmeticException overflow) {
            throw new BusinessRuleViolation("stock-overflow", "The stock would exceed its maximum");
        }
    }

    @EventSourcingHandler
    void on(ItemAdded event) {
        itemId = event.itemId();
        name = event.name();
        price = event.price();
        stock = event.stock();
    }

    @EventSourcingHandler
    void on(ItemRestocked event) {
        stock = event.stockAfter();
    }

    @EventSourcingHandler
    void on(ItemPriceChanged event) {
        price = event.price();
    }

    @EventSourcingHandler
    void on(StockReserved event) {
        stock = event.stockAfter();
    }

    @EventSourcingHandler
    void on(StockReleased event) {
        stock = event.stockAfter();
    }

    private ItemChange change() {
        return new ItemChange(itemId, price, stock, AggregateLifecycle.getVersion());
    }

    private static void requirePositive(long value, String rule, String message) {
        if (value <= 0) {
            throw new BusinessRuleViolation(rule, message);
        }
    }

    /** The item as the catalogue shows it, for time travel (this aggregate rebuilt to a past instant). */
    ItemView toView(long version) {
        return new ItemView(itemId, name, price, stock, version);
    }
}
