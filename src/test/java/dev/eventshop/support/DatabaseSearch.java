package dev.eventshop.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Searches every text, JSON and binary column of every table of the service's schema for a text. */
public final class DatabaseSearch {

    private DatabaseSearch() {
    }

    /**
     * The columns holding the text (case-insensitively in text and JSON, as UTF-8 bytes in binary columns), each as
     * {@code table.column: rows}.
     */
    public static List<String> columnsHolding(JdbcTemplate jdbc, String text) {
        List<String> found = new ArrayList<>();
        jdbc.query("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = current_schema()
                  and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')""",
                (ResultSet row) -> {
                    String table = row.getString(1);
                    String column = row.getString(2);
                    String condition = "bytea".equals(row.getString(3))
                            ? "position(convert_to(?, 'UTF8') in \"%s\") > 0".formatted(column)
                            : "position(lower(?) in lower(\"%s\"::text)) > 0".formatted(column);
                    Long rows = jdbc.queryForObject("select count(*) from \"%s\" where %s".formatted(table, condition),
                            Long.class, text);
                    if (rows != null && rows > 0) {
                        found.add(table + "." + column + ": " + rows);
                    }
                });
        return found;
    }
}
