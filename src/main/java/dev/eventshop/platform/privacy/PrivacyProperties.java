package dev.eventshop.platform.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * @param masterKey     the key that seals every person's data key: 32 random bytes, Base64 encoded
 *                      ({@code EVENTSHOP_MASTER_KEY}; every node of a cluster needs the same one)
 * @param masterKeyFile where a generated master key is kept when none is configured (readable by the service's
 *                      user only)
 * @param cachedKeys    how many unsealed data keys a node keeps in memory
 * @param resealBatchSize how many stored rows the re-keying ({@link Resealing}) rewrites per transaction
 */
@ConfigurationProperties("eventshop.privacy")
record PrivacyProperties(String masterKey, Path masterKeyFile, @DefaultValue("10000") int cachedKeys,
                         @DefaultValue("500") int resealBatchSize) {
}
