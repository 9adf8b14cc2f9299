package dev.eventshop.user;

import org.springframework.data.jpa.repository.JpaRepository;

interface UserEntryRepository extends JpaRepository<UserEntry, String> {
}
