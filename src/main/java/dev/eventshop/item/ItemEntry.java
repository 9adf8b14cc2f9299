package dev.eventshop.item;

import dev.eventshop.item.api.ItemView;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** A row of the items read model (the catalogue), in one generation of it. */
@Entity
@Table(name = "item_view")
@IdClass(ItemEntry.Key.class)
class ItemEntry {

    @Id
    private long generation;
    @Id
    private String itemId;
    private String name;
    private long price;
    private int stock;
    private long version;

    /** An item's row in a generation. */
    record Key(long generation, String itemId) implements Serializable {
    }

    protected ItemEntry() {
    }

    ItemEntry(long generation, String itemId, String name, long price, int stock, long version) {
        this.generation = generation;
        this.itemId = itemId;
        this.name = name;
        this.price = price;
        this.stock = stock;
        this.version = version;
    }

    void changeStock(int stock, long version) {
        this.stock = stock;
        this.version = version;
    }

    void changePrice(long price, long version) {
        this.price = price;
        this.version = version;
    }

    void touch(long version) {
        this.version = version;
    }

    String itemId() {
        return itemId;
    }

    ItemView toView() {
        return new ItemView(itemId, name, price, stock, version);
    }
}
