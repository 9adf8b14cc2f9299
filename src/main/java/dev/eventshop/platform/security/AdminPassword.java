package dev.eventshop.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

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
        Path file = properties.adminPasswordFile().toAbsolutePath().normalize();
        try {
            if (Files.exists(file)) {
                log.info("EVENTSHOP_ADMIN_PASSWORD is not set: the admin password is the one kept in {}", file);
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            String generated = generate();
            writeReadableByOwnerOnly(file, generated);
            log.warn("EVENTSHOP_ADMIN_PASSWORD is not set: a generated admin password is in {} (readable by this "
                    + "user only)", file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the generated admin password in " + file, e);
        }
    }

    private static String generate() {
        byte[] random = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void writeReadableByOwnerOnly(Path file, String password) throws IOException {
        Files.createDirectories(file.getParent());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file); // Windows: the user's profile directory's own access list applies
        }
        Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8);
    }
}
