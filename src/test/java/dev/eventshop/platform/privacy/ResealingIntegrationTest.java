package dev.eventshop.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventshop.support.DatabaseSearch;
import dev.eventshop.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store from before personal data was sealed: registrations in clear, with the password hash in the event, and
 * a snapshot in clear. Erasure makes them read as null at once; the one-off re-keying then seals what belongs to
 * the living, removes the hashes, and leaves nothing of the erased in clear.
 */
class ResealingIntegrationTest extends IntegrationTest {

    private static final String LEGACY_HASH = "{bcrypt}$2a$10$legacyhashlegacyhashlegacyhashlegacyhashlegacyhash12";

    @Test
    void reKeyingSealsTheLivingForgetsTheErasedAndRemovesHashes() {
        String kept = UUID.randomUUID().toString();
        String erased = UUID.randomUUID().toString();
        String keptName = "Kept " + kept.substring(0, 8);
        String erasedName = "Gone " + erased.substring(0, 8);
        registerInClear(kept, keptName);
        registerInClear(erased, erasedName);
        assertThat(shop.delete("/api/users/" + erased).getStatusCode().value()).isEqualTo(204);
        assertThat(shop.get("/api/users/" + erased + "/events").getBody().get(0).get("payload").get("name").isNull())
                .as("erased reads as null at once, clear text or not").isTrue();
        assertThat(DatabaseSearch.columnsHolding(jdbc, erasedName))
                .as("but an event written in clear still holds it until re-keyed").isNotEmpty();

        JsonNode report = shop.post("/api/admin/personal-data/reseal", Map.of()).getBody();

        assertThat(report.get("events").get("rewritten").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(report.get("snapshots").get("rewritten").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(DatabaseSearch.columnsHolding(jdbc, erasedName)).isEmpty();
        assertThat(DatabaseSearch.columnsHolding(jdbc, erased + "@example.com")).isEmpty();
        assertThat(DatabaseSearch.columnsHolding(jdbc, keptName)).as("the living are sealed too, outside the view")
                .allMatch(column -> column.startsWith("user_view."));
        assertThat(DatabaseSearch.columnsHolding(jdbc, LEGACY_HASH)).as("the hash is left in the credentials only")
                .containsExactly("user_credential.password_hash: 1");
        assertThat(shop.get("/api/users/" + kept + "/events").getBody().get(0).get("payload").get("name").asText())
                .as("and read as before").isEqualTo(keptName);
        assertThat(shop.post("/api/users/" + kept + "/top-ups", Map.of("amount", 10)).getBody().get("balance")
                .asLong()).as("the aggregate loads from the re-keyed events").isEqualTo(10);

        JsonNode again = shop.post("/api/admin/personal-data/reseal", Map.of()).getBody();
        assertThat(again.get("events").get("rewritten").asLong()).as("a second run finds nothing to do").isZero();
        assertThat(again.get("snapshots").get("rewritten").asLong()).isZero();
    }

    /** A registration and a snapshot as an EventShop before data keys wrote them, all in clear. */
    private void registerInClear(String userId, String name) {
        String email = userId + "@example.com";
        jdbc.update("""
                insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                    event_identifier, payload_type, payload_revision, payload, meta_data, time_stamp)
                values (nextval('domain_event_entry_seq'), ?, 0, 'User', ?, 'dev.eventshop.user.api.UserRegistered',
                    '1', convert_to(?, 'UTF8'), convert_to('{}', 'UTF8'), ?)""",
                userId, UUID.randomUUID().toString(), """
                {"userId":"%s","name":"%s","email":"%s","passwordHash":"%s"}""".formatted(userId, name, email,
                        LEGACY_HASH), Instant.now().toString());
        jdbc.update("""
                insert into snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    payload_type, payload_revision, payload, meta_data, time_stamp)
                values (?, 0, 'User', ?, 'dev.eventshop.user.User', '3', convert_to(?, 'UTF8'),
                    convert_to('{}', 'UTF8'), ?)""",
                userId, UUID.randomUUID().toString(), """
                {"userId":"%s","name":"%s","email":"%s","balance":0}""".formatted(userId, name, email),
                Instant.now().toString());
        jdbc.update("insert into user_email_claim (email, user_id) values (?, ?)", email, userId);
        jdbc.update("insert into user_credential (user_id, password_hash) values (?, ?)", userId, LEGACY_HASH);
    }
}
