package dev.eventshop.platform.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Mistakes Spring MVC finds before a controller runs (invalid fields, unreadable JSON, wrong content type,
 * unknown paths): each gets a stable problem type, and the offending field where there is one.
 */
@RestControllerAdvice
class RequestProblemHandler extends ResponseEntityExceptionHandler {

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new Problems.FieldError(error.getField(), message(error)))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return answer(Problems.invalid(errors), headers);
    }

    /** Constraints on path variables, and on the body too when a method has both. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors body
                        ? body.getFieldErrors().stream()
                                .map(error -> new Problems.FieldError(error.getField(), message(error)))
                        : result.getResolvableErrors().stream().map(error -> new Problems.FieldError(
                                result.getMethodParameter().getParameterName(), message(error))))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return answer(Problems.invalid(errors), headers);
    }

    /** A query parameter or path variable that does not convert, such as a malformed {@code asOf} instant. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : String.valueOf(e.getPropertyName());
        String expected = e.getRequiredType() == null ? "the expected type" : e.getRequiredType().getSimpleName();
        return answer(Problems.invalid(List.of(new Problems.FieldError(field, "is not a valid " + expected))),
                headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        for (Throwable link = e; link != null; link = link.getCause()) {
            if (link instanceof RequestBodyLimit.BodyTooLarge tooLarge) {
                return answer(RequestBodyLimit.problem(tooLarge.maxBytes), headers);
            }
        }
        // a value Jackson hands to another parser (an instant) fails deeper than the mapping that names its field
        JsonMappingException mapping = mappingOf(e);
        ProblemDetail problem;
        if (cause instanceof JsonParseException parse) {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "The body is not valid JSON (line " + parse.getLocation().getLineNr() + ")");
        } else if (cause instanceof InputCoercionException coercion) {
            problem = Problems.invalid(List.of(new Problems.FieldError(currentField(coercion), "is out of range")));
        } else if (mapping != null && !mapping.getPath().isEmpty()) {
            problem = Problems.invalid(List.of(
                    new Problems.FieldError(path(mapping), "has the wrong type or format")));
        } else if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "missing-body", "Missing body",
                    "The request needs a JSON body");
        } else {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "The body could not be read as the expected JSON");
        }
        return answer(problem, headers);
    }

    /** The innermost Jackson mapping failure in the chain, if any. */
    private static JsonMappingException mappingOf(Throwable e) {
        JsonMappingException found = null;
        for (Throwable cause = e; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonMappingException mapping) {
                found = mapping;
            }
        }
        return found;
    }

    /** Every other standard MVC problem keeps its status and gets a stable type instead of about:blank. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(e, body, headers, status, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
            HttpStatus known = HttpStatus.resolve(status.value());
            String name = known == null ? "http-" + status.value()
                    : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
            problem.setType(URI.create("/problems/" + name));
        }
        return answer;
    }

    private static ResponseEntity<Object> answer(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String message(FieldError error) {
        return message((MessageSourceResolvable) error);
    }

    /** Jackson's path as the client wrote it: {@code lines[0].quantity}. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String currentField(InputCoercionException e) {
        try {
            JsonParser parser = e.getProcessor();
            return parser != null && parser.currentName() != null ? parser.currentName() : "body";
        } catch (Exception unknown) {
            return "body";
        }
    }
}
