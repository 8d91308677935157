package com.customerledger.command.reminder;

import com.customerledger.events.calendar.ChineseCalendar;
import com.customerledger.events.calendar.SolarTerm;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

/**
 * When a yearly occasion next falls, seen from a day, and whether it is near enough to remind of: the occasion's
 * day (today or later) when it is at most {@code daysBefore} days away, else empty. Days in the ledger's zone.
 */
final class Occasions {

    private Occasions() {
    }

    /**
     * A birthday ({@code MM-DD}) in the Gregorian calendar (29 February kept on the 28th in other years) or, when
     * {@code lunar}, in the Chinese lunar calendar (on the last day of a month one day too short).
     */
    static Optional<LocalDate> birthday(String monthDay, boolean lunar, LocalDate today, int daysBefore) {
        int month = Integer.parseInt(monthDay.substring(0, 2));
        int day = Integer.parseInt(monthDay.substring(3, 5));
        LocalDate next;
        if (lunar) {
            int lunarYear = ChineseCalendar.lunar(today).year();
            next = ChineseCalendar.anniversary(lunarYear, month, day);
            if (next.isBefore(today)) {
                next = ChineseCalendar.anniversary(lunarYear + 1, month, day);
            }
        } else {
            MonthDay birthday = MonthDay.of(month, day);
            next = birthday.atYear(today.getYear());
            if (next.isBefore(today)) {
                next = birthday.atYear(today.getYear() + 1);
            }
        }
        return near(next, today, daysBefore);
    }

    /** A solar term, on its day in China Standard Time. */
    static Optional<LocalDate> solarTerm(SolarTerm term, LocalDate today, int daysBefore) {
        LocalDate next = term.dateIn(today.getYear());
        if (next.isBefore(today)) {
            next = term.dateIn(today.getYear() + 1);
        }
        return near(next, today, daysBefore);
    }

    private static Optional<LocalDate> near(LocalDate day, LocalDate today, int daysBefore) {
        return day.minusDays(daysBefore).isAfter(today) ? Optional.empty() : Optional.of(day);
    }
}
