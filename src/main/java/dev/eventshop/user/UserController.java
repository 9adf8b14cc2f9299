package dev.eventshop.user;

import dev.eventshop.platform.web.Ids;
import dev.eventshop.platform.web.InvalidInputException;
import dev.eventshop.platform.web.Limits;
import dev.eventshop.platform.web.NotFoundException;
import dev.eventshop.platform.commands.IdempotentCreation;
import dev.eventshop.platform.views.VersionedViews;
import dev.eventshop.platform.history.AuditEntry;
import dev.eventshop.platform.history.AuditTrail;
import dev.eventshop.platform.history.TimeTravel;
import dev.eventshop.platform.privacy.PersonalDataProtection;
import dev.eventshop.platform.security.Access;
import dev.eventshop.user.api.BalanceChange;
import dev.eventshop.user.api.EraseUser;
import dev.eventshop.user.api.FindUser;
import dev.eventshop.user.api.RegisterUser;
import dev.eventshop.user.api.TopUpBalance;
import dev.eventshop.user.api.UserRegistered;
import dev.eventshop.user.api.UserView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Customer accounts: registration, balance view, top-ups and erasure. Commands answer once their events are stored. */
@Tag(name = "Customers", description = "Accounts and balances")
@RestController
@RequestMapping("/api/users")
class UserController {

    /** A user gets new versions only from commands. */
    private static final VersionedViews.Aggregate USER = new VersionedViews.Aggregate("User", 0);

    private final CommandGateway commands;
    private final VersionedViews views;
    private final TimeTravel timeTravel;
    private final AuditTrail auditTrail;
    private final IdempotentCreation creation;
    private final PasswordEncoder passwords;
    private final Access access;
    private final Credentials credentials;
    private final PersonalDataProtection personalData;

    UserController(CommandGateway commands, VersionedViews views, TimeTravel timeTravel, AuditTrail auditTrail,
                   IdempotentCreation creation, PasswordEncoder passwords, Access access, Credentials credentials,
                   PersonalDataProtection personalData) {
        this.credentials = credentials;
        this.personalData = personalData;
        this.commands = commands;
        this.views = views;
        this.timeTravel = timeTravel;
        this.auditTrail = auditTrail;
        this.creation = creation;
        this.passwords = passwords;
        this.access = access;
    }

