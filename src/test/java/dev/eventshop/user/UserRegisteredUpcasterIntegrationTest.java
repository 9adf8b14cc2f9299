package dev.eventshop.user;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventshop.support.IntegrationTest;
import dev.eventshop.support.Replays;
import dev.eventshop.user.api.BalanceToppedUp;
import dev.eventshop.user.api.UserRegistered;
import dev.eventshop.platform.projections.Projections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events written before sign-in existed (UserRegistered without a revision and without passwordHash), put
 * into the store raw, as an older EventShop left them: they load, project and replay in today's shape.
 */
class UserRegisteredUpcasterIntegrationTest extends IntegrationTest {

    @Autowired
    private Projections projections;

    @Test
    void anAccountFromBeforePasswordsLoadsProjectsAndReplays() {
        String userId = UUID.randomUUID().toString();
        appendRaw(userId, 0, UserRegistered.class, null,
                "{\"userId\":\"" + userId + "\",\"name\":\"Old Timer\",\"email\":\"old-" + userId + "@example.com\"}");
        appendRaw(userId, 1, BalanceToppedUp.class, null,
                "{\"userId\":\"" + userId + "\",\"amount\":250,\"balanceAfter\":250}");
        // the e-mail claim an older EventShop kept, from before there were password hashes
        jdbc.update("insert into user_email_claim (email, user_id) values (?, ?)", "old-" + userId + "@example.com",
                userId);

        JsonNode projected = shop.awaitVersion("/api/users/" + userId, 1);
        JsonNode registered = shop.get("/api/users/" + userId + "/events").getBody().get(0);
        long balanceAfterTopUp = shop.topUp(userId, 50); // the aggregate loads from the old events

        assertThat(projected.get("name").asText()).isEqualTo("Old Timer");
        assertThat(projected.get("balance").asLong()).isEqualTo(250);
        assertThat(registered.get("type").asText()).isEqualTo("UserRegistered");
        assertThat(registered.get("payload").get("email").asText()).isEqualTo("old-" + userId + "@example.com");
        assertThat(balanceAfterTopUp).isEqualTo(300);
        assertThat(shop.as("old-" + userId + "@example.com", "any-password").get("/api/users/" + userId)
                .getStatusCode().value()).as("upcast with no password hash: no sign-in").isEqualTo(401);

        Replays.rebuildFromStart(projections, "users");
        JsonNode replayed = shop.get("/api/users/" + userId).getBody();
        assertThat(replayed.get("name").asText()).isEqualTo("Old Timer");
        assertThat(replayed.get("balance").asLong()).isEqualTo(300);
    }

    private void appendRaw(String aggregateId, long sequence, Class<?> type, String revision, String json) {
        jdbc.update("""
                insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                    event_identifier, payload_type, payload_revision, payload, meta_data, time_stamp)
                values (nextval('domain_event_entry_seq'), ?, ?, 'User', ?, ?, ?, convert_to(?, 'UTF8'),
                    convert_to('{}', 'UTF8'), ?)""",
                aggregateId, sequence, UUID.randomUUID().toString(), type.getName(), revision, json,
                Instant.now().toString());
    }
}
