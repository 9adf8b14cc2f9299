package dev.eventshop.platform.web;

/**
 * Bounds on client input. Anything beyond them is a client mistake (answered 400), long before it could
 * overflow a balance or a stock.
 */
public final class Limits {

    /** The largest single amount or price: ten billion in cents. */
    public static final long MAX_AMOUNT = 1_000_000_000_000L;
    /** The largest quantity on one order line or restock, and the largest initial stock. */
    public static final int MAX_QUANTITY = 1_000_000;
    /** The most lines on one order. */
    public static final int MAX_ORDER_LINES = 100;
    /** The longest name of a user or an item. */
    public static final int MAX_NAME_LENGTH = 200;
    /** The shortest password a customer may choose. */
    public static final int MIN_PASSWORD_LENGTH = 8;
    /** The longest password: BCrypt reads at most 72 bytes, and refuses more. */
    public static final int MAX_PASSWORD_LENGTH = 72;
    /** The longest e-mail address (RFC 5321 allows 254). */
    public static final int MAX_EMAIL_LENGTH = 254;

    /** The elements a page of a list holds when the client names no {@code ?limit=}. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    /** The most elements a page of a list holds: a client pages through longer lists. */
    public static final int MAX_PAGE_SIZE = 500;

    /**
     * Names and e-mail addresses are printable text: no control characters (PostgreSQL refuses NUL). These are
     * Java's {@code \p{Cntrl}}, U+0000-U+001F and U+007F, written so that an ECMA-262 validator of the OpenAPI
     * description reads the pattern as Bean Validation does; anchored, since JSON Schema's pattern may match
     * anywhere in the value.
     */
    public static final String PRINTABLE = "^[^\\u0000-\\u001F\\u007F]*$";
    public static final String PRINTABLE_MESSAGE = "must not contain control characters";

    private Limits() {
    }
}
