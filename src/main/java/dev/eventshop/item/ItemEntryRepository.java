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

    String SERVING_SQL = "serving_generation('" + ItemProjection.NAME + "', " + ItemProjection.VERSION + ")";

    /** The first page of the catalogue: by name, then id (the index item_view_catalogue_idx). */
    @Query(nativeQuery = true, value = "select * from item_view where generation = " + SERVING_SQL
            + " order by name, item_id limit :limit")
    List<ItemEntry> findFirstServing(int limit);

    /** A page after an item: a row comparison, which PostgreSQL answers from the index where the last page ended. */
    @Query(nativeQuery = true, value = "select * from item_view where generation = " + SERVING_SQL
            + " and (name, item_id) > (:name, :itemId) order by name, item_id limit :limit")
    List<ItemEntry> findServingAfter(String name, String itemId, int limit);
}
