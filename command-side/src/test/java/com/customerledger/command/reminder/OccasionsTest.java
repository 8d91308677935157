package com.customerledger.command.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.events.calendar.SolarTerm;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When birthdays and solar terms come near, against published dates. */
class OccasionsTest {

    @Test
    void aSolarBirthdayComesNearItsDaysBeforeAndNotEarlier() {
        LocalDate today = LocalDate.of(2026, 3, 10);
        assertThat(Occasions.birthday("03-13", false, today, 3)).contains(LocalDate.of(2026, 3, 13));
        assertThat(Occasions.birthday("03-14", false, today, 3)).isEmpty();
        assertThat(Occasions.birthday("03-10", false, today, 0)).contains(today);
        // passed this year: next year's is far
        assertThat(Occasions.birthday("03-09", false, today, 3)).isEmpty();
        assertThat(Occasions.birthday("01-01", false, LocalDate.of(2026, 12, 30), 3)).contains(LocalDate.of(2027, 1, 1));
    }

    @Test
    void aLeapDayBirthdayIsKeptOnTheTwentyEighthInOtherYears() {
        assertThat(Occasions.birthday("02-29", false, LocalDate.of(2027, 2, 26), 3)).contains(LocalDate.of(2027, 2, 28));
        assertThat(Occasions.birthday("02-29", false, LocalDate.of(2028, 2, 26), 3)).contains(LocalDate.of(2028, 2, 29));
    }

    @Test
    void aLunarBirthdayFallsOnItsLunarDayOfTheYear() {
        // 八月十五 is 中秋: 2025-10-06, 2026-09-25 (published)
        assertThat(Occasions.birthday("08-15", true, LocalDate.of(2025, 10, 1), 7)).contains(LocalDate.of(2025, 10, 6));
        assertThat(Occasions.birthday("08-15", true, LocalDate.of(2026, 9, 20), 7)).contains(LocalDate.of(2026, 9, 25));
        assertThat(Occasions.birthday("08-15", true, LocalDate.of(2026, 9, 10), 7)).isEmpty();
        // 正月初一 is 春节: 2026-02-17, seen from the end of the lunar year before
        assertThat(Occasions.birthday("01-01", true, LocalDate.of(2026, 2, 12), 7)).contains(LocalDate.of(2026, 2, 17));
        // 腊月三十 in a year whose 12th month has 29 days is its last day, 腊月二十九 (2026-02-16)
        assertThat(Occasions.birthday("12-30", true, LocalDate.of(2026, 2, 10), 7)).contains(LocalDate.of(2026, 2, 16));
    }

    @Test
    void aSolarTermCampaignComesDaysBeforeTheTermsDayInChina() {
        // 白露 2025-09-07 16:52 CST, 冬至 2026-12-22 04:50 CST (published)
        assertThat(Occasions.solarTerm(SolarTerm.WHITE_DEW, LocalDate.of(2025, 8, 31), 7)).contains(LocalDate.of(2025, 9, 7));
        assertThat(Occasions.solarTerm(SolarTerm.WHITE_DEW, LocalDate.of(2025, 8, 30), 7)).isEmpty();
        assertThat(Occasions.solarTerm(SolarTerm.WINTER_SOLSTICE, LocalDate.of(2026, 12, 15), 7))
                .contains(LocalDate.of(2026, 12, 22));
        // once the day has passed, the next is a year away
        assertThat(Occasions.solarTerm(SolarTerm.WHITE_DEW, LocalDate.of(2025, 9, 8), 7)).isEqualTo(Optional.empty());
    }
}
