package dev.eventshop.user;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

interface UserEntryRepository extends JpaRepository<UserEntry, UserEntry.Key> {

    /** The user as the generation that serves this code's version reads it, chosen in the same statement. */
    @Query("select u from UserEntry u where u.userId = :userId"
            + " and u.generation = function('serving_generation', '" + UserProjection.NAME + "', "
            + UserProjection.VERSION + ")")
    Optional<UserEntry> findServing(String userId);
}
