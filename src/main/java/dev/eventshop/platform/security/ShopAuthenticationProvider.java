package dev.eventshop.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.eventshop.platform.cluster.AggregatesChangedElsewhere;
import dev.eventshop.platform.security.Throttles.Allowance;
import dev.eventshop.platform.web.Limits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Signs in the admin (password from configuration, compared in constant time) and customers (e-mail and the
 * password they registered with, checked against its BCrypt hash).
 *
 * <p>HTTP Basic sends the password with every request, and BCrypt is slow on purpose: checked each time, it
 * would cap the service at a few dozen requests per second per core. A verified username and password are
 * therefore remembered for a short while, keyed by an HMAC under a random key that lives only in this process
 * (never the password itself, nor a digest that could be brute-forced from a heap dump). Spring Security has
 * no such cache of its own; Caffeine bounds and expires it.
 *
 * <p>An unknown e-mail costs a BCrypt check too, so that timing does not tell which addresses are registered.
 *
 * <p>Failed sign-ins are counted per account and per client address ({@link Throttles}), and logged with both;
 * past either allowance, a sign-in is refused with 429 before any hash is computed, so guessing passwords costs
 * the service nothing. Credentials that were verified a moment ago still pass: the account's owner is not locked
 * out by someone guessing at the account.
 *
 * <p>A remembered sign-in of an account that has changed since (erased, on this node or another) is checked again
 * before it is used: one lookup of the account's credential, no hash. A change is remembered as long as a sign-in
 * is, so an older change cannot concern any sign-in still remembered.
 */
class ShopAuthenticationProvider implements AuthenticationProvider, RememberedSignIns, AggregatesChangedElsewhere {

    static final String ADMIN = "admin";
    static final String ROLE_ADMIN = "ROLE_ADMIN";
    static final String ROLE_CUSTOMER = "ROLE_CUSTOMER";
    static final String ROLE_FEED = "ROLE_FEED";

    private static final Logger log = LoggerFactory.getLogger(ShopAuthenticationProvider.class);
    /** How a user name that cannot name an account is logged (it may hold anything, control characters too). */
    private static final String MALFORMED = "(malformed)";

    private final byte[] adminPassword;
    /** The feed consumers' secrets, by name. */
    private final Map<String, byte[]> feedConsumers;
    private final CustomerCredentials customers;
    private final PasswordEncoder passwords;
    private final Cache<String, Verified> verified;
    /** When each account last changed in a way a remembered sign-in must be checked against (System.nanoTime). */
    private final Cache<String, Long> changedAt;
    /** When any account may last have changed unseen (this node was not listening); null: never. */
    private volatile Long everythingChangedAt;
    private final Mac cacheKeys;
    /** Checked against when there is no hash to check, so that every failure takes as long. */
    private final String decoyHash;
    private final Throttles throttles;

    ShopAuthenticationProvider(String adminPassword, CustomerCredentials customers, PasswordEncoder passwords,
                               SecurityProperties properties, Throttles throttles) {
        this.throttles = throttles;
        this.adminPassword = adminPassword.getBytes(StandardCharsets.UTF_8);
        this.feedConsumers = feedConsumers(properties);
        this.customers = customers;
        this.passwords = passwords;
        this.verified = Caffeine.newBuilder()
                .expireAfterWrite(properties.credentialCacheTtl())
                .maximumSize(properties.credentialCacheSize())
                .build();
        this.changedAt = Caffeine.newBuilder().expireAfterWrite(properties.credentialCacheTtl()).build();
        this.cacheKeys = newCacheKeyMac();
        this.decoyHash = passwords.encode("decoy-" + UUID.randomUUID());
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        String password = String.valueOf(attempt.getCredentials());
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
        if (!couldBeAnAccount(username)) {
            // no account has such a name: refused before any lookup or hash (a NUL would even make the database
            // refuse the lookup), and counted against the address as every other failure
            Duration wait = throttles.waitFor(Allowance.FAILED_SIGN_INS_PER_ADDRESS, address);
            if (!wait.isZero()) {
                throw new SignInThrottled(wait);
            }
            throw failed(MALFORMED, address);
        }
        String key = cacheKey(username + '\u0000' + password);
        Verified known = verified.getIfPresent(key);
        if (known != null && stillValid(key, known)) {
            return known.authentication(); // the right password, checked a moment ago: no guess, nothing to throttle
        }
        Duration wait = max(throttles.waitFor(Allowance.FAILED_SIGN_INS_PER_ACCOUNT, username),
                throttles.waitFor(Allowance.FAILED_SIGN_INS_PER_ADDRESS, address));
        if (!wait.isZero()) {
            throw new SignInThrottled(wait); // before any hash: guessing costs the service nothing
        }
        long checkedFrom = System.nanoTime(); // a change of the account from now on is checked against next time
        Authentication authenticated;
        try {
            authenticated = ADMIN.equals(username) ? admin(password)
                    : feedConsumers.containsKey(username) ? feedConsumer(username, password)
                    : customer(username, password);
        } catch (BadCredentialsException wrong) {
            throw failed(username, address);
        }
        verified.put(key, new Verified(authenticated, checkedFrom));
        return authenticated;
    }

    /** A sign-in verified at a moment (System.nanoTime). */
    private record Verified(Authentication authentication, long at) {
    }

