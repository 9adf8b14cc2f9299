package dev.eventshop.item;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface ItemEntryRepository extends JpaRepository<ItemEntry, String> {

    List<ItemEntry> findAllByOrderByNameAscItemIdAsc();
}
