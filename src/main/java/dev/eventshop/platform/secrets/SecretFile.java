package dev.eventshop.platform.secrets;

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
 * A generated secret kept in a file that only the service's user can read: made with random bytes on first use,
 * read back on every later start, so that it stays until the file is deleted. Nothing here logs the secret.
 *
 * @param file      where the secret is kept
 * @param value     the secret
 * @param generated whether this call made it (and so wrote the file)
 */
public record SecretFile(Path file, String value, boolean generated) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * @param file        where the secret is, or is to be, kept
     * @param randomBytes how many random bytes a new secret has (it is kept URL-safe Base64 encoded)
     */
    public static SecretFile readOrGenerate(Path file, int randomBytes) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            if (Files.exists(absolute)) {
                return new SecretFile(absolute, Files.readString(absolute, StandardCharsets.UTF_8).strip(), false);
            }
            byte[] random = new byte[randomBytes];
            RANDOM.nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            writeReadableByOwnerOnly(absolute, secret);
            return new SecretFile(absolute, secret, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep a generated secret in " + absolute, e);
        }
    }

    private static void writeReadableByOwnerOnly(Path file, String secret) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(partial,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(partial); // Windows: the user's profile directory's own access list applies
        }
        Files.writeString(partial, secret + System.lineSeparator(), StandardCharsets.UTF_8);
        Files.move(partial, file); // whole or not at all: a crash never leaves half a secret behind
    }
}
