package dev.eventshop.order;

import dev.eventshop.order.api.OrderStatus;
import dev.eventshop.order.api.OrderView;
import dev.eventshop.order.api.RejectionReason;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A row of the orders read model, with its lines, in one generation of it. */
@Entity
@Table(name = "order_view")
@IdClass(OrderEntry.Key.class)
class OrderEntry {

    @Id
    private long generation;
    @Id
    private String orderId;
    private String userId;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    @Enumerated(EnumType.STRING)
    private RejectionReason reason;
    private Long total;
    private Instant placedAt;
    private Instant updatedAt;
    private long version;

    @ElementCollection(fetch = FetchType.EAGER) // an order is always shown with its lines
    @CollectionTable(name = "order_view_line",
            joinColumns = {@JoinColumn(name = "generation"), @JoinColumn(name = "order_id")})
    @OrderColumn(name = "line_no")
    private List<LineEntry> lines = new ArrayList<>();

    @Embeddable
    static class LineEntry {
        @Column(name = "item_id")
        private String itemId;
        private int quantity;
        private Long unitPrice;

        protected LineEntry() {
        }

        LineEntry(String itemId, int quantity) {
            this.itemId = itemId;
            this.quantity = quantity;
        }
    }

    /** An order's row in a generation. */
    record Key(long generation, String orderId) implements Serializable {
    }

    protected OrderEntry() {
    }

    OrderEntry(long generation, String orderId, String userId, List<LineEntry> lines, Instant placedAt) {
        this.generation = generation;
        this.orderId = orderId;
        this.userId = userId;
        this.lines = new ArrayList<>(lines);
        this.status = OrderStatus.PENDING;
        this.placedAt = placedAt;
        this.updatedAt = placedAt;
    }

    void priceLine(String itemId, long unitPrice, Instant at) {
        lines.stream().filter(line -> line.itemId.equals(itemId)).forEach(line -> line.unitPrice = unitPrice);
        updatedAt = at;
    }

    void confirm(long total, Instant at, long version) {
        this.status = OrderStatus.CONFIRMED;
        this.total = total;
        this.updatedAt = at;
        this.version = version;
    }

    void reject(RejectionReason reason, Instant at, long version) {
        this.status = OrderStatus.REJECTED;
        this.reason = reason;
        this.updatedAt = at;
        this.version = version;
    }

    String orderId() {
        return orderId;
    }

    OrderView toView() {
        return new OrderView(orderId, userId,
                lines.stream().map(l -> new OrderView.Line(l.itemId, l.quantity, l.unitPrice)).toList(),
                total, status, reason, placedAt, updatedAt, version);
    }
}
