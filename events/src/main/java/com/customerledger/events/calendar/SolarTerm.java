package com.customerledger.events.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;

/**
 * The 24 solar terms (二十四节气), in the order they fall in a Gregorian year: each is the moment the Sun's apparent
 * longitude reaches its angle, and its day is that moment's date in China Standard Time (UTC+8), as the Purple
 * Mountain Observatory publishes them.
 */
public enum SolarTerm {
    MINOR_COLD("小寒"), MAJOR_COLD("大寒"), START_OF_SPRING("立春"), RAIN_WATER("雨水"),
    AWAKENING_OF_INSECTS("惊蛰"), SPRING_EQUINOX("春分"), PURE_BRIGHTNESS("清明"), GRAIN_RAIN("谷雨"),
    START_OF_SUMMER("立夏"), GRAIN_BUDS("小满"), GRAIN_IN_EAR("芒种"), SUMMER_SOLSTICE("夏至"),
    MINOR_HEAT("小暑"), MAJOR_HEAT("大暑"), START_OF_AUTUMN("立秋"), END_OF_HEAT("处暑"),
    WHITE_DEW("白露"), AUTUMN_EQUINOX("秋分"), COLD_DEW("寒露"), FROST_DESCENT("霜降"),
    START_OF_WINTER("立冬"), MINOR_SNOW("小雪"), MAJOR_SNOW("大雪"), WINTER_SOLSTICE("冬至");

    /** The zone the Chinese calendar counts its days in. */
    public static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    /** The years the calculation is kept for: UTC+8 has been the calendar's zone since 1929. */
    public static final int FIRST_YEAR = 1930;
    public static final int LAST_YEAR = 2199;

    private final String chinese;

    SolarTerm(String chinese) {
        this.chinese = chinese;
    }

    /** 白露 and so on. */
    public String chinese() {
        return chinese;
    }

    /** The Sun's apparent longitude at this term, in degrees: 285 for 小寒, 0 for 春分, 270 for 冬至. */
    public int longitude() {
        return (285 + 15 * ordinal()) % 360;
    }

    /** Whether this is a principal term (中气, a multiple of 30°), which the lunar months are numbered by. */
    public boolean principal() {
        return longitude() % 30 == 0;
    }

    /** The moment of this term in a Gregorian year. */
    public Instant instantIn(int year) {
        checkYear(year);
        double marchEquinox = 2451623.80984 + 365.242374 * (year - 2000);
        int degrees = longitude() >= 285 ? longitude() - 360 : longitude();
        double estimate = marchEquinox + degrees * 365.2422 / 360;
        return Astronomy.instant(Astronomy.universal(Astronomy.whenSolarLongitude(longitude(), estimate)));
    }

    /** The day of this term in a Gregorian year, in China Standard Time. */
    public LocalDate dateIn(int year) {
        return LocalDate.ofInstant(instantIn(year), CHINA);
    }

    /** A term by its Chinese name (白露) or its constant's name (WHITE_DEW, any case). */
    public static SolarTerm parse(String text) {
        String name = text == null ? "" : text.strip();
        return Arrays.stream(values())
                .filter(term -> term.chinese.equals(name) || term.name().equals(name.toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no solar term called '" + name
                        + "': use one of the 24, such as 立秋, 白露 or 冬至"));
    }

    static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("the calendar is kept for the years " + FIRST_YEAR + " to "
                    + LAST_YEAR);
        }
    }
}
