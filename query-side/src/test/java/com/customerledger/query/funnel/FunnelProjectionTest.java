package com.customerledger.query.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.events.OpportunityAdvancedEvent;
import com.customerledger.events.OpportunityOpenedEvent;
import com.customerledger.events.OpportunityStage;
import com.customerledger.events.Region;
import com.customerledger.query.MongoFixture;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The funnel from known input: exact counts, conversion rates and medians, timed by event timestamps. */
class FunnelProjectionTest {

    private static final Instant DAY0 = Instant.parse("2026-06-01T00:00:00Z");
    private MongoFixture mongo;
    private FunnelProjection funnel;

    @BeforeEach
    void setUp() {
        mongo = new MongoFixture();
        funnel = new FunnelProjection(mongo.template());
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private void open(String id, String rep, int day) {
        mongo.feedAt(funnel, 0, new OpportunityOpenedEvent(id, "c-" + id, "feed", new BigDecimal("5000"), rep,
                new Region("山东省", "潍坊市", null), "manager"), day(day));
    }

    private void move(String id, long sequence, OpportunityStage from, OpportunityStage to, int day, String amount) {
        mongo.feedAt(funnel, sequence, new OpportunityAdvancedEvent(id, "c-" + id, from, to, null,
                amount == null ? null : new BigDecimal(amount), "rep"), day(day));
    }

    private static Instant day(int day) {
        return DAY0.plus(Duration.ofDays(day));
    }

    @Test
    void knownInputGivesExactConversionAndMedians() {
        // o1 goes all the way; o2 skips the sample and is lost after the quote; o3 is lost after a visit; o4 stays a lead
        open("o1", "rep-a", 0);
        move("o1", 1, OpportunityStage.LEAD, OpportunityStage.VISITED, 2, null);
        move("o1", 2, OpportunityStage.VISITED, OpportunityStage.SAMPLE_SENT, 5, null);
        move("o1", 3, OpportunityStage.SAMPLE_SENT, OpportunityStage.QUOTED, 6, null);
        move("o1", 4, OpportunityStage.QUOTED, OpportunityStage.WON, 10, "1000");
        open("o2", "rep-a", 0);
        move("o2", 1, OpportunityStage.LEAD, OpportunityStage.VISITED, 4, null);
        move("o2", 2, OpportunityStage.VISITED, OpportunityStage.QUOTED, 8, null);
        move("o2", 3, OpportunityStage.QUOTED, OpportunityStage.LOST, 9, null);
        open("o3", "rep-a", 0);
        move("o3", 1, OpportunityStage.LEAD, OpportunityStage.VISITED, 1, null);
        move("o3", 2, OpportunityStage.VISITED, OpportunityStage.LOST, 3, null);
        open("o4", "rep-a", 0);
        open("other", "rep-b", 0);
        // a redelivered event changes nothing
        move("o1", 2, OpportunityStage.VISITED, OpportunityStage.SAMPLE_SENT, 5, null);

        FunnelView view = funnel.handle(new FunnelQuery(day(0), day(1), "rep-a", null, null));
        assertThat(view.opportunities()).isEqualTo(4);
        assertThat(view.stages()).extracting(FunnelView.Stage::reached).containsExactly(4L, 3L, 2L, 2L, 1L);
        assertThat(view.stages()).extracting(FunnelView.Stage::conversionToNext)
                .containsExactly(0.75, 0.6667, 1.0, 0.5, null);
        assertThat(view.stages()).extracting(FunnelView.Stage::medianDaysInStage)
                .containsExactly(2.0, 3.0, 1.0, 2.5, null);
        assertThat(view.won()).isEqualTo(1);
        assertThat(view.lost()).isEqualTo(2);
        assertThat(view.wonValue()).isEqualByComparingTo("1000");

        assertThat(funnel.handle(new FunnelQuery(day(0), day(1), null, "山东省/潍坊市", "feed")).opportunities()).isEqualTo(5);
        assertThat(funnel.handle(new FunnelQuery(day(0), day(1), null, "河南省", null)).opportunities()).isZero();
        assertThat(funnel.handle(new FunnelQuery(day(1), day(2), null, null, null)).opportunities()).isZero();
        assertThat(funnel.openOf("c-o4")).extracting(OpportunitySummary::stage).containsExactly(OpportunityStage.LEAD);
        assertThat(funnel.openOf("c-o1")).isEmpty();
        FunnelView other = funnel.handle(new FunnelQuery(day(0), day(1), "rep-b", null, null));
        assertThat(other.stages()).extracting(FunnelView.Stage::reached).containsExactly(1L, 0L, 0L, 0L, 0L);
        assertThat(other.won()).isZero();
    }
}
