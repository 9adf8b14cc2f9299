package dev.eventshop.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.util.function.Supplier;

/**
 * A Jackson serializer that seals {@link PersonalData} on the way into the store and reveals it on the way out,
 * so that aggregates, projections, upcasters' readers, time travel and replays see plain values and never a key.
 * Classes without personal data pass straight through. (A serializer layer, as Axon's commercial data protection
 * module is one: nothing in a handler knows about it.)
 */
public final class PersonalDataSerializer implements Serializer {

    private final Serializer jackson;
    private final Supplier<PersonalDataProtection> protection;

    /**
     * @param jackson    a serializer with a JSON tree representation (Axon's {@code JacksonSerializer})
     * @param protection found when first needed: serializers are made before the database is reachable
     */
    public PersonalDataSerializer(Serializer jackson, Supplier<PersonalDataProtection> protection) {
        this.jackson = jackson;
        this.protection = protection;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object == null || !PersonalDataProtection.holdsPersonalData(object.getClass())) {
            return jackson.serialize(object, expectedRepresentation);
        }
        SerializedObject<JsonNode> tree = jackson.serialize(object, JsonNode.class);
        ObjectNode node = (ObjectNode) tree.getData();
        protection.get().seal(object.getClass(), node);
        return new SimpleSerializedObject<>(getConverter().convert(node, JsonNode.class, expectedRepresentation),
                expectedRepresentation, tree.getType());
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = classForType(serializedObject.getType());
        if (!PersonalDataProtection.holdsPersonalData(type)) {
            return jackson.deserialize(serializedObject);
        }
        JsonNode node = getConverter().convert(serializedObject.getData(), serializedObject.getContentType(),
                JsonNode.class).deepCopy();
        if (node instanceof ObjectNode object) {
            protection.get().reveal(type, object);
        }
        return jackson.deserialize(new SimpleSerializedObject<>(node, JsonNode.class, serializedObject.getType()));
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return jackson.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return jackson.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return jackson.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return jackson.getConverter();
    }
}
