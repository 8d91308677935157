package com.customerledger.events.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Solar terms against published instants: the equinoxes and solstices of the US Naval Observatory (UTC, to the
 * minute) and terms the Purple Mountain Observatory / Hong Kong Observatory publish in Beijing time, among them
 * the 冬至 of 2021 at 23:59, a minute before the day would change.
 */
class SolarTermTest {

    private static final Duration TOLERANCE = Duration.ofMinutes(2);

    @ParameterizedTest(name = "{0} {1}: {2} UTC")
    @CsvSource({
            "SPRING_EQUINOX, 2022, 2022-03-20T15:33:00Z",
            "SUMMER_SOLSTICE, 2022, 2022-06-21T09:14:00Z",
            "AUTUMN_EQUINOX, 2022, 2022-09-23T01:04:00Z",
            "WINTER_SOLSTICE, 2022, 2022-12-21T21:48:00Z",
            "SPRING_EQUINOX, 2023, 2023-03-20T21:24:00Z",
            "SUMMER_SOLSTICE, 2023, 2023-06-21T14:58:00Z",
            "AUTUMN_EQUINOX, 2023, 2023-09-23T06:50:00Z",
            "WINTER_SOLSTICE, 2023, 2023-12-22T03:27:00Z",
            "SPRING_EQUINOX, 2024, 2024-03-20T03:06:00Z",
            "SUMMER_SOLSTICE, 2024, 2024-06-20T20:51:00Z",
            "AUTUMN_EQUINOX, 2024, 2024-09-22T12:44:00Z",
            "WINTER_SOLSTICE, 2024, 2024-12-21T09:21:00Z",
            "SPRING_EQUINOX, 2025, 2025-03-20T09:01:00Z",
            "SUMMER_SOLSTICE, 2025, 2025-06-21T02:42:00Z",
            "AUTUMN_EQUINOX, 2025, 2025-09-22T18:19:00Z",
            "WINTER_SOLSTICE, 2025, 2025-12-21T15:03:00Z",
            "SPRING_EQUINOX, 2026, 2026-03-20T14:46:00Z",
            "SUMMER_SOLSTICE, 2026, 2026-06-21T08:24:00Z",
            "AUTUMN_EQUINOX, 2026, 2026-09-23T00:05:00Z",
            "WINTER_SOLSTICE, 2026, 2026-12-21T20:50:00Z",
    })
    void equinoxesAndSolsticesAsTheNavalObservatoryGivesThem(SolarTerm term, int year, Instant published) {
        assertThat(Duration.between(published, term.instantIn(year)).abs()).isLessThan(TOLERANCE);
    }

    @ParameterizedTest(name = "{0} {1}: {2} Beijing")
    @CsvSource({
            "立春, 2024, 2024-02-04T16:27",
            "立春, 2025, 2025-02-03T22:10",
            "立秋, 2025, 2025-08-07T13:51",
            "白露, 2024, 2024-09-07T11:11",
            "白露, 2025, 2025-09-07T16:52",
            "立秋, 2024, 2024-08-07T08:09",
            "冬至, 2020, 2020-12-21T18:02",
            "冬至, 2021, 2021-12-21T23:59",
            "冬至, 2022, 2022-12-22T05:48",
            "冬至, 2023, 2023-12-22T11:27",
            "冬至, 2024, 2024-12-21T17:21",
            "冬至, 2025, 2025-12-21T23:03",
    })
    void termsInBeijingTime(String name, int year, LocalDateTime published) {
        SolarTerm term = SolarTerm.parse(name);
        Instant instant = published.toInstant(SolarTerm.CHINA);
        assertThat(Duration.between(instant, term.instantIn(year)).abs()).isLessThan(TOLERANCE);
        assertThat(term.dateIn(year)).isEqualTo(published.toLocalDate());
    }

    @Test
    void theTermsOfAYearFallInOrderAboutFifteenDaysApart() {
        for (int year = SolarTerm.FIRST_YEAR; year <= SolarTerm.LAST_YEAR; year++) {
            Instant previous = null;
            for (SolarTerm term : SolarTerm.values()) {
                Instant instant = term.instantIn(year);
                assertThat(instant.atOffset(java.time.ZoneOffset.UTC).getYear()).isEqualTo(year);
                if (previous != null) {
                    assertThat(Duration.between(previous, instant).toHours()).isBetween(14L * 24, 16L * 24);
                }
                previous = instant;
            }
        }
    }

    @Test
    void namesAreReadInChineseOrAsConstants() {
        assertThat(SolarTerm.parse("白露")).isEqualTo(SolarTerm.WHITE_DEW);
        assertThat(SolarTerm.parse("start_of_autumn")).isEqualTo(SolarTerm.START_OF_AUTUMN);
        assertThat(SolarTerm.WINTER_SOLSTICE.longitude()).isEqualTo(270);
        assertThat(SolarTerm.SPRING_EQUINOX.principal()).isTrue();
        assertThat(SolarTerm.START_OF_AUTUMN.principal()).isFalse();
        assertThatThrownBy(() -> SolarTerm.parse("白鹭")).hasMessageContaining("no solar term called '白鹭'");
        assertThatThrownBy(() -> SolarTerm.WHITE_DEW.dateIn(1900)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDateIsTheDayInChinaNotInUtc() {
        // 2025's 冬至 is at 15:03 UTC, 23:03 in Beijing: the same day either way; 2021's is 15:59 UTC on the 21st
        assertThat(SolarTerm.WINTER_SOLSTICE.dateIn(2021)).isEqualTo(LocalDate.of(2021, 12, 21));
        // 2025's 立春 is 14:10 UTC on 3 February, 22:10 in Beijing on the same day
        assertThat(SolarTerm.START_OF_SPRING.dateIn(2025)).isEqualTo(LocalDate.of(2025, 2, 3));
    }
}
