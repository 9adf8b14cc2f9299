package dev.eventshop.platform.projections;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The rows of one generation of a projection, in the tables its definition names: copied or deleted. */
@Component
class GenerationRows {

    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*");

    private final JdbcTemplate jdbc;

    GenerationRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Copies one generation's rows into another, table by table in the order the definition names them (a
     * referenced table first). Columns filled from a sequence get new values, in the order of the old ones.
     */
    void copy(ProjectionDefinition definition, long from, long to) {
        for (String table : definition.tables()) {
            List<String> copied = new ArrayList<>();
            List<String> sequenced = new ArrayList<>();
            for (Map<String, Object> column : columns(table)) {
                String name = (String) column.get("column_name");
                Object fallback = column.get("column_default");
                if (fallback != null && fallback.toString().startsWith("nextval(")) {
                    sequenced.add(name);
                } else if (!name.equals("generation")) {
                    copied.add(name);
                }
            }
            String columns = String.join(", ", copied);
            jdbc.update("insert into " + table + " (generation, " + columns + ") select ?, " + columns
                    + " from " + table + " where generation = ?"
                    + (sequenced.isEmpty() ? "" : " order by " + String.join(", ", sequenced)), to, from);
        }
    }

    /**
     * Deletes up to {@code chunk} rows of the generation, starting with the tables that reference others;
     * answers false once none are left. Small transactions keep the delete from holding locks or bloating WAL
     * for long while the live generation goes on.
     */
    boolean deleteSome(ProjectionDefinition definition, long generation, int chunk) {
        List<String> tables = new ArrayList<>(definition.tables());
        java.util.Collections.reverse(tables);
        for (String table : tables) {
            int deleted = jdbc.update("delete from " + checked(table) + " where ctid = any(array(select ctid from "
                    + table + " where generation = ? limit ?))", generation, chunk);
            if (deleted > 0) {
                return true;
            }
        }
        return false;
    }

    private List<Map<String, Object>> columns(String table) {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select column_name, column_default from information_schema.columns
                where table_schema = current_schema() and table_name = ? order by ordinal_position""",
                checked(table));
        if (columns.stream().noneMatch(column -> "generation".equals(column.get("column_name")))) {
            throw new IllegalStateException("Table " + table + " has no generation column");
        }
        return columns;
    }

    private static String checked(String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
        return table;
    }
}