    /** Whether a remembered sign-in still holds: its account has not changed since, or can still sign in. */
    private boolean stillValid(String key, Verified known) {
        String account = known.authentication().getName();
        Long changed = latest(changedAt.getIfPresent(account), everythingChangedAt);
        if (changed == null || changed - known.at() < 0 || ADMIN.equals(account)
                || feedConsumers.containsKey(account)) {
            return true;
        }
        long checkedFrom = System.nanoTime();
        if (customers.canSignIn(account)) {
            verified.put(key, new Verified(known.authentication(), checkedFrom));
            return true;
        }
        verified.invalidate(key);
        return false;
    }

    @Override
    public void recheck(String userId) {
        changedAt.put(userId, System.nanoTime());
    }

    @Override
    public void changed(Set<String> aggregateIds) {
        aggregateIds.forEach(this::recheck);
    }

    @Override
    public void anyMayHaveChanged() {
        everythingChangedAt = System.nanoTime(); // every remembered sign-in is checked again, none hashed again
    }

    private static Long latest(Long a, Long b) {
        return a == null ? b : b == null || a - b >= 0 ? a : b;
    }

    /** Counts a failed sign-in against the account and the address, and logs it (never the password). */
    private BadCredentialsException failed(String account, String address) {
        if (!MALFORMED.equals(account)) {
            throttles.take(Allowance.FAILED_SIGN_INS_PER_ACCOUNT, account);
        }
        throttles.take(Allowance.FAILED_SIGN_INS_PER_ADDRESS, address);
        log.warn("Failed sign-in for account {} from {}: {} for the account and {} from the address in the "
                        + "throttle window", account, address,
                throttles.used(Allowance.FAILED_SIGN_INS_PER_ACCOUNT, account),
                throttles.used(Allowance.FAILED_SIGN_INS_PER_ADDRESS, address));
        return new BadCredentialsException("Bad credentials");
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * Whether a user name could name an account: not longer than an e-mail address may be, and free of control
     * characters and of the replacement character that stands for bytes that were not UTF-8.
     */
    static boolean couldBeAnAccount(String username) {
        return !username.isEmpty() && username.length() <= Limits.MAX_EMAIL_LENGTH
                && username.chars().noneMatch(c -> Character.isISOControl(c) || c == '\uFFFD');
    }

    private Authentication admin(String password) {
        if (!MessageDigest.isEqual(adminPassword, password.getBytes(StandardCharsets.UTF_8))) {
            throw new BadCredentialsException("Bad credentials");
        }
        return new UsernamePasswordAuthenticationToken(ADMIN, null, AuthorityUtils.createAuthorityList(ROLE_ADMIN));
    }

    private Authentication feedConsumer(String name, String secret) {
        if (!MessageDigest.isEqual(feedConsumers.get(name), secret.getBytes(StandardCharsets.UTF_8))) {
            throw new BadCredentialsException("Bad credentials");
        }
        return new UsernamePasswordAuthenticationToken(name, null, AuthorityUtils.createAuthorityList(ROLE_FEED));
    }

    /** The configured feed consumers, refused at start when a name or secret could be mistaken or guessed. */
    private static Map<String, byte[]> feedConsumers(SecurityProperties properties) {
        Map<String, byte[]> consumers = new HashMap<>();
        for (SecurityProperties.FeedConsumer consumer : properties.feedConsumers()) {
            String name = consumer.name();
            if (name == null || name.isBlank() || name.contains("@") || ADMIN.equals(name)
                    || !couldBeAnAccount(name)) {
                throw new IllegalStateException("A feed consumer's name must be set, printable, hold no '@' "
                        + "and not be admin (eventshop.security.feed-consumers): " + name);
            }
            if (consumer.secret() == null || consumer.secret().length() < properties.adminPasswordMinLength()) {
                throw new IllegalStateException("The secret of feed consumer " + name + " must have at least "
                        + properties.adminPasswordMinLength() + " characters");
            }
            if (consumers.put(name, consumer.secret().getBytes(StandardCharsets.UTF_8)) != null) {
                throw new IllegalStateException("Feed consumer " + name + " is configured twice");
            }
        }
        return Map.copyOf(consumers);
    }

    private Authentication customer(String email, String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > Limits.MAX_PASSWORD_LENGTH) {
            throw new BadCredentialsException("Bad credentials"); // longer than any customer's (BCrypt's limit)
        }
        Optional<CustomerCredentials.Customer> customer = customers.findByEmail(email)
                .filter(known -> known.passwordHash() != null);
        boolean matches = passwords.matches(password, customer.map(CustomerCredentials.Customer::passwordHash)
                .orElse(decoyHash));
        if (customer.isEmpty() || !matches) {
            throw new BadCredentialsException("Bad credentials");
        }
        return new UsernamePasswordAuthenticationToken(customer.get().userId(), null,
                AuthorityUtils.createAuthorityList(ROLE_CUSTOMER));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String cacheKey(String credentials) {
        synchronized (cacheKeys) { // a Mac is not thread-safe, and computing one takes a microsecond
            return HexFormat.of().formatHex(cacheKeys.doFinal(credentials.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static Mac newCacheKeyMac() {
        try {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }
}
