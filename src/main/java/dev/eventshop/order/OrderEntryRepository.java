package dev.eventshop.order;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface OrderEntryRepository extends JpaRepository<OrderEntry, String> {

    /** With the lines in the same query, not one more query per order. */
    @EntityGraph(attributePaths = "lines")
    List<OrderEntry> findByUserIdOrderByPlacedAtDesc(String userId);
}
