package dev.eventshop.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param adminPassword       the password of the {@code admin} account ({@code EVENTSHOP_ADMIN_PASSWORD}); when
 *                            unset, one is generated and logged once at start-up
 * @param credentialCacheTtl  how long a verified username and password are trusted without checking the hash
 *                            again (BCrypt costs tens of milliseconds of CPU per check)
 * @param credentialCacheSize how many verified credentials are remembered at most
 */
@ConfigurationProperties("eventshop.security")
record SecurityProperties(String adminPassword,
                          @DefaultValue("60s") Duration credentialCacheTtl,
                          @DefaultValue("10000") long credentialCacheSize) {
}
