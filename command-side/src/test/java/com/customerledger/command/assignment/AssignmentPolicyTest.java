package com.customerledger.command.assignment;

import static com.customerledger.command.Actors.ADMIN;
import static com.customerledger.command.Actors.MANAGER;
import static com.customerledger.command.Rejections.rejectedWith;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.LookupTables;
import com.customerledger.events.AssignmentPolicyPublishedEvent;
import com.customerledger.events.AssignmentRule;
import com.customerledger.events.AssignmentStrategy;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Region;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssignmentPolicyTest {

    private static final Region SHANDONG = new Region("山东省", null, null);
    private FixtureConfiguration<AssignmentPolicy> fixture;

    @BeforeEach
    void setUp() {
        LookupTables lookups = new LookupTables().withRep("rep-a", 10).withRep("rep-b", 10);
        fixture = new AggregateTestFixture<>(AssignmentPolicy.class);
        fixture.registerInjectableResource(lookups.repBook);
    }

    private static AssignmentRule rule(String id, String... candidates) {
        return new AssignmentRule(id, SHANDONG, CustomerType.FARM, null, candidates.length == 0, List.of(candidates),
                AssignmentStrategy.ROUND_ROBIN);
    }

    @Test
    void publishingCountsVersionsAndNamesUnnamedRules() {
        fixture.givenNoPriorActivity()
                .when(PublishAssignmentPolicyCommand.of(List.of(rule(null, "rep-a", "rep-b"), rule(null)), ADMIN))
                .expectEvents(new AssignmentPolicyPublishedEvent(1, List.of(rule("rule-1", "rep-a", "rep-b"), rule("rule-2")),
                        "admin"))
                .expectResultMessagePayload(1);
        fixture.given(new AssignmentPolicyPublishedEvent(1, List.of(rule("rule-1", "rep-a")), "admin"))
                .when(PublishAssignmentPolicyCommand.of(List.of(), ADMIN))
                .expectEvents(new AssignmentPolicyPublishedEvent(2, List.of(), "admin"))
                .expectResultMessagePayload(2);
    }

    @Test
    void cannotUseOneRuleIdTwice() {
        fixture.givenNoPriorActivity()
                .when(PublishAssignmentPolicyCommand.of(List.of(rule("x", "rep-a"), rule("x", "rep-b")), ADMIN))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.INVALID_POLICY));
    }

    @Test
    void cannotNameUnknownRep() {
        fixture.givenNoPriorActivity()
                .when(PublishAssignmentPolicyCommand.of(List.of(rule("x", "rep-zz")), ADMIN))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.REP_NOT_FOUND));
    }

    @Test
    void onlyAdminsPublish() {
        fixture.givenNoPriorActivity()
                .when(PublishAssignmentPolicyCommand.of(List.of(rule("x", "rep-a")), MANAGER))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
    }
}
