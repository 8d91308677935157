package com.customerledger.command.order;

import static com.customerledger.command.Actors.MANAGER;
import static com.customerledger.command.Actors.rep;
import static com.customerledger.command.Rejections.rejectedWith;

import com.customerledger.command.Actor;
import com.customerledger.command.ErrorCode;
import com.customerledger.command.LookupTables;
import com.customerledger.command.Role;
import com.customerledger.command.credit.CreditLedger;
import com.customerledger.command.pricing.PricingRules;
import com.customerledger.command.pricing.ProductCatalog;
import com.customerledger.events.Decision;
import com.customerledger.events.order.OrderApprovedEvent;
import com.customerledger.events.order.OrderAwaitingApprovalEvent;
import com.customerledger.events.order.OrderDispatchedEvent;
import com.customerledger.events.order.OrderLine;
import com.customerledger.events.order.OrderStep;
import com.customerledger.events.order.OrderStepApprovedEvent;
import com.customerledger.events.order.OrderSubmittedEvent;
import com.customerledger.events.pricing.ProductUnit;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final Actor FINANCE = new Actor("finance", null, Set.of(Role.FINANCE));
    private static final Actor WAREHOUSE = new Actor("warehouse", null, Set.of(Role.WAREHOUSE));
    private static final BigDecimal PRICE = new BigDecimal("168.00");
    private static final OrderLine LINE = new OrderLine("grower", "feed", ProductUnit.BAG, BigDecimal.TEN, PRICE, PRICE, null,
            PRICE);
    private static final OrderSubmittedEvent SUBMITTED = new OrderSubmittedEvent("o1", "c-farm", "rep-a", List.of(LINE),
            new BigDecimal("1680.00"), 0, null, "rep-a");

    private AggregateTestFixture<Order> fixture;
    private LookupTables lookups;

    @BeforeEach
    void setUp() {
        lookups = new LookupTables().withRep("rep-a", 10);
        lookups.jdbc.update("INSERT INTO customer_owner (customer_id, owner_rep_id, customer_type) VALUES ('c-farm', 'rep-a', 'FARM')");
        ProductCatalog catalog = new ProductCatalog(lookups.jdbc);
        lookups.jdbc.update("INSERT INTO product_catalog (product_id, name, product_line, unit, list_price) "
                + "VALUES ('grower', '猪用生长料', 'feed', 'BAG', '168.00')");
        fixture = new AggregateTestFixture<>(Order.class);
        lookups.serve(fixture);
        fixture.registerInjectableResource(catalog);
        fixture.registerInjectableResource(new PricingRules(lookups.jdbc));
        fixture.registerInjectableResource(new CreditLedger(lookups.jdbc));
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2026-11-30T00:00:00Z"), ZoneOffset.UTC));
    }

    private void limit(String amount) {
        lookups.jdbc.update("INSERT INTO credit_account (customer_id, credit_limit, payment_term_days) VALUES ('c-farm', ?, 30)",
                amount);
    }

    private static SubmitOrderCommand submit(Actor actor, BigDecimal unitPrice) {
        return new SubmitOrderCommand(new OrderId("o1"), "c-farm", List.of(new SubmitOrderCommand.Line("grower",
                BigDecimal.TEN, unitPrice)), null, actor);
    }

    @Test
    void anOrderWithinTheCreditIsApprovedAtOnce() {
        limit("5000");
        fixture.givenNoPriorActivity().when(submit(rep("rep-a"), null))
                .expectEvents(SUBMITTED, new OrderApprovedEvent("o1", "c-farm", new BigDecimal("1680.00"), false));
    }

    @Test
    void anOrderAboveTheCreditWaitsForFinanceWhoMayApproveTheOverrun() {
        fixture.givenNoPriorActivity().when(submit(rep("rep-a"), null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.<Object>exactSequenceOf(org.hamcrest.CoreMatchers.anything(),
                        Matchers.<Object>predicate(payload -> payload instanceof OrderAwaitingApprovalEvent waiting
                                && waiting.step() == OrderStep.CREDIT), Matchers.andNoMore())));
        OrderAwaitingApprovalEvent waiting = new OrderAwaitingApprovalEvent("o1", "c-farm", OrderStep.CREDIT, "over");
        fixture.given(SUBMITTED, waiting).when(new DecideOrderStepCommand(new OrderId("o1"), OrderStep.CREDIT,
                        Decision.APPROVE, null, MANAGER))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
        fixture.given(SUBMITTED, waiting).when(new DecideOrderStepCommand(new OrderId("o1"), OrderStep.CREDIT,
                        Decision.APPROVE, "ok", FINANCE))
                .expectEvents(new OrderStepApprovedEvent("o1", "c-farm", OrderStep.CREDIT, "ok", "finance"),
                        new OrderApprovedEvent("o1", "c-farm", new BigDecimal("1680.00"), true));
    }

    @Test
    void aPriceBelowPolicyWaitsForAManagerBeforeTheCreditCheck() {
        limit("5000");
        fixture.givenNoPriorActivity().when(submit(rep("rep-a"), new BigDecimal("150.00")))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.<Object>exactSequenceOf(org.hamcrest.CoreMatchers.anything(),
                        Matchers.<Object>predicate(payload -> payload instanceof OrderAwaitingApprovalEvent waiting
                                && waiting.step() == OrderStep.PRICE), Matchers.andNoMore())));
    }

    @Test
    void cannotOrderForAnotherRepsCustomerNorDispatchOutOfOrder() {
        fixture.givenNoPriorActivity().when(submit(rep("rep-b"), null)).expectNoEvents()
                .expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
        fixture.given(SUBMITTED).when(new DispatchOrderCommand(new OrderId("o1"), "SF1", null, WAREHOUSE)).expectNoEvents()
                .expectException(rejectedWith(ErrorCode.ORDER_OUT_OF_ORDER));
        OrderApprovedEvent approved = new OrderApprovedEvent("o1", "c-farm", new BigDecimal("1680.00"), false);
        fixture.given(SUBMITTED, approved).when(new DispatchOrderCommand(new OrderId("o1"), "SF1", null, rep("rep-a")))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
        fixture.given(SUBMITTED, approved).when(new DispatchOrderCommand(new OrderId("o1"), "SF1", null, WAREHOUSE))
                .expectEvents(new OrderDispatchedEvent("o1", "c-farm", "SF1", null, "warehouse"));
        fixture.given(SUBMITTED, approved, new OrderDispatchedEvent("o1", "c-farm", "SF1", null, "warehouse"))
                .when(new CancelOrderCommand(new OrderId("o1"), null, rep("rep-a")))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.ORDER_OUT_OF_ORDER));
    }
}
