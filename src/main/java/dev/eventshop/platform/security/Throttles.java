package dev.eventshop.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.Locale;

/**
 * Token buckets (Bucket4j) per allowance and key: an account, a client address, a customer. Caffeine bounds how
 * many keys are tracked and forgets a key once its bucket would be full again anyway.
 */
final class Throttles {

    enum Allowance { FAILED_SIGN_INS_PER_ACCOUNT, FAILED_SIGN_INS_PER_ADDRESS, REGISTRATIONS, ORDERS }

    private final ThrottleProperties properties;
    private final Cache<String, Bucket> buckets;

    Throttles(ThrottleProperties properties) {
        this.properties = properties;
        this.buckets = Caffeine.newBuilder().maximumSize(properties.trackedKeys())
                .expireAfterAccess(properties.window()).build();
    }

    /** How long until the key may use the allowance once more; zero when it may now. Uses nothing up. */
    Duration waitFor(Allowance allowance, String key) {
        if (!properties.enabled()) {
            return Duration.ZERO;
        }
        Bucket bucket = buckets.getIfPresent(name(allowance, key));
        if (bucket == null) {
            return Duration.ZERO;
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Duration.ofNanos(nanos);
    }

    /**
     * Uses the allowance once: zero when there was some left, else how long until there is (and nothing is used).
     */
    Duration take(Allowance allowance, String key) {
        if (!properties.enabled()) {
            return Duration.ZERO;
        }
        ConsumptionProbe probe = bucket(allowance, key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    /** How many uses of the allowance the key has had in the window so far. */
    long used(Allowance allowance, String key) {
        Bucket bucket = buckets.getIfPresent(name(allowance, key));
        return bucket == null ? 0 : capacity(allowance) - bucket.getAvailableTokens();
    }

    /** Forgets every count, as a restart of the node would (the tests start each case afresh). */
    void forgetAll() {
        buckets.invalidateAll();
    }

    private Bucket bucket(Allowance allowance, String key) {
        return buckets.get(name(allowance, key), name -> {
            long capacity = capacity(allowance);
            return Bucket.builder()
                    .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, properties.window()))
                    .build();
        });
    }

    private long capacity(Allowance allowance) {
        return switch (allowance) {
            case FAILED_SIGN_INS_PER_ACCOUNT -> properties.failedSignInsPerAccount();
            case FAILED_SIGN_INS_PER_ADDRESS -> properties.failedSignInsPerAddress();
            case REGISTRATIONS -> properties.registrationsPerAddress();
            case ORDERS -> properties.ordersPerCustomer();
        };
    }

    private static String name(Allowance allowance, String key) {
        return allowance + " " + key.toLowerCase(Locale.ROOT); // e-mail addresses sign in in any case
    }
}
