package dev.eventshop.item;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

/** The catalogue's rows; readers read the generation that serves this code's version, chosen in each statement. */
interface ItemEntryRepository extends JpaRepository<ItemEntry, ItemEntry.Key> {

    String SERVING = "function('serving_generation', '" + ItemProjection.NAME + "', " + ItemProjection.VERSION + ")";

    @Query("select i from ItemEntry i where i.itemId = :itemId and i.generation = " + SERVING)
    Optional<ItemEntry> findServing(String itemId);

    @Query("select i from ItemEntry i where i.generation = " + SERVING + " order by i.name, i.itemId")
    List<ItemEntry> findAllServing();
}
