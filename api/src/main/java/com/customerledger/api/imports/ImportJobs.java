package com.customerledger.api.imports;

import com.customerledger.command.Role;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The import jobs and the problems they reported, in the command side's database (db/imports.sql).
 * A job's progress and the items of the rows it covers are written together ({@link #advance}), so
 * after a crash the job resumes at the first row whose outcome was not recorded.
 */
@Component
class ImportJobs {

    /** RUNNING until every row is read; DONE then; FAILED when the file could not be read to its end. */
    enum Status { RUNNING, DONE, FAILED }

    record Job(String importId, String fileName, SheetRows.Format format, boolean dryRun, Instant effectiveAt,
               String startedBy, Set<Role> roles, Status status, Map<String, String> columns, int nextRow, int rows,
               int imported, int duplicates, int errors, String failure, Instant createdAt, Instant finishedAt) {
    }

    /** One reported problem: the sheet's row number (usually the header is row 1), its column, and the existing customer of a duplicate. */
    record Item(int row, String column, String message, String existingCustomerId, String currentOwnerRepId) {
    }

    /** What a stretch of rows added to a job's counters. */
    record Progress(int rows, int imported, int duplicates, int errors) {

        static final Progress NONE = new Progress(0, 0, 0, 0);

        Progress plus(Progress other) {
            return new Progress(rows + other.rows, imported + other.imported, duplicates + other.duplicates,
                    errors + other.errors);
        }
    }

    private static final TypeReference<LinkedHashMap<String, String>> COLUMNS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final TransactionManager transactions;
    private final ObjectMapper json;

    ImportJobs(JdbcTemplate jdbc, TransactionManager transactions, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    void create(String importId, String fileName, SheetRows.Format format, boolean dryRun, Instant effectiveAt,
                String startedBy, Set<Role> roles, Map<String, String> columns, List<Item> headerItems, Instant now) {
        transactions.executeInTransaction(() -> {
            jdbc.update("INSERT INTO customer_import (import_id, file_name, format, dry_run, effective_at, started_by, roles, "
                            + "status, columns_json, next_row, rows_read, imported, duplicates, errors, created_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, 2, 0, 0, 0, 0, ?)", importId, fileName, format.name(),
                    dryRun, effectiveAt == null ? null : effectiveAt.toString(), startedBy,
                    roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")), write(columns), now.toString());
            insertItems(importId, 0, headerItems);
        });
    }

    /** Records the outcome of the rows up to {@code nextRow} (exclusive): counters, items and where to go on. */
    void advance(String importId, int nextRow, Progress progress, List<Item> items) {
        transactions.executeInTransaction(() -> {
            Integer seq = jdbc.queryForObject("SELECT COUNT(*) FROM customer_import_item WHERE import_id = ?", Integer.class,
                    importId);
            insertItems(importId, seq == null ? 0 : seq, items);
            jdbc.update("UPDATE customer_import SET next_row = ?, rows_read = rows_read + ?, imported = imported + ?, "
                            + "duplicates = duplicates + ?, errors = errors + ?, failure = NULL WHERE import_id = ?", nextRow,
                    progress.rows(), progress.imported(), progress.duplicates(), progress.errors(), importId);
        });
    }

    /** A dry run is cheap and changes nothing: after a restart it is checked again from its first row. */
    void restart(String importId, int headerItems) {
        transactions.executeInTransaction(() -> {
            jdbc.update("DELETE FROM customer_import_item WHERE import_id = ? AND seq >= ?", importId, headerItems);
            jdbc.update("UPDATE customer_import SET next_row = 2, rows_read = 0, imported = 0, duplicates = 0, errors = 0 "
                    + "WHERE import_id = ?", importId);
        });
    }

    void finish(String importId, Status status, String failure, Instant now) {
        jdbc.update("UPDATE customer_import SET status = ?, failure = ?, finished_at = ? WHERE import_id = ?", status.name(),
                failure, now.toString(), importId);
    }

    /** A failure that may pass (a store briefly away): the job stays RUNNING and the worker tries again. */
    void noteTrouble(String importId, String failure) {
        jdbc.update("UPDATE customer_import SET failure = ? WHERE import_id = ?", failure, importId);
    }

    private void insertItems(String importId, int firstSeq, List<Item> items) {
        int seq = firstSeq;
        for (Item item : items) {
            jdbc.update("INSERT INTO customer_import_item (import_id, seq, row_number, column_name, message, "
                            + "existing_customer_id, current_owner_rep_id) VALUES (?, ?, ?, ?, ?, ?, ?)", importId, seq++,
                    item.row(), item.column(), truncate(item.message(), 2000), item.existingCustomerId(),
                    item.currentOwnerRepId());
        }
    }

    List<Job> running() {
        return jdbc.query(SELECT + " WHERE status = 'RUNNING' ORDER BY created_at, import_id", (rs, i) -> job(rs));
    }

    Optional<Job> find(String importId) {
        return jdbc.query(SELECT + " WHERE import_id = ?", (rs, i) -> job(rs), importId).stream().findFirst();
    }

    List<Item> items(String importId, int offset, int limit) {
        return jdbc.query("SELECT row_number, column_name, message, existing_customer_id, current_owner_rep_id "
                        + "FROM customer_import_item WHERE import_id = ? ORDER BY seq LIMIT ? OFFSET ?",
                (rs, i) -> new Item(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                importId, limit, offset);
    }

    int itemCount(String importId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM customer_import_item WHERE import_id = ?", Integer.class,
                importId);
        return count == null ? 0 : count;
    }

    private static final String SELECT = "SELECT import_id, file_name, format, dry_run, effective_at, started_by, roles, "
            + "status, columns_json, next_row, rows_read, imported, duplicates, errors, failure, created_at, finished_at "
            + "FROM customer_import";

    private Job job(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Job(rs.getString(1), rs.getString(2), SheetRows.Format.valueOf(rs.getString(3)), rs.getBoolean(4),
                instant(rs.getString(5)), rs.getString(6),
                Arrays.stream(rs.getString(7).split(",")).filter(s -> !s.isEmpty()).map(Role::valueOf)
                        .collect(Collectors.toSet()),
                Status.valueOf(rs.getString(8)), read(rs.getString(9)), rs.getInt(10), rs.getInt(11), rs.getInt(12),
                rs.getInt(13), rs.getInt(14), rs.getString(15), instant(rs.getString(16)), instant(rs.getString(17)));
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private String write(Map<String, String> columns) {
        try {
            return json.writeValueAsString(columns);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, COLUMNS);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("columns of an import cannot be read: " + corrupt.getMessage(), corrupt);
        }
    }
}
