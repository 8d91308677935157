package com.customerledger.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SalesPeriodTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Test
    void monthsQuartersAndYearsSpanTheirCalendarDaysInUtc() {
        SalesPeriod february = SalesPeriod.parse("2028-02");
        assertThat(february.from(UTC)).isEqualTo(Instant.parse("2028-02-01T00:00:00Z"));
        assertThat(february.to(UTC)).as("a leap year").isEqualTo(Instant.parse("2028-03-01T00:00:00Z"));
        SalesPeriod q4 = SalesPeriod.parse(" 2026-Q4 ");
        assertThat(q4.from(UTC)).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(q4.to(UTC)).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(q4.contains(Instant.parse("2026-12-31T23:59:59.999Z"), UTC)).isTrue();
        assertThat(q4.contains(Instant.parse("2027-01-01T00:00:00Z"), UTC)).isFalse();
        assertThat(q4.contains(Instant.parse("2026-10-01T00:00:00Z"), UTC)).isTrue();
        SalesPeriod year = SalesPeriod.parse("2026");
        assertThat(year.from(UTC)).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(year.to(UTC)).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(SalesPeriod.parse("2026-Q1").toString()).isEqualTo("2026-Q1");
        assertThat(SalesPeriod.parse("2026-03").toString()).isEqualTo("2026-03");
        assertThat(SalesPeriod.parse("2026").toString()).isEqualTo("2026");
    }

    @Test
    void aPeriodRunsFromMidnightToMidnightInTheLedgersZone() {
        SalesPeriod october = SalesPeriod.parse("2026-10");
        assertThat(october.from(BEIJING)).isEqualTo(Instant.parse("2026-09-30T16:00:00Z"));
        assertThat(october.to(BEIJING)).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        // a delivery at 02:00 on 1 October in Beijing is October's, though it is still September in UTC
        Instant earlyOnTheFirst = Instant.parse("2026-09-30T18:00:00Z");
        assertThat(october.contains(earlyOnTheFirst, BEIJING)).isTrue();
        assertThat(SalesPeriod.parse("2026-09").contains(earlyOnTheFirst, BEIJING)).isFalse();
        assertThat(SalesPeriod.parse("2026-09").contains(earlyOnTheFirst, UTC)).isTrue();
        assertThat(SalesPeriod.parse("2027").from(BEIJING)).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {"2026-13", "2026-00", "2026-Q5", "2026-Q0", "26-11", "2026-1", "1899", "2200",
                "2026/11", "", "Q4-2026", "２０２６"}) {
            assertThatThrownBy(() -> SalesPeriod.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> SalesPeriod.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
