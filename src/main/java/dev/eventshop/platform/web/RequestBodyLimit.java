package dev.eventshop.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses a request body larger than {@code eventshop.request-body.max-size} with 413, before anything reads it:
 * at once when its Content-Length says so, else (a chunked body) as soon as reading it passes the limit. Tomcat
 * caps only form posts and Spring only multipart uploads; a JSON body needs this filter.
 */
class RequestBodyLimit extends OncePerRequestFilter {

    static final String PROBLEM_TYPE = "payload-too-large";

    private final long maxBytes;
    private final ObjectMapper json;

    RequestBodyLimit(long maxBytes, ObjectMapper json) {
        this.maxBytes = maxBytes;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            response.setHeader("Connection", "close"); // the rest of the body is not read
            Problems.write(json, request, response, problem(maxBytes));
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Counted(request, maxBytes) : request, response);
    }

    static ProblemDetail problem(long maxBytes) {
        return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, PROBLEM_TYPE, "Payload too large",
                "A request body may have at most " + maxBytes + " bytes");
    }

    /** Thrown while reading a body of unknown length that turns out longer than the limit. */
    static final class BodyTooLarge extends IOException {

        final long maxBytes;

        BodyTooLarge(long maxBytes) {
            super("The request body is longer than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }
    }

    /** A request whose body stream fails once more than the limit has been read from it. */
    private static final class Counted extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream counted;

        Counted(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new CountingStream(super.getInputStream(), maxBytes);
            }
            return counted;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream body;
        private final long maxBytes;
        private long read;

        CountingStream(ServletInputStream body, long maxBytes) {
            this.body = body;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int bytes) throws BodyTooLarge {
            read += bytes;
            if (read > maxBytes) {
                throw new BodyTooLarge(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
