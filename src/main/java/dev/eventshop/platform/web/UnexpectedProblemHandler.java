package dev.eventshop.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What no other handler knows: the database being away (503, retry), or our fault, not the client's (500,
 * logged in full, answered without internals).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnexpectedProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedProblemHandler.class);

    private final DatabaseAvailability database;

    UnexpectedProblemHandler(DatabaseAvailability database) {
        this.database = database;
    }

    /** How long a client should wait before it retries while the database is away. */
    static final int DATABASE_RETRY_AFTER_SECONDS = 2;

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (database.explains(e)) {
            log.warn("Request failed: the database is unavailable ({})", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(DATABASE_RETRY_AFTER_SECONDS))
                    .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                            "Database unavailable", "The database cannot be reached just now; retry shortly. "
                                    + "Nothing was changed by this request unless a retry finds it done."));
        }
        log.error("Request failed", e);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error", "Internal error", "The request could not be handled; it has been logged"));
    }
}
