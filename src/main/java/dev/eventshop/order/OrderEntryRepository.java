package dev.eventshop.order;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

/** The orders' rows; readers read the generation that serves this code's version, chosen in each statement. */
interface OrderEntryRepository extends JpaRepository<OrderEntry, OrderEntry.Key> {

    String SERVING = "function('serving_generation', '" + OrderProjection.NAME + "', " + OrderProjection.VERSION + ")";

    @Query("select o from OrderEntry o where o.orderId = :orderId and o.generation = " + SERVING)
    Optional<OrderEntry> findServing(String orderId);

    /** With the lines in the same query, not one more query per order. */
    @EntityGraph(attributePaths = "lines")
    @Query("select o from OrderEntry o where o.userId = :userId and o.generation = " + SERVING
            + " order by o.placedAt desc")
    List<OrderEntry> findServingByUser(String userId);
}
