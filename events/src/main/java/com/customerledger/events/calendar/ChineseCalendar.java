package com.customerledger.events.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Chinese lunisolar calendar as GB/T 33661-2017 defines it: a month runs from the day of one new moon to the
 * day before the next (days in China Standard Time); the month holding the winter solstice (冬至) is the 11th; when
 * 13 months lie from one 11th month to the next, the first of them holding no principal term (中气) is the leap
 * month and takes the number of the month before it.
 */
public final class ChineseCalendar {

    private static final List<SolarTerm> PRINCIPAL_TERMS = List.of(SolarTerm.values()).stream()
            .filter(SolarTerm::principal)
            .toList();
    /** Each Gregorian year's months from the 11th month holding the previous 冬至 up to the next such month. */
    private static final Map<Integer, List<Month>> YEARS = new ConcurrentHashMap<>();

    private ChineseCalendar() {
    }

    /** The lunar date of a Gregorian day. */
    public static LunarDate lunar(LocalDate date) {
        int year = date.getYear();
        List<Month> months = date.isBefore(months(year + 1).get(0).start()) ? months(year) : months(year + 1);
        Month month = months.get(0);
        for (Month candidate : months) {
            if (!candidate.start().isAfter(date)) {
                month = candidate;
            }
        }
        int day = (int) (date.toEpochDay() - month.start().toEpochDay()) + 1;
        return new LunarDate(month.lunarYear(), month.number(), month.leap(), day);
    }

    /** The Gregorian day of a lunar date, or empty when that year has no such month or the month no such day. */
    public static Optional<LocalDate> solar(LunarDate date) {
        return month(date.year(), date.month(), date.leapMonth())
                .filter(month -> date.day() <= month.length())
                .map(month -> month.start().plusDays(date.day() - 1L));
    }

    /**
     * The day a yearly lunar occasion (a birthday given as month and day) falls on in a lunar year: in the
     * ordinary month of that number, on its last day when the month is one day short of {@code day}.
     */
    public static LocalDate anniversary(int lunarYear, int month, int day) {
        Month found = month(lunarYear, month, false)
                .orElseThrow(() -> new IllegalArgumentException("no lunar month " + month));
        return found.start().plusDays(Math.min(day, found.length()) - 1L);
    }

    /** The leap month of a lunar year, if it has one. */
    public static Optional<Integer> leapMonth(int lunarYear) {
        return monthsOfLunarYear(lunarYear).stream().filter(Month::leap).map(Month::number).findFirst();
    }

    private static Optional<Month> month(int lunarYear, int number, boolean leap) {
        return monthsOfLunarYear(lunarYear).stream()
                .filter(month -> month.number() == number && month.leap() == leap)
                .findFirst();
    }

    private static List<Month> monthsOfLunarYear(int lunarYear) {
        List<Month> months = new ArrayList<>();
        for (Month month : months(lunarYear)) {
            if (month.lunarYear() == lunarYear) {
                months.add(month);
            }
        }
        for (Month month : months(lunarYear + 1)) {
            if (month.lunarYear() == lunarYear) {
                months.add(month);
            }
        }
        return months;
    }

    private static List<Month> months(int year) {
        SolarTerm.checkYear(year - 1);
        return YEARS.computeIfAbsent(year, ChineseCalendar::compute);
    }

    private static List<Month> compute(int year) {
        LocalDate solsticeBefore = SolarTerm.WINTER_SOLSTICE.dateIn(year - 1);
        LocalDate solstice = SolarTerm.WINTER_SOLSTICE.dateIn(year);
        long lunation = Astronomy.lunationNear(Astronomy.julianDay(SolarTerm.WINTER_SOLSTICE.instantIn(year - 1)));
        while (newMoonDate(lunation).isAfter(solsticeBefore)) {
            lunation--;
        }
        while (!newMoonDate(lunation + 1).isAfter(solsticeBefore)) {
            lunation++;
        }
        List<LocalDate> starts = new ArrayList<>();
        for (long k = lunation; !newMoonDate(k).isAfter(solstice); k++) {
            starts.add(newMoonDate(k));
        }
        // starts runs from the 11th month of year - 1 to the 11th month of this year, both included
        int monthCount = starts.size() - 1;
        int leapIndex = -1;
        if (monthCount == 13) {
            List<LocalDate> principal = PRINCIPAL_TERMS.stream().map(term -> term.dateIn(year)).toList();
            for (int i = 1; i < monthCount && leapIndex < 0; i++) {
                LocalDate from = starts.get(i);
                LocalDate to = starts.get(i + 1);
                if (principal.stream().noneMatch(day -> !day.isBefore(from) && day.isBefore(to))) {
                    leapIndex = i;
                }
            }
        }
        List<Month> months = new ArrayList<>();
        int number = 11;
        int lunarYear = year - 1;
        for (int i = 0; i < monthCount; i++) {
            boolean leap = i == leapIndex;
            if (i > 0 && !leap) {
                number = number % 12 + 1;
                if (number == 1) {
                    lunarYear = year;
                }
            }
            months.add(new Month(starts.get(i), starts.get(i + 1), lunarYear, number, leap));
        }
        return List.copyOf(months);
    }

    private static LocalDate newMoonDate(long lunation) {
        return LocalDate.ofInstant(Astronomy.instant(Astronomy.universal(Astronomy.newMoon(lunation))),
                SolarTerm.CHINA);
    }

    private record Month(LocalDate start, LocalDate end, int lunarYear, int number, boolean leap) {
        int length() {
            return (int) (end.toEpochDay() - start.toEpochDay());
        }
    }
}
