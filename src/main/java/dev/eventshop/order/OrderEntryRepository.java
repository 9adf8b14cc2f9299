package dev.eventshop.order;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The orders' rows; readers read the generation that serves this code's version, chosen in each statement. */
interface OrderEntryRepository extends JpaRepository<OrderEntry, OrderEntry.Key> {

    String SERVING = "function('serving_generation', '" + OrderProjection.NAME + "', " + OrderProjection.VERSION + ")";

    @Query("select o from OrderEntry o where o.orderId = :orderId and o.generation = " + SERVING)
    Optional<OrderEntry> findServing(String orderId);

    String SERVING_SQL = "serving_generation('" + OrderProjection.NAME + "', " + OrderProjection.VERSION + ")";

    /** The ids of a user's newest orders: newest first, by id between orders of one instant (order_view_user_idx). */
    @Query(nativeQuery = true, value = "select order_id from order_view where generation = " + SERVING_SQL
            + " and user_id = :userId order by placed_at desc, order_id desc limit :limit")
    List<String> findNewestIdsServing(String userId, int limit);

    /** The ids of a user's orders before one: a row comparison that starts where the last page ended. */
    @Query(nativeQuery = true, value = "select order_id from order_view where generation = " + SERVING_SQL
            + " and user_id = :userId and (placed_at, order_id) < (:placedAt, :orderId)"
            + " order by placed_at desc, order_id desc limit :limit")
    List<String> findIdsServingBefore(String userId, Instant placedAt, String orderId, int limit);

    /** Orders with their lines in the same query, not one more query per order (in no particular order). */
    @EntityGraph(attributePaths = "lines")
    @Query("select o from OrderEntry o where o.orderId in :orderIds and o.generation = " + SERVING)
    List<OrderEntry> findServingWithLines(Collection<String> orderIds);
}
