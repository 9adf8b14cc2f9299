package dev.eventshop.platform.database;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;

/**
 * Stores Axon's {@code @Lob byte[]} columns (event payloads, snapshots, tokens, sagas, dead letters) as
 * {@code bytea}. Hibernate 6 maps them to {@code oid} on PostgreSQL, which puts every payload in a large
 * object that is never cleaned up and is not readable with plain SQL.
 *
 * <p>Registered through {@code META-INF/services/org.hibernate.boot.model.TypeContributor}.
 */
public class PostgresByteaTypeContributor implements TypeContributor {

    @Override
    public void contribute(TypeContributions contributions, ServiceRegistry serviceRegistry) {
        var dialect = serviceRegistry.requireService(JdbcServices.class).getDialect();
        if (dialect instanceof PostgreSQLDialect) {
            contributions.getTypeConfiguration().getJdbcTypeRegistry()
                    .addDescriptor(SqlTypes.BLOB, BinaryJdbcType.INSTANCE);
        }
    }
}
