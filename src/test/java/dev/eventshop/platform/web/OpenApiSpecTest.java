package dev.eventshop.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.eventshop.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed spec in {@code openapi/} is what the running service serves. After an intended API change,
 * regenerate it with {@code ./mvnw verify -Dopenapi.update=true} and commit the file.
 */
class OpenApiSpecTest extends IntegrationTest {

    private static final Path COMMITTED = Path.of("openapi", "eventshop.json");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Test
    void theCommittedSpecIsWhatTheServiceServes() throws Exception {
        var answer = shop.get("/v3/api-docs");
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        String served = canonical(answer.getBody());

        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served);
        }

        assertThat(COMMITTED).as("run ./mvnw verify -Dopenapi.update=true to create it").exists();
        assertThat(canonical(JSON.readTree(Files.readString(COMMITTED))))
                .as("openapi/eventshop.json differs from /v3/api-docs; if the change is intended, "
                        + "run ./mvnw verify -Dopenapi.update=true and commit the file")
                .isEqualTo(served);
    }

    private static String canonical(JsonNode spec) throws Exception {
        // through a Map so that keys are sorted at every level
        return JSON.writeValueAsString(JSON.treeToValue(spec, Object.class)) + "\n";
    }
}
