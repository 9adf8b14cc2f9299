package dev.eventshop.platform.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class path that {@code ./mvnw spring-boot:run} and the tests run on carries a PostgreSQL server for every
 * platform a developer may run EventShop on: zonky picks the archive named after the running OS and architecture.
 */
class EmbeddedPostgresBinariesTest {

    @Test
    void everyDeveloperPlatformHasItsServer() {
        ClassLoader classPath = getClass().getClassLoader();
        assertThat(PostgresPlatforms.ARCHIVES)
                .allSatisfy(archive -> assertThat(classPath.getResource(archive)).as(archive).isNotNull());
    }
}
