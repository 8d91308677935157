package com.customerledger.query.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnershipTimelineTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant T3 = Instant.parse("2026-04-01T00:00:00Z");

    /** Registered to A at T0 (recorded T0); transferred to B effective T1 but recorded only at T2; released at T3. */
    private static final List<OwnershipRecord> RECORDS = List.of(
            new OwnershipRecord(0, "e0", null, "rep-a", "REGISTERED", T0, T0, "manager", null, null, null),
            new OwnershipRecord(1, "e1", "rep-a", "rep-b", "DISPUTE", T1, T2, "manager", null, null, null),
            new OwnershipRecord(2, "e2", "rep-b", null, "RELEASE", T3, T3, "rep-b", null, null, null));

    @Test
    void periodsFollowEffectiveTimeAndIncludePoolPeriods() {
        List<OwnershipPeriod> periods = OwnershipTimeline.periods(RECORDS, null);
        assertThat(periods).extracting(OwnershipPeriod::repId).containsExactly("rep-a", "rep-b", null);
        assertThat(periods).extracting(OwnershipPeriod::from).containsExactly(T0, T1, T3);
        assertThat(periods).extracting(OwnershipPeriod::to).containsExactly(T1, T3, null);
        assertThat(periods.get(1).recordedAt()).isEqualTo(T2);
        assertThat(periods.get(1).reason()).isEqualTo("DISPUTE");
    }

    @Test
    void asOfBeforeBackdatedTransferNamesOldOwner() {
        List<OwnershipPeriod> periods = OwnershipTimeline.periods(RECORDS, null);
        assertThat(OwnershipTimeline.at(periods, T1.minusSeconds(1))).get().extracting(OwnershipPeriod::repId).isEqualTo("rep-a");
        assertThat(OwnershipTimeline.at(periods, T1)).get().extracting(OwnershipPeriod::repId).isEqualTo("rep-b");
    }

    @Test
    void knownAtBeforeRecordingNamesOldOwnerEvenAfterEffectiveTime() {
        List<OwnershipPeriod> known = OwnershipTimeline.periods(RECORDS, T2.minusSeconds(1));
        assertThat(known).hasSize(1);
        assertThat(OwnershipTimeline.at(known, T1.plusSeconds(60))).get().extracting(OwnershipPeriod::repId).isEqualTo("rep-a");
    }

    @Test
    void nothingIsOwnedBeforeRegistration() {
        assertThat(OwnershipTimeline.at(OwnershipTimeline.periods(RECORDS, null), T0.minusSeconds(1))).isEmpty();
    }

    @Test
    void aReversalVoidsTheChangeFromWhenItWasRecorded() {
        Instant t4 = Instant.parse("2026-05-01T00:00:00Z");
        List<OwnershipRecord> records = List.of(
                new OwnershipRecord(0, "e0", null, "rep-a", "REGISTERED", T0, T0, "manager", null, null, null),
                new OwnershipRecord(1, "e1", "rep-a", "rep-b", "MANUAL", T1, T1, "manager", null, null, null),
                new OwnershipRecord(2, "e2", "rep-b", "rep-a", "wrong rep", T0, t4, "manager", null, null, "e1"));
        List<OwnershipPeriod> now = OwnershipTimeline.periods(records, null);
        assertThat(now).extracting(OwnershipPeriod::repId).containsExactly("rep-a");
        assertThat(now.get(0).to()).isNull();
        List<OwnershipPeriod> before = OwnershipTimeline.periods(records, t4.minusSeconds(1));
        assertThat(before).extracting(OwnershipPeriod::repId).containsExactly("rep-a", "rep-b");
    }
}
