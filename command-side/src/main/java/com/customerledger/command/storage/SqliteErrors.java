package com.customerledger.command.storage;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Spring's view of SQLite's errors. The driver reports every constraint failure with the same
 * vendor code (19) and no SQLState; only its extended result code tells a duplicate key from, say,
 * a NOT NULL violation. Registered for the product name "SQLite" in sql-error-codes.xml, so every
 * JdbcTemplate and the transaction manager translate with it: a racing insert of a unique lookup
 * key then surfaces as {@link DuplicateKeyException}, as the lookups expect.
 */
public class SqliteErrors implements SQLExceptionTranslator {

    /** Whether {@code error} is SQLite refusing a row whose primary or unique key is taken. */
    public static boolean isDuplicateKey(SQLException error) {
        return error instanceof SQLiteException sqlite
                && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY);
    }

    @Override
    public DataAccessException translate(String task, String sql, SQLException error) {
        if (!(error instanceof SQLiteException sqlite)) {
            return null;
        }
        String message = task + "; " + (sql == null ? "" : "SQL [" + sql + "]; ") + error.getMessage();
        if (isDuplicateKey(error)) {
            return new DuplicateKeyException(message, error);
        }
        return switch (sqlite.getResultCode().code & 0xff) {
            case 19 -> new DataIntegrityViolationException(message, error); // SQLITE_CONSTRAINT
            case 5, 6 -> new CannotAcquireLockException(message, error);   // SQLITE_BUSY, SQLITE_LOCKED
            default -> null;
        };
    }
}
