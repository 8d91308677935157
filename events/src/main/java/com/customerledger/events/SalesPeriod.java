package com.customerledger.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar month ({@code 2026-11}), quarter ({@code 2026-Q4}) or year ({@code 2026}) that targets and rebate
 * programs are counted over: the instants [{@link #from}, {@link #to}) between the starts of its first day and of the
 * next period's in the ledger's zone ({@code ledger.zone}; a Beijing month starts at 16:00 UTC the day before). Its
 * text is the canonical form {@link #parse} reads.
 */
public record SalesPeriod(Kind kind, int year, int index) {

    /** How long a period lasts; {@code index} is the month (1–12), the quarter (1–4), or 1 for a year. */
    public enum Kind { MONTH, QUARTER, YEAR }

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    /** The years a period may lie in: those of the ledger's business instants. */
    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2199;

    public SalesPeriod {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("a period's year lies from " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        int most = switch (kind) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case YEAR -> 1;
        };
        if (index < 1 || index > most) {
            throw new IllegalArgumentException("no " + kind.name().toLowerCase() + " " + index + " in a year");
        }
    }

    /** {@code 2026-11}, {@code 2026-Q4} or {@code 2026}; anything else is an {@link IllegalArgumentException}. */
    public static SalesPeriod parse(String text) {
        String value = text == null ? "" : text.trim();
        Matcher month = MONTH.matcher(value);
        if (month.matches()) {
            return new SalesPeriod(Kind.MONTH, Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)));
        }
        Matcher quarter = QUARTER.matcher(value);
        if (quarter.matches()) {
            return new SalesPeriod(Kind.QUARTER, Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)));
        }
        if (YEAR.matcher(value).matches()) {
            return new SalesPeriod(Kind.YEAR, Integer.parseInt(value), 1);
        }
        throw new IllegalArgumentException("'" + text + "' is not a period: a month such as 2026-11, a quarter such as "
                + "2026-Q4, or a year such as 2026");
    }

    /** The start of the first day in {@code zone}. */
    public Instant from(ZoneId zone) {
        return first().atStartOfDay(zone).toInstant();
    }

    /** The start of the next period's first day in {@code zone} (exclusive). */
    public Instant to(ZoneId zone) {
        LocalDate first = first();
        LocalDate next = switch (kind) {
            case MONTH -> first.plusMonths(1);
            case QUARTER -> first.plusMonths(3);
            case YEAR -> first.plusYears(1);
        };
        return next.atStartOfDay(zone).toInstant();
    }

    /** Whether {@code instant} lies in the period as reckoned in {@code zone}. */
    public boolean contains(Instant instant, ZoneId zone) {
        return !instant.isBefore(from(zone)) && instant.isBefore(to(zone));
    }

    private LocalDate first() {
        return switch (kind) {
            case MONTH -> LocalDate.of(year, index, 1);
            case QUARTER -> LocalDate.of(year, (index - 1) * 3 + 1, 1);
            case YEAR -> LocalDate.of(year, 1, 1);
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MONTH -> String.format("%04d-%02d", year, index);
            case QUARTER -> String.format("%04d-Q%d", year, index);
            case YEAR -> String.format("%04d", year);
        };
    }
}
