package dev.eventshop.common;

import java.util.UUID;

/** Identifiers are UUID strings; a client may bring its own so that a retried create is safe. */
public final class Ids {

    /** What a client-supplied id must look like (a UUID in its canonical text form). */
    public static final String UUID_PATTERN =
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    private Ids() {
    }

    public static String orNew(String suppliedId) {
        return suppliedId == null ? UUID.randomUUID().toString() : suppliedId.toLowerCase();
    }
}
