package dev.eventshop.item;

import dev.eventshop.item.api.ItemView;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the items read model (the catalogue). */
@Entity
@Table(name = "item_view")
class ItemEntry {

    @Id
    private String itemId;
    private String name;
    private long price;
    private int stock;
    private long version;

    protected ItemEntry() {
    }

    ItemEntry(String itemId, String name, long price, int stock, long version) {
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
