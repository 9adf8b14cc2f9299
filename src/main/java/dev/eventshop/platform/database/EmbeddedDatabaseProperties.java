package dev.eventshop.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the embedded PostgreSQL used when no external database is configured.
 *
 * @param dataDir     where the cluster, its unpacked binaries and the ownership lock live
 * @param startupWait how long to wait for the server to accept connections
 */
@ConfigurationProperties("eventshop.embedded-database")
record EmbeddedDatabaseProperties(@DefaultValue("./data") Path dataDir,
                                  @DefaultValue("60s") Duration startupWait) {
}
