package com.customerledger.command.opportunity;

import static com.customerledger.command.Actors.MANAGER;
import static com.customerledger.command.Actors.rep;
import static com.customerledger.command.Rejections.rejectedWith;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.EventFeed;
import com.customerledger.command.LookupTables;
import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerRegisteredEvent;
import com.customerledger.events.CustomerType;
import com.customerledger.events.OpportunityAdvancedEvent;
import com.customerledger.events.OpportunityOpenedEvent;
import com.customerledger.events.OpportunityStage;
import com.customerledger.events.Region;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpportunityTest {

    private static final Region WEIFANG = new Region("山东省", "潍坊市", "寿光市");
    private static final OpportunityOpenedEvent OPENED = new OpportunityOpenedEvent("o1", "c1", "feed",
            new BigDecimal("20000"), "rep-a", WEIFANG, "rep-a");

    private FixtureConfiguration<Opportunity> fixture;

    @BeforeEach
    void setUp() {
        LookupTables lookups = new LookupTables().withRep("rep-a", 10).withRep("rep-b", 10);
        EventFeed.feed(lookups.repBook, CustomerRegisteredEvent.byPerson("c1", new CustomerProfile("漏斗养殖场",
                CustomerType.FARM, WEIFANG, null, null, null, List.of(), null, List.of(), List.of(), List.of(), null),
                "rep-a", Instant.parse("2026-01-01T00:00:00Z"), "manager"));
        fixture = new AggregateTestFixture<>(Opportunity.class);
        fixture.registerInjectableResource(lookups.repBook);
    }

    private static AdvanceOpportunityCommand to(OpportunityStage stage) {
        return new AdvanceOpportunityCommand(new OpportunityId("o1"), stage, "寄了两袋样品", null, rep("rep-a"));
    }

    @Test
    void ownerOpensAnOpportunityAtLeadWithTheCustomersOwnerAndRegion() {
        fixture.givenNoPriorActivity()
                .when(new OpenOpportunityCommand(new OpportunityId("o1"), "c1", "feed", new BigDecimal("20000"), rep("rep-a")))
                .expectEvents(OPENED);
    }

    @Test
    void stagesOnlyMoveForwardAndMaySkip() {
        fixture.given(OPENED)
                .when(to(OpportunityStage.SAMPLE_SENT))
                .expectEvents(new OpportunityAdvancedEvent("o1", "c1", OpportunityStage.LEAD, OpportunityStage.SAMPLE_SENT,
                        "寄了两袋样品", null, "rep-a"));
        fixture.given(OPENED, new OpportunityAdvancedEvent("o1", "c1", OpportunityStage.LEAD, OpportunityStage.QUOTED,
                        null, null, "rep-a"))
                .when(to(OpportunityStage.VISITED))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.STAGE_BACKWARDS));
    }

    @Test
    void aClosedOpportunityDoesNotMove() {
        fixture.given(OPENED, new OpportunityAdvancedEvent("o1", "c1", OpportunityStage.LEAD, OpportunityStage.WON, null,
                        new BigDecimal("18000"), "rep-a"))
                .when(new AdvanceOpportunityCommand(new OpportunityId("o1"), OpportunityStage.LOST, "x", null, MANAGER))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.OPPORTUNITY_CLOSED));
    }

    @Test
    void winningRecordsTheAmount() {
        fixture.given(OPENED)
                .when(new AdvanceOpportunityCommand(new OpportunityId("o1"), OpportunityStage.WON, null,
                        new BigDecimal("18000"), MANAGER))
                .expectEvents(new OpportunityAdvancedEvent("o1", "c1", OpportunityStage.LEAD, OpportunityStage.WON, null,
                        new BigDecimal("18000"), "manager"));
    }

    @Test
    void strangersMayNotWorkTheOpportunityAndUnknownCustomersHaveNone() {
        fixture.given(OPENED).when(new AdvanceOpportunityCommand(new OpportunityId("o1"), OpportunityStage.VISITED, null,
                        null, rep("rep-b")))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
        fixture.givenNoPriorActivity()
                .when(new OpenOpportunityCommand(new OpportunityId("o1"), "nobody", "feed", null, MANAGER))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.CUSTOMER_NOT_FOUND));
    }
}
