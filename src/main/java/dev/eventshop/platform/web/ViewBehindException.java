package dev.eventshop.platform.web;

import java.time.Duration;

/** A view that has not caught up with the version a client asked for within the wait allowed: answered 503. */
public class ViewBehindException extends RuntimeException {

    private final Duration retryAfter;

    public ViewBehindException(long minVersion, Duration retryAfter) {
        super("The view has not caught up with version " + minVersion + " yet; retry shortly");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
