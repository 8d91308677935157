package com.customerledger.events.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lunar calendar against the published dates of 春节, 端午, 中秋 and the leap months of recent years. */
class ChineseCalendarTest {

    @ParameterizedTest(name = "春节 {0}: {1}")
    @CsvSource({
            "2019, 2019-02-05", "2020, 2020-01-25", "2021, 2021-02-12", "2022, 2022-02-01",
            "2023, 2023-01-22", "2024, 2024-02-10", "2025, 2025-01-29", "2026, 2026-02-17",
            "2027, 2027-02-06", "2028, 2028-01-26", "2029, 2029-02-13", "2030, 2030-02-03",
            "2033, 2033-01-31", "2034, 2034-02-19",
    })
    void springFestival(int year, LocalDate published) {
        assertThat(ChineseCalendar.solar(new LunarDate(year, 1, false, 1))).contains(published);
        assertThat(ChineseCalendar.lunar(published)).isEqualTo(new LunarDate(year, 1, false, 1));
        assertThat(ChineseCalendar.lunar(published.minusDays(1)).year()).isEqualTo(year - 1);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "中秋 2020, 2020-10-01, 8, 15", "中秋 2021, 2021-09-21, 8, 15", "中秋 2022, 2022-09-10, 8, 15",
            "中秋 2023, 2023-09-29, 8, 15", "中秋 2024, 2024-09-17, 8, 15", "中秋 2025, 2025-10-06, 8, 15",
            "中秋 2026, 2026-09-25, 8, 15", "端午 2023, 2023-06-22, 5, 5", "端午 2024, 2024-06-10, 5, 5",
            "端午 2025, 2025-05-31, 5, 5",
    })
    void festivals(String festival, LocalDate published, int month, int day) {
        LunarDate lunar = ChineseCalendar.lunar(published);
        assertThat(lunar.month()).isEqualTo(month);
        assertThat(lunar.day()).isEqualTo(day);
        assertThat(lunar.leapMonth()).isFalse();
        assertThat(ChineseCalendar.anniversary(published.getYear(), month, day)).isEqualTo(published);
    }

    @ParameterizedTest(name = "{0}: 闰{1}月 from {2}")
    @CsvSource({
            "2017, 6, 2017-07-23", "2020, 4, 2020-05-23", "2023, 2, 2023-03-22", "2025, 6, 2025-07-25",
            "2033, 11, 2033-12-22",
    })
    void leapMonths(int year, int month, LocalDate firstDay) {
        assertThat(ChineseCalendar.leapMonth(year)).contains(month);
        assertThat(ChineseCalendar.lunar(firstDay)).isEqualTo(new LunarDate(year, month, true, 1));
        assertThat(ChineseCalendar.lunar(firstDay.minusDays(1)).leapMonth()).isFalse();
    }

    @Test
    void yearsWithoutALeapMonthHaveNone() {
        assertThat(ChineseCalendar.leapMonth(2024)).isEmpty();
        assertThat(ChineseCalendar.leapMonth(2026)).isEmpty();
        assertThat(ChineseCalendar.solar(new LunarDate(2024, 6, true, 1))).isEmpty();
    }

    @Test
    void everyDayConvertsBackToItself() {
        for (LocalDate day = LocalDate.of(1990, 1, 1); day.isBefore(LocalDate.of(2100, 1, 1));
                day = day.plusDays(1)) {
            assertThat(ChineseCalendar.solar(ChineseCalendar.lunar(day))).contains(day);
        }
    }

    @Test
    void aBirthdayOnTheThirtiethFallsOnTheLastDayOfAShortMonth() {
        // 2025's 12th lunar month has 29 days (2026-01-19 to 2026-02-16): 腊月三十 is then 腊月二十九
        LocalDate lastDay = ChineseCalendar.anniversary(2025, 12, 30);
        assertThat(lastDay).isEqualTo(LocalDate.of(2026, 2, 16));
        assertThat(ChineseCalendar.lunar(lastDay)).isEqualTo(new LunarDate(2025, 12, false, 29));
        assertThat(ChineseCalendar.solar(new LunarDate(2025, 12, false, 30))).isEmpty();
    }
}
