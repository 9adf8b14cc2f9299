package dev.eventshop.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * @param adminPassword       the password of the {@code admin} account ({@code EVENTSHOP_ADMIN_PASSWORD}); when
 *                            unset, one is generated on the first start and kept in {@code adminPasswordFile}
 * @param adminPasswordFile   where a generated admin password is kept, readable by the service's user only
 * @param adminPasswordMinLength the fewest characters a configured admin password may have (0: any)
 * @param credentialCacheTtl  how long a verified username and password are trusted without checking the hash
 *                            again (BCrypt costs tens of milliseconds of CPU per check)
 * @param credentialCacheSize how many verified credentials are remembered at most
 * @param feedConsumers       accounts of other services that read the event feed and nothing else
 */
@ConfigurationProperties("eventshop.security")
record SecurityProperties(String adminPassword,
                          @DefaultValue("./data/admin-password") Path adminPasswordFile,
                          @DefaultValue("12") int adminPasswordMinLength,
                          @DefaultValue("60s") Duration credentialCacheTtl,
                          @DefaultValue("10000") long credentialCacheSize,
                          @DefaultValue List<FeedConsumer> feedConsumers) {

    /**
     * A service that reads the event feed.
     *
     * @param name   its user name: no '@' (that is a customer's e-mail) and not {@code admin}
     * @param secret its password, at least as long as the admin's must be
     */
    record FeedConsumer(String name, String secret) {
    }
}
