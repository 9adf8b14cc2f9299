package dev.eventshop.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventshop.user.api.UserRegistered;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Gives stored {@link UserRegistered} events of older revisions the current shape (revision 2) when they are read;
 * the stored events stay as they were written. Revision 0, from before sign-in, had no password hash; revision 1
 * carried it (sealed since data keys exist, in clear before). The hash moved to the credentials table (migration
 * V14 copied the hashes there), so it is dropped here: no reader of an event sees a hash.
 */
@Component
@Order(0)
class UserRegisteredUpcaster extends SingleEventUpcaster {

    private static final String TYPE = UserRegistered.class.getName();
    private static final Set<SerializedType> OLDER = Set.of(
            new SimpleSerializedType(TYPE, null), new SimpleSerializedType(TYPE, "1"));
    private static final SerializedType CURRENT = new SimpleSerializedType(TYPE, UserRegistered.REVISION);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return OLDER.contains(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(CURRENT, JsonNode.class, payload -> {
            ((ObjectNode) payload).remove("passwordHash");
            return payload;
        });
    }
}