    record RegistrationRequest(
            @Schema(description = "optional: bring your own id to make a retry safe",
                    example = "3f2b8c1e-6f1d-4b7a-9c55-2e7d0a1b9f10")
            @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE)
            String userId,
            @Schema(example = "Ann Example")
            @Pattern(regexp = Limits.PRINTABLE, message = Limits.PRINTABLE_MESSAGE)
            @NotBlank @Size(max = Limits.MAX_NAME_LENGTH)
            String name,
            @Schema(example = "ann@example.com")
            @Pattern(regexp = Limits.PRINTABLE, message = Limits.PRINTABLE_MESSAGE)
            @NotBlank @Email @Size(max = Limits.MAX_EMAIL_LENGTH)
            String email,
            @Schema(example = "correct horse battery")
            @NotNull @Size(min = Limits.MIN_PASSWORD_LENGTH, max = Limits.MAX_PASSWORD_LENGTH)
            String password) {
    }

    record Registered(String userId, long version) {
    }

    record TopUpRequest(
            @Schema(description = "cents", example = "2500") @NotNull @Positive @Max(Limits.MAX_AMOUNT)
            Long amount) {
    }

    @ApiResponse(responseCode = "201", description = "Registered; Location names the new user",
            headers = @Header(name = "Location", description = "/api/users/{userId}",
                    schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "409", description = "The e-mail address is registered already (email-taken), "
            + "or the userId is a different account's (already-exists)")
    @Operation(operationId = "registerUser", summary = "Register a customer",
            description = "Opens an account with a zero balance. The e-mail address signs in and must be unique; "
                    + "the password is stored only as a BCrypt hash. A retried identical registration "
                    + "(same userId, name, e-mail and password) answers 201 again.")
    @SecurityRequirements // open to anyone
    @PostMapping
    ResponseEntity<Registered> register(@Valid @RequestBody RegistrationRequest request) {
        String userId = Ids.orNew(request.userId());
        String name = request.name().trim();
        String email = request.email().trim();
        if (request.password().getBytes(StandardCharsets.UTF_8).length > Limits.MAX_PASSWORD_LENGTH) {
            throw new InvalidInputException("password", "must not be longer than 72 bytes in UTF-8");
        }
        creation.create(new RegisterUser(userId, name, email, passwords.encode(request.password())), userId,
                first -> first instanceof UserRegistered registered && name.equals(registered.name())
                        && email.equals(registered.email()) && credentials.hashOf(userId)
                        .filter(hash -> passwords.matches(request.password(), hash)).isPresent());
        return ResponseEntity.created(URI.create("/api/users/" + userId)).body(new Registered(userId, 0));
    }

    @Operation(operationId = "getUser", summary = "A customer's account",
            description = "The balance view. With minVersion it waits briefly until the view reflects that version "
                    + "(503 with Retry-After if it does not; 400 at once for a version the store does not hold; "
                    + "429 when the client has too many waits open); with asOf it shows the account as it was at that "
                    + "instant, rebuilt from the events (404 if it did not exist yet). An erased account shows with "
                    + "erased true and no name or e-mail, at every instant.")
    @GetMapping("/{userId}")
    CompletableFuture<UserView> get(
            @PathVariable @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE) String userId,
            @RequestParam(required = false) @PositiveOrZero Long minVersion,
            @RequestParam(required = false) Instant asOf) {
        String id = Ids.canonical(userId);
        access.requireSelfOrAdmin(id);
        CompletableFuture<Optional<UserView>> view = asOf != null
                ? CompletableFuture.completedFuture(timeTravel.stateAt(User.class, id, asOf)
                        .map(past -> past.aggregate().toView(past.version()))
                        .map(past -> personalData.erased(id) ? past.withPersonalDataErased() : past))
                : views.read(USER, id, new FindUser(id), UserView.class, UserView::version, minVersion);
        return view.thenApply(found -> found.orElseThrow(() -> new NotFoundException("user", userId)));
    }

    @Operation(operationId = "getUserEvents", summary = "A customer's audit trail",
            description = "The account's events in order, a page at a time, with their type, sequence, timestamp, "
                    + "payload, the principal who caused them and the correlation id.")
    @GetMapping("/{userId}/events")
    ResponseEntity<List<AuditEntry>> events(
            @PathVariable @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE) String userId,
            @RequestParam(defaultValue = "" + Limits.DEFAULT_PAGE_SIZE) @Min(1) @Max(Limits.MAX_PAGE_SIZE) int limit,
            @RequestParam(required = false) String after) {
        access.requireSelfOrAdmin(Ids.canonical(userId));
        return auditTrail.page("User", Ids.canonical(userId), limit, after)
                .orElseThrow(() -> new NotFoundException("user", userId));
    }

    @ApiResponse(responseCode = "200", description = "Topped up: the new balance and account version")
    @ApiResponse(responseCode = "409", description = "The balance would exceed its maximum (balance-overflow), or "
            + "the account was changed at the same time (concurrent-modification)")
    @Operation(operationId = "topUpBalance", summary = "Top up the balance",
            description = "Adds an amount in cents. Answers the new balance and the account version "
                    + "once the event is stored.")
    @PostMapping("/{userId}/top-ups")
    BalanceChange topUp(@PathVariable @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE) String userId,
                        @Valid @RequestBody TopUpRequest request) {
        access.requireSelfOrAdmin(Ids.canonical(userId));
        return commands.sendAndWait(new TopUpBalance(Ids.canonical(userId), request.amount()));
    }

    @ApiResponse(responseCode = "204", description = "Erased, now or before (a repeat stores nothing)")
    @ApiResponse(responseCode = "404", description = "No such customer (the admin asking); a customer asking about "
            + "another id gets 403, whether it exists or not")
    @Operation(operationId = "eraseUser", summary = "Erase a customer's personal data",
            description = "The right to be forgotten. The customer's data key is destroyed, so their name and e-mail "
                    + "read as null everywhere (view, audit trail, event browser, time travel) and show erased "
                    + "true; their password is deleted, so the account can no longer sign in; the e-mail address "
                    + "is free to register again. The account's events stay, with its balance and orders: a pending "
                    + "order still ends, refunds still reach it, but it pays for nothing more and takes no top-ups. "
                    + "The erasure is itself an event (UserErased: who asked, and when), holding no personal data.")
    @DeleteMapping("/{userId}")
    ResponseEntity<Void> erase(
            @PathVariable @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE) String userId) {
        String id = Ids.canonical(userId);
        access.requireSelfOrAdmin(id);
        if (!auditTrail.exists("User", id)) {
            throw new NotFoundException("user", userId);
        }
        commands.sendAndWait(new EraseUser(id, access.principal()));
        return ResponseEntity.noContent().build();
    }
}
