package dev.eventshop.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.Aead;
import org.springframework.util.ClassUtils;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Seals and reveals the {@link PersonalData} of a JSON object as its class declares it. A sealed value is a string
 * {@code pd:v1:<key id>:<Base64url of the AES-GCM ciphertext>}; the ciphertext is bound to the person and the
 * field, so it cannot be moved to another. Revealing gives back the text, or null when the person is erased (also
 * for text stored in clear before data keys existed).
 */
public final class PersonalDataProtection {

    private static final String PREFIX = "pd:v1:";

    private final DataKeys keys;

    PersonalDataProtection(DataKeys keys) {
        this.keys = keys;
    }

    /** Whether the class holds personal data. */
    static boolean holdsPersonalData(Class<?> type) {
        return PersonalFields.of(type).any();
    }

    /** Replaces each personal field's text by its sealed form, with the person's key (made if they have none). */
    void seal(Class<?> type, ObjectNode node) {
        PersonalFields fields = PersonalFields.of(type);
        String subject = node.path(fields.subject()).textValue();
        if (subject == null) {
            return;
        }
        Optional<DataKeys.Entry> key = Optional.empty();
        for (String field : fields.fields()) {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual() || value.textValue().startsWith(PREFIX)) {
                continue;
            }
            if (key.isEmpty()) {
                key = keys.toWrite(subject);
            }
            if (key.isEmpty()) {
                node.putNull(field); // the person is erased: nothing of theirs is written again
                continue;
            }
            node.put(field, PREFIX + key.get().keyId() + ":" + encrypt(key.get().aead(), value.textValue(),
                    subject, field));
        }
    }

    /**
     * Brings a stored object up to date, for {@link Resealing}: personal fields still in clear are sealed (or set
     * to null when the person is erased), and retired fields removed.
     *
     * @return whether anything changed
     */
    boolean reseal(Class<?> type, ObjectNode node) {
        PersonalFields fields = PersonalFields.of(type);
        String before = node.toString();
        node.remove(fields.retired());
        seal(type, node);
        return !node.toString().equals(before);
    }

    /**
     * Replaces each personal field's sealed form by its text, or by null when the person is erased.
     *
     * @return whether the person is erased
     */
    boolean reveal(Class<?> type, ObjectNode node) {
        PersonalFields fields = PersonalFields.of(type);
        String subject = node.path(fields.subject()).textValue();
        if (subject == null) {
            return false;
        }
        Optional<DataKeys.Entry> key = keys.toRead(subject);
        boolean erased = key.map(DataKeys.Entry::erased).orElse(false);
        for (String field : fields.fields()) {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual()) {
                continue;
            }
            if (erased) {
                node.putNull(field);
            } else if (value.textValue().startsWith(PREFIX)) {
                node.put(field, decrypt(key, value.textValue(), subject, field));
            }
        }
        return erased;
    }

    /**
     * A stored payload as it reads now, for views that show payloads as stored (the event browser): sealed fields
     * revealed, an erased person's fields null.
     *
     * @param payloadType the class name the store gives for the payload
     * @return whether the payload names an erased person
     */
    public boolean reveal(String payloadType, JsonNode payload) {
        if (!(payload instanceof ObjectNode object)) {
            return false;
        }
        Class<?> type;
        try {
            type = ClassUtils.forName(payloadType, PersonalDataProtection.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError unknown) {
            return false;
        }
        return holdsPersonalData(type) && reveal(type, object);
    }

    /** Whether the person's personal data has been erased. */
    public boolean erased(String subject) {
        return keys.toRead(subject).map(DataKeys.Entry::erased).orElse(false);
    }

    /**
     * Whether an object of this class, given as its JSON fields, holds personal data of a person who is erased
     * (its personal fields read null).
     */
    public boolean namesErasedPerson(Class<?> type, Map<String, ?> fields) {
        PersonalFields personal = PersonalFields.of(type);
        return personal.any() && fields.get(personal.subject()) instanceof String subject && erased(subject);
    }

    /**
     * Erases the person: destroys their data key in the caller's transaction, so that everything stored of theirs,
     * in every event, snapshot and message, reads as null from its commit on, on this node at once and on the others
     * as soon as they hear of the commit (see {@link KeysChangedElsewhere}).
     *
     * @return whether there was something to erase (false when the person was erased already)
     */
    public boolean erase(String subject) {
        return keys.destroy(subject);
    }

    private static String encrypt(Aead aead, String text, String subject, String field) {
        try {
            byte[] sealed = aead.encrypt(text.getBytes(StandardCharsets.UTF_8), context(subject, field));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal personal data", e);
        }
    }

    private static String decrypt(Optional<DataKeys.Entry> key, String sealed, String subject, String field) {
        String[] parts = sealed.substring(PREFIX.length()).split(":", 2);
        if (key.isEmpty() || parts.length != 2 || !parts[0].equals(key.get().keyId())) {
            throw new IllegalStateException("The " + field + " of " + subject + " is sealed with key " + parts[0]
                    + ", which the store does not hold");
        }
        try {
            byte[] text = key.get().aead().decrypt(Base64.getUrlDecoder().decode(parts[1]), context(subject, field));
            return new String(text, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The " + field + " of " + subject + " does not open with its key", e);
        }
    }

    private static byte[] context(String subject, String field) {
        return (subject + "\u0000" + field).getBytes(StandardCharsets.UTF_8);
    }
}
