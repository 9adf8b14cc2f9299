package bench.crudtwin;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

interface AccountRepository extends JpaRepository<Account, String> {

    /** Locked, as EventShop's aggregate is: concurrent top-ups of one account queue instead of failing. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Account a where a.accountId = ?1")
    Optional<Account> findForUpdate(String accountId);
}
