package bench.crudtwin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code POST /api/accounts/{id}/top-ups}, validated as EventShop's {@code POST /api/users/{id}/top-ups} is. */
@RestController
@Validated
class AccountController {

    private final AccountRepository accounts;

    AccountController(AccountRepository accounts) {
        this.accounts = accounts;
    }

    record TopUpRequest(@NotNull @Positive @Max(1_000_000_000_000L) Long amount) {
    }

    record BalanceChange(String accountId, long balance, long version) {
    }

    @PostMapping("/api/accounts/{accountId}/top-ups")
    @Transactional
    BalanceChange topUp(@PathVariable @Pattern(regexp = "[0-9a-f-]{36}") String accountId,
                        @Valid @RequestBody TopUpRequest request) {
        Account account = accounts.findForUpdate(accountId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        account.topUp(request.amount());
        accounts.flush(); // the UPDATE, so that the answer carries the new version
        return new BalanceChange(account.accountId(), account.balance(), account.version());
    }
}
