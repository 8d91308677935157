package com.customerledger.events.calendar;

/**
 * A day of the Chinese lunisolar calendar (农历): the lunar year (the one that begins at 春节 of that Gregorian
 * year), its month 1–12, whether that month is the leap month (闰月) that repeats it, and the day 1–30.
 */
public record LunarDate(int year, int month, boolean leapMonth, int day) {

    public LunarDate {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("a lunar month is 1 to 12");
        }
        if (day < 1 || day > 30) {
            throw new IllegalArgumentException("a lunar day is 1 to 30");
        }
    }

    @Override
    public String toString() {
        return year + "-" + (leapMonth ? "闰" : "") + month + "-" + day;
    }
}
