package dev.eventshop.platform.web;

/** Input that no bean-validation annotation can judge (duplicate order lines, say): answered 400. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending field, as a JSON path into the request (e.g. {@code lines[1].itemId}). */
    public String field() {
        return field;
    }
}
