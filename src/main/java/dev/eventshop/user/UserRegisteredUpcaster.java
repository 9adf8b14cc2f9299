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

/**
 * {@link UserRegistered} before sign-in existed (no revision) had no {@code passwordHash}. Stored events stay as
 * they were written; this gives them the current shape (revision 1) when they are read, with a null hash: such
 * an account exists and keeps its balance but cannot sign in.
 */
@Component
@Order(0)
class UserRegisteredUpcaster extends SingleEventUpcaster {

    private static final SerializedType BEFORE_PASSWORDS =
            new SimpleSerializedType(UserRegistered.class.getName(), null);
    private static final SerializedType WITH_PASSWORDS =
            new SimpleSerializedType(UserRegistered.class.getName(), UserRegistered.REVISION);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return BEFORE_PASSWORDS.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(WITH_PASSWORDS, JsonNode.class, payload -> {
            ((ObjectNode) payload).putNull("passwordHash");
            return payload;
        });
    }
}
