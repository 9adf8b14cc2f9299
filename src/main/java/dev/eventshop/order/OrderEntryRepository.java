package dev.eventshop.order;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface OrderEntryRepository extends JpaRepository<OrderEntry, String> {

    List<OrderEntry> findByUserIdOrderByPlacedAtDesc(String userId);
}
