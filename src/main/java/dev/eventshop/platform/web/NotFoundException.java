package dev.eventshop.platform.web;

/** A resource that does not exist (yet): the web layer answers 404 with the problem type {@code not-found}. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String kind, String id) {
        super("No " + kind + " " + id);
    }
}
