package dev.eventshop.platform.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * The answer of a paged list: a JSON array of at most {@code limit} elements and, unless it is the last page, a
 * {@code Link: <...>; rel="next"} header (RFC 8288) naming the next one. The next page's address is this request's
 * path and query with {@code after} set to the cursor of the last element, relative, so that it holds behind any
 * proxy. A list reads one element more than the limit: that element says whether there is a next page.
 */
public final class Pages {

    private Pages() {
    }

    /** The number of elements a list reads for a page of {@code limit}: one more, to know if a next page exists. */
    public static int fetchSize(int limit) {
        return limit + 1;
    }

    public static <T> ResponseEntity<List<T>> answer(List<T> fetched, int limit, Function<T, Cursor> cursorOf) {
        if (fetched.size() <= limit) {
            return ResponseEntity.ok(fetched);
        }
        List<T> page = fetched.subList(0, limit);
        URI next = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("after", cursorOf.apply(page.get(limit - 1)).token())
                .build(true).toUri();
        String relative = next.getRawPath() + "?" + next.getRawQuery();
        return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + relative + ">; rel=\"next\"").body(List.copyOf(page));
    }
}
