package dev.eventshop.platform.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class AdminPasswordTest {

    @TempDir
    Path data;

    @Test
    void aGeneratedPasswordIsKeptInAFileOnlyItsOwnerCanReadAndNeverLogged(CapturedOutput log) throws IOException {
        Path file = data.resolve("nested/admin-password");

        String generated = AdminPassword.of(properties(null, file));

        assertThat(generated).hasSizeGreaterThanOrEqualTo(24);
        assertThat(Files.readString(file).strip()).isEqualTo(generated);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(log.getAll()).contains(file.toString()).doesNotContain(generated);
        assertThat(AdminPassword.of(properties(null, file))).as("the next start reads the same").isEqualTo(generated);
        assertThat(log.getAll()).doesNotContain(generated);
    }

    @Test
    void aConfiguredPasswordIsUsedAndNoFileWritten() {
        Path file = data.resolve("admin-password");

        assertThat(AdminPassword.of(properties("a-long-enough-one", file))).isEqualTo("a-long-enough-one");
        assertThat(file).doesNotExist();
    }

    @Test
    void aConfiguredPasswordShorterThanTheMinimumRefusesToStart() {
        assertThatThrownBy(() -> AdminPassword.of(properties("change-me", data.resolve("admin-password"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 12")
                .hasMessageNotContaining("change-me");
    }

    private static SecurityProperties properties(String adminPassword, Path file) {
        return new SecurityProperties(adminPassword, file, 12, Duration.ofSeconds(60), 10_000, java.util.List.of());
    }
}
