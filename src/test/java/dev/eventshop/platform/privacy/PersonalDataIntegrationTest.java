package dev.eventshop.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventshop.support.IntegrationTest;
import dev.eventshop.support.ShopClient;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A customer's name and e-mail are stored sealed with their data key, and read as plain values everywhere. */
class PersonalDataIntegrationTest extends IntegrationTest {

    @Test
    void nameAndEmailAreStoredSealedInEventsAndSnapshotsAndReadPlain() {
        String name = "ada-" + UUID.randomUUID().toString().substring(0, 8);
        ShopClient.Customer ada = shop.registerCustomer(name);
        for (int i = 0; i < 6; i++) { // past the test's snapshot threshold of 5
            shop.topUp(ada.userId(), 10);
        }
        Instant later = Instant.now();

        List<String> stored = jdbc.queryForList("""
                select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = ?
                union all
                select convert_from(payload, 'UTF8') from snapshot_event_entry where aggregate_identifier = ?""",
                String.class, ada.userId(), ada.userId());
        assertThat(stored).hasSizeGreaterThan(7).noneMatch(payload -> payload.contains(name)
                || payload.contains(ada.email()) || payload.contains("$2a$"));
        assertThat(stored).filteredOn(payload -> payload.contains("pd:v1:")).hasSizeGreaterThanOrEqualTo(2);

        ShopClient signedIn = shop.as(ada);
        assertThat(signedIn.awaitVersion("/api/users/" + ada.userId(), 6).get("name").asText()).isEqualTo(name);
        assertThat(signedIn.get("/api/users/" + ada.userId() + "?asOf=" + later).getBody().get("email").asText())
                .isEqualTo(ada.email());
        JsonNode trail = signedIn.get("/api/users/" + ada.userId() + "/events").getBody();
        assertThat(trail.get(0).get("payload").get("name").asText()).isEqualTo(name);
        JsonNode browsed = shop.get("/api/admin/events?aggregateId=" + ada.userId() + "&type=UserRegistered")
                .getBody();
        assertThat(browsed.get(0).get("payload").get("email").asText()).isEqualTo(ada.email());
    }

    @Test
    void aWrongMasterKeyStopsTheStartWithAMessage() {
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> new DataKeys(jdbc, MasterKey.aead(other), 10))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not the one this database's personal data keys are sealed with");
    }
}
