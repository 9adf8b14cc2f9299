package dev.eventshop.platform.security;

import dev.eventshop.platform.secrets.SecretFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin account's password: the configured one, which must be long enough, or else one generated on the first
 * start and kept in a file that only the service's user can read (the log names the file, never the password: logs
 * are shipped and kept where secrets must not be). Later starts read the same file, so the password stays until
 * the file is deleted.
 */
final class AdminPassword {

    private static final Logger log = LoggerFactory.getLogger(AdminPassword.class);
    private static final int GENERATED_BYTES = 18;

    private AdminPassword() {
    }

    static String of(SecurityProperties properties) {
        String configured = properties.adminPassword();
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < properties.adminPasswordMinLength()) {
                throw new IllegalStateException("EVENTSHOP_ADMIN_PASSWORD has " + configured.length()
                        + " characters; choose one of at least " + properties.adminPasswordMinLength()
                        + " (eventshop.security.admin-password-min-length)");
            }
            return configured;
        }
        SecretFile kept = SecretFile.readOrGenerate(properties.adminPasswordFile(), GENERATED_BYTES);
        if (kept.generated()) {
            log.warn("EVENTSHOP_ADMIN_PASSWORD is not set: a generated admin password is in {} (readable by this "
                    + "user only)", kept.file());
        } else {
            log.info("EVENTSHOP_ADMIN_PASSWORD is not set: the admin password is the one kept in {}", kept.file());
        }
        return kept.value();
    }
}
