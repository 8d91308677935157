package com.customerledger.api.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The range of business instants the ledger accepts from a client, in bodies and in query
 * parameters alike: from 1900-01-01 (inclusive) to 2200-01-01 (exclusive), UTC. Outside it a time
 * is a typing error, and it would not survive every store (MongoDB dates, text-ordered timestamps),
 * so it is refused at the edge with a 400 before any command sees it.
 */
public final class BusinessTime {

    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST_EXCLUSIVE = Instant.parse("2200-01-01T00:00:00Z");
    public static final String EXPECTED = "an ISO-8601 instant such as 2026-03-01T08:00:00Z (or, in a query parameter, "
            + "a date such as 2026-03-01 for its start in the ledger's zone) from 1900-01-01 to before 2200-01-01";

    private BusinessTime() {
    }

    /** An instant as a client writes it in JSON; a plain date is not an instant there. */
    public static Instant parseInstant(String text) {
        Instant instant;
        try {
            instant = Instant.parse(text.trim());
        } catch (DateTimeParseException notAnInstant) {
            throw new IllegalArgumentException("'" + text + "' is not " + EXPECTED);
        }
        return bounded(instant, text);
    }

    /** An instant or a plain date (its start in {@code zone}, the ledger's) as a client writes it in a query parameter. */
    public static Instant parseParameter(String text, ZoneId zone) {
        String trimmed = text.trim();
        if (trimmed.length() == 10 && trimmed.charAt(4) == '-') {
            try {
                return bounded(LocalDate.parse(trimmed).atStartOfDay(zone).toInstant(), text);
            } catch (DateTimeParseException notADate) {
                throw new IllegalArgumentException("'" + text + "' is not " + EXPECTED);
            }
        }
        return parseInstant(trimmed);
    }

    private static Instant bounded(Instant instant, String text) {
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST_EXCLUSIVE)) {
            throw new IllegalArgumentException("'" + text + "' lies outside the range the ledger accepts: " + EXPECTED);
        }
        return instant;
    }
}
