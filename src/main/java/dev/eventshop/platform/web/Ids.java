package dev.eventshop.platform.web;

import java.util.Locale;
import java.util.UUID;

/** Identifiers are UUID strings; a client may bring its own so that a retried create is safe. */
public final class Ids {

    /** What an id must look like: a UUID in its text form, either case. */
    public static final String UUID_PATTERN =
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    public static final String UUID_MESSAGE = "must be a UUID";

    private Ids() {
    }

    /** The client's id in canonical (lower case) form, or a new one. */
    public static String orNew(String suppliedId) {
        return suppliedId == null ? UUID.randomUUID().toString() : canonical(suppliedId);
    }

    /** UUIDs compare case-insensitively; the store keeps them in lower case. */
    public static String canonical(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
