package com.customerledger.command.credit;

import static com.customerledger.command.Actors.ADMIN;
import static com.customerledger.command.Actors.MANAGER;
import static com.customerledger.command.Actors.rep;
import static com.customerledger.command.Rejections.rejectedWith;

import com.customerledger.command.Actor;
import com.customerledger.command.ErrorCode;
import com.customerledger.command.LookupTables;
import com.customerledger.command.Role;
import com.customerledger.events.Decision;
import com.customerledger.events.credit.CreditLimitRequestDecidedEvent;
import com.customerledger.events.credit.CreditLimitRequestedEvent;
import java.math.BigDecimal;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreditLimitRequestTest {

    private static final Actor FINANCE = new Actor("finance", null, Set.of(Role.FINANCE));
    private static final BigDecimal LIMIT = new BigDecimal("200000.00");
    private static final CreditLimitRequestedEvent ASKED = new CreditLimitRequestedEvent("cr1", "c-farm", LIMIT, 60, "春季备货",
            "rep-a");

    private AggregateTestFixture<CreditLimitRequest> fixture;

    @BeforeEach
    void setUp() {
        LookupTables lookups = new LookupTables().withRep("rep-a", 10);
        lookups.jdbc.update("INSERT INTO customer_owner (customer_id, owner_rep_id) VALUES ('c-farm', 'rep-a')");
        fixture = new AggregateTestFixture<>(CreditLimitRequest.class);
        lookups.serve(fixture);
    }

    private static RequestCreditLimitCommand ask(Actor actor, String customerId) {
        return new RequestCreditLimitCommand(new CreditRequestId("cr1"), customerId, LIMIT, 60, "春季备货", actor);
    }

    private static DecideCreditLimitRequestCommand decide(Decision decision, Actor actor) {
        return new DecideCreditLimitRequestCommand(new CreditRequestId("cr1"), decision, "ok", actor);
    }

    @Test
    void canAskAsTheOwnerAndRepeatTheSameRequest() {
        fixture.givenNoPriorActivity().when(ask(rep("rep-a"), "c-farm")).expectEvents(ASKED);
        fixture.given(ASKED).when(ask(rep("rep-a"), "c-farm")).expectNoEvents().expectResultMessagePayload("cr1");
    }

    @Test
    void cannotAskForAnotherRepsCustomerOrAnUnknownOne() {
        fixture.givenNoPriorActivity().when(ask(rep("rep-b"), "c-farm")).expectNoEvents()
                .expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
        fixture.givenNoPriorActivity().when(ask(MANAGER, "c-nobody")).expectNoEvents()
                .expectException(rejectedWith(ErrorCode.CUSTOMER_NOT_FOUND));
    }

    @Test
    void financeDecidesOnceAndNeverTheOneWhoAsked() {
        fixture.given(ASKED).when(decide(Decision.APPROVE, FINANCE)).expectEvents(new CreditLimitRequestDecidedEvent(
                "cr1", "c-farm", Decision.APPROVE, LIMIT, 60, "ok", "finance"));
        CreditLimitRequestedEvent byAdmin = new CreditLimitRequestedEvent("cr1", "c-farm", LIMIT, 60, "春季备货", "admin");
        fixture.given(byAdmin).when(decide(Decision.APPROVE, ADMIN)).expectNoEvents()
                .expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
        fixture.given(ASKED).when(decide(Decision.APPROVE, MANAGER)).expectNoEvents()
                .expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
        CreditLimitRequestDecidedEvent approved = new CreditLimitRequestDecidedEvent("cr1", "c-farm", Decision.APPROVE,
                LIMIT, 60, "ok", "finance");
        fixture.given(ASKED, approved).when(decide(Decision.REJECT, ADMIN)).expectNoEvents()
                .expectException(rejectedWith(ErrorCode.ALREADY_DECIDED));
        fixture.given(ASKED, approved).when(decide(Decision.APPROVE, FINANCE)).expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }
}
