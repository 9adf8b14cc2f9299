package dev.eventshop.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Where a page of a list ends: the list's name and the sort key of the page's last element. Keyset paging goes on
 * after that key, so elements appended while a client pages neither shift the pages nor appear twice. A client sees
 * it as an opaque token ({@code ?after=}): URL-safe Base64 of a JSON array, the list's name first, so that a cursor
 * of one list is refused by another.
 */
public record Cursor(String list, List<String> keys) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARAMETER = "after";

    public Cursor {
        keys = List.copyOf(keys);
    }

    public static Cursor of(String list, Object... keys) {
        List<String> texts = new ArrayList<>();
        for (Object key : keys) {
            texts.add(String.valueOf(key));
        }
        return new Cursor(list, texts);
    }

    /**
     * The cursor a client sent for this list, or null when it sent none (the first page).
     *
     * @throws InvalidInputException when the token is not a cursor of this list with this many keys
     */
    public static Cursor read(String list, String token, int keyCount) {
        if (token == null) {
            return null;
        }
        try {
            String[] values = JSON.readValue(Base64.getUrlDecoder().decode(token), String[].class);
            if (values.length == keyCount + 1 && list.equals(values[0])) {
                return new Cursor(list, List.of(values).subList(1, values.length));
            }
        } catch (IllegalArgumentException | java.io.IOException | NullPointerException unreadable) {
            // answered below, as every other token that is not one of this list's cursors
        }
        throw notACursor();
    }

    /** The token a client sends back as {@code ?after=}. */
    public String token() {
        List<String> values = new ArrayList<>();
        values.add(list);
        values.addAll(keys);
        try {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(JSON.writeValueAsString(values).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public String text(int index) {
        return keys.get(index);
    }

    public long number(int index) {
        try {
            return Long.parseLong(keys.get(index));
        } catch (NumberFormatException e) {
            throw notACursor();
        }
    }

    public Instant instant(int index) {
        try {
            return Instant.parse(keys.get(index));
        } catch (DateTimeParseException e) {
            throw notACursor();
        }
    }

    private static InvalidInputException notACursor() {
        return new InvalidInputException(PARAMETER, "is not a cursor of this list: pass on the one a Link "
                + "header named");
    }
}
