package dev.eventshop.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The problem details EventShop answers with: a stable {@code type} (a relative URI under {@code /problems/})
 * and {@code title} per kind of mistake, a {@code detail} for people, and where there is one the offending
 * {@code field} plus every field {@code error}.
 */
public final class Problems {

    static final String VALIDATION = "validation";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        return problem;
    }

    /** A request that breaks the contract of the API, with every offending field. */
    /**
     * Writes a problem as the answer, for the code that answers before Spring MVC's handlers do (filters, the
     * sign-in entry point); the problem names the request's path as its instance.
     */
    public static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
                             ProblemDetail problem) throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = of(org.springframework.http.HttpStatus.BAD_REQUEST, VALIDATION, "Invalid request",
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid");
        problem.setProperty("field", errors.get(0).field());
        problem.setProperty("errors", errors.stream()
                .map(e -> Map.of("field", e.field(), "message", e.message()))
                .toList());
        return problem;
    }

    record FieldError(String field, String message) {
    }
}
