package com.customerledger.command.ticket;

import static com.customerledger.command.Actors.MANAGER;
import static com.customerledger.command.Actors.rep;
import static com.customerledger.command.Rejections.rejectedWith;
import static com.customerledger.command.Rejections.withFact;

import com.customerledger.command.Actor;
import com.customerledger.command.ErrorCode;
import com.customerledger.command.EventFeed;
import com.customerledger.command.LookupTables;
import com.customerledger.command.Role;
import com.customerledger.command.expert.ExpertDesk;
import com.customerledger.command.knowledge.ArticleIndex;
import com.customerledger.events.Region;
import com.customerledger.events.expert.ExpertRegisteredEvent;
import com.customerledger.events.knowledge.ArticlePublishedEvent;
import com.customerledger.events.ticket.ServiceDeadline;
import com.customerledger.events.ticket.ServicePolicySetEvent;
import com.customerledger.events.ticket.TicketAssignedEvent;
import com.customerledger.events.ticket.TicketAwaitingAssignmentEvent;
import com.customerledger.events.ticket.TicketClosedEvent;
import com.customerledger.events.ticket.TicketEscalatedEvent;
import com.customerledger.events.ticket.TicketKind;
import com.customerledger.events.ticket.TicketOpenedEvent;
import com.customerledger.events.ticket.TicketReopenedEvent;
import com.customerledger.events.ticket.TicketResolvedEvent;
import com.customerledger.events.ticket.TicketRespondedEvent;
import com.customerledger.events.ticket.TicketSeverity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ticket's rules: who opens and works it, its lifecycle in order, and escalations once per missed deadline. */
class TicketTest {

    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
    private static final Instant FIRST_DUE = NOW.plus(Duration.ofHours(4));
    private static final Instant RESOLUTION_DUE = NOW.plus(Duration.ofDays(1));
    private static final Actor AGRO_A = new Actor("agro-a", null, Set.of(Role.AGRONOMIST));
    private static final Actor AGRO_B = new Actor("agro-b", null, Set.of(Role.AGRONOMIST));
    private static final Actor DEALER = new Actor("dealer", null, Set.of(Role.DEALER), "c-dealer");
    private static final TicketOpenedEvent OPENED = new TicketOpenedEvent("t1", "c-farm", TicketKind.AGRONOMY,
            TicketSeverity.URGENT, "黄叶", "大棚番茄叶片发黄", "番茄", null, "rep-a", FIRST_DUE, RESOLUTION_DUE, 1);
    private static final TicketAssignedEvent ASSIGNED = new TicketAssignedEvent("t1", "c-farm", "agro-a", null, 1, true,
            "covers 山东省/潍坊市/寿光市, knows 番茄, handles AGRONOMY, 0 of 10 open tickets", FIRST_DUE, "rep-a");
    private static final TicketRespondedEvent RESPONDED = new TicketRespondedEvent("t1", "c-farm", "agro-a", "先控水",
            true, NOW, "agro-a");
    private static final TicketResolvedEvent RESOLVED = new TicketResolvedEvent("t1", "c-farm", "agro-a", "补镁", null, NOW, "agro-a");

    private AggregateTestFixture<Ticket> fixture;
    private LookupTables lookups;

    @BeforeEach
    void setUp() {
        lookups = new LookupTables().withRep("rep-a", 10);
        lookups.jdbc.update("INSERT INTO customer_owner (customer_id, owner_rep_id, customer_type, province, city, county) "
                + "VALUES ('c-farm', 'rep-a', 'FARM', '山东省', '潍坊市', '寿光市')");
        lookups.jdbc.update("INSERT INTO customer_owner (customer_id, owner_rep_id, customer_type, province) "
                + "VALUES ('c-dealer', NULL, 'DEALER', '河南省')");
        ExpertDesk experts = new ExpertDesk(lookups.jdbc);
        EventFeed.feed(experts,
                new ExpertRegisteredEvent("agro-a", "王农艺师", List.of(new Region("山东省", null, null)), List.of("番茄"),
                        List.of(), List.of(TicketKind.AGRONOMY), 10, "admin"),
                new ExpertRegisteredEvent("agro-b", "李农艺师", List.of(new Region("山东省", null, null)), List.of(),
                        List.of(), List.of(), 10, "admin"));
        ServiceRules service = new ServiceRules(lookups.jdbc);
        EventFeed.feed(service, new ServicePolicySetEvent(1,
                Map.of(TicketSeverity.LOW, "P1D", TicketSeverity.NORMAL, "PT8H", TicketSeverity.HIGH, "PT6H",
                        TicketSeverity.URGENT, "PT4H"),
                Map.of(TicketSeverity.LOW, "P7D", TicketSeverity.NORMAL, "P3D", TicketSeverity.HIGH, "P2D",
                        TicketSeverity.URGENT, "P1D"), "admin"));
        ArticleIndex articles = new ArticleIndex(lookups.jdbc);
        EventFeed.feed(articles, new ArticlePublishedEvent("kb-1", "番茄缺镁", "叶脉间黄化…", List.of("番茄"), List.of(),
                List.of("缺素"), "agro-a"));
        fixture = new AggregateTestFixture<>(Ticket.class);
        lookups.serve(fixture);
        fixture.registerInjectableResource(experts);
        fixture.registerInjectableResource(service);
        fixture.registerInjectableResource(articles);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static OpenTicketCommand open(Actor actor) {
        return new OpenTicketCommand(new TicketId("t1"), "c-farm", TicketKind.AGRONOMY, TicketSeverity.URGENT, "黄叶",
                "大棚番茄叶片发黄", "番茄", null, actor);
    }

    @Test
    void theOwnerOpensATicketThatGoesToTheExpertWhoKnowsTheCropWithThePolicysDeadlines() {
        fixture.givenNoPriorActivity().when(open(rep("rep-a")))
                .expectEvents(OPENED, ASSIGNED)
                .expectResultMessagePayload(new TicketOutcome("t1", "agro-a", FIRST_DUE, RESOLUTION_DUE));
    }

    @Test
    void openingAgainWithTheSameDataAnswersTheSameAndAppendsNothing() {
        fixture.given(OPENED, ASSIGNED, new TicketAssignedEvent("t1", "c-farm", "agro-b", "agro-a", 2, false,
                        "reassigned by manager", FIRST_DUE, "manager"))
                .when(open(rep("rep-a")))
                .expectNoEvents()
                .expectResultMessagePayload(new TicketOutcome("t1", "agro-a", FIRST_DUE, RESOLUTION_DUE));
    }

    @Test
    void cannotReuseATicketIdForOtherData() {
        fixture.given(OPENED, ASSIGNED)
                .when(new OpenTicketCommand(new TicketId("t1"), "c-farm", TicketKind.QUALITY, TicketSeverity.LOW, "别的",
                        "别的", null, null, rep("rep-a")))
                .expectException(rejectedWith(ErrorCode.ID_ALREADY_USED)).expectNoEvents();
    }

    @Test
    void aTicketNoExpertCoversWaitsForAManager() {
        fixture.givenNoPriorActivity()
                .when(new OpenTicketCommand(new TicketId("t2"), "c-dealer", TicketKind.DELIVERY, TicketSeverity.NORMAL,
                        "少货", "少了两袋", null, null, DEALER))
                .expectEvents(new TicketOpenedEvent("t2", "c-dealer", TicketKind.DELIVERY, TicketSeverity.NORMAL, "少货",
                                "少了两袋", null, null, "dealer", NOW.plus(Duration.ofHours(8)), NOW.plus(Duration.ofDays(3)), 1),
                        new TicketAwaitingAssignmentEvent("t2", "c-dealer", "no expert covers 河南省"))
                .expectResultMessagePayload(new TicketOutcome("t2", null, NOW.plus(Duration.ofHours(8)),
                        NOW.plus(Duration.ofDays(3))));
    }

    @Test
    void cannotOpenATicketForSomeoneElsesCustomer() {
        fixture.givenNoPriorActivity().when(open(rep("rep-b")))
                .expectException(rejectedWith(ErrorCode.NOT_ALLOWED)).expectNoEvents();
        fixture.givenNoPriorActivity().when(open(AGRO_A))
                .expectException(rejectedWith(ErrorCode.NOT_ALLOWED)).expectNoEvents();
    }

    @Test
    void cannotOpenATicketForAnUnknownCustomer() {
        fixture.givenNoPriorActivity()
                .when(new OpenTicketCommand(new TicketId("t3"), "c-none", TicketKind.AGRONOMY, TicketSeverity.LOW, "问",
                        "问", null, null, MANAGER))
                .expectException(rejectedWith(ErrorCode.CUSTOMER_NOT_FOUND)).expectNoEvents();
    }

    @Test
    void theAssignedExpertsFirstResponseStartsTheWorkAndALaterOneIsNoFirst() {
        fixture.given(OPENED, ASSIGNED).when(new RespondToTicketCommand(new TicketId("t1"), "先控水", AGRO_A))
                .expectEvents(RESPONDED);
        fixture.given(OPENED, ASSIGNED, RESPONDED).when(new RespondToTicketCommand(new TicketId("t1"), "再看看", AGRO_A))
                .expectEvents(new TicketRespondedEvent("t1", "c-farm", "agro-a", "再看看", false, NOW, "agro-a"));
    }

    @Test
    void onlyTheAssignedExpertResponds() {
        fixture.given(OPENED, ASSIGNED).when(new RespondToTicketCommand(new TicketId("t1"), "我来", AGRO_B))
                .expectException(rejectedWith(ErrorCode.NOT_ALLOWED)).expectNoEvents();
        fixture.given(OPENED, ASSIGNED).when(new RespondToTicketCommand(new TicketId("t1"), "我来", MANAGER))
                .expectException(rejectedWith(ErrorCode.NOT_ALLOWED)).expectNoEvents();
    }

    @Test
    void cannotResolveBeforeTheFirstResponse() {
        fixture.given(OPENED, ASSIGNED).when(new ResolveTicketCommand(new TicketId("t1"), "补镁", null, AGRO_A))
                .expectException(rejectedWith(ErrorCode.TICKET_OUT_OF_ORDER))
                .expectExceptionDetails(withFact("ticketStatus", "ASSIGNED"))
                .expectNoEvents();
    }

    @Test
    void aResolutionCitesAnArticleThatExists() {
        fixture.given(OPENED, ASSIGNED, RESPONDED).when(new ResolveTicketCommand(new TicketId("t1"), "补镁", "kb-1", AGRO_A))
                .expectEvents(new TicketResolvedEvent("t1", "c-farm", "agro-a", "补镁", "kb-1", NOW, "agro-a"));
        fixture.given(OPENED, ASSIGNED, RESPONDED).when(new ResolveTicketCommand(new TicketId("t1"), "补镁", "kb-x", AGRO_A))
                .expectException(rejectedWith(ErrorCode.ARTICLE_NOT_FOUND)).expectNoEvents();
    }

    @Test
    void theCustomersSideClosesAResolvedTicketWithItsSatisfaction() {
        fixture.given(OPENED, ASSIGNED, RESPONDED, RESOLVED).when(new CloseTicketCommand(new TicketId("t1"), 5, rep("rep-a")))
                .expectEvents(new TicketClosedEvent("t1", "c-farm", 5, "rep-a"));
        fixture.given(OPENED, ASSIGNED, RESPONDED, RESOLVED).when(new CloseTicketCommand(new TicketId("t1"), 5, AGRO_A))
                .expectException(rejectedWith(ErrorCode.NOT_ALLOWED)).expectNoEvents();
        fixture.given(OPENED, ASSIGNED, RESPONDED, RESOLVED).when(new CloseTicketCommand(new TicketId("t1"), 6, MANAGER))
                .expectException(rejectedWith(ErrorCode.INVALID_INPUT)).expectNoEvents();
    }

    @Test
    void cannotCloseAnUnresolvedTicket() {
        fixture.given(OPENED, ASSIGNED, RESPONDED).when(new CloseTicketCommand(new TicketId("t1"), 4, MANAGER))
                .expectException(rejectedWith(ErrorCode.TICKET_OUT_OF_ORDER))
                .expectExceptionDetails(withFact("ticketStatus", "IN_PROGRESS")).expectNoEvents();
    }

    @Test
    void aClosedTicketReopensWithANewResolutionDeadlineAndGoesBackToItsExpert() {
        fixture.given(OPENED, ASSIGNED, RESPONDED, RESOLVED, new TicketClosedEvent("t1", "c-farm", 2, "rep-a"))
                .when(new ReopenTicketCommand(new TicketId("t1"), "又黄了", rep("rep-a")))
                .expectEvents(new TicketReopenedEvent("t1", "c-farm", "agro-a", "又黄了", NOW.plus(Duration.ofDays(1)), 1,
                        "rep-a"));
    }

    @Test
    void cannotReopenAnOpenTicket() {
        fixture.given(OPENED, ASSIGNED).when(new ReopenTicketCommand(new TicketId("t1"), "再看", rep("rep-a")))
                .expectException(rejectedWith(ErrorCode.TICKET_OUT_OF_ORDER))
                .expectExceptionDetails(withFact("ticketStatus", "ASSIGNED")).expectNoEvents();
    }

    @Test
    void aManagerReassignsAnUnresolvedTicket() {
        fixture.given(OPENED, ASSIGNED, RESPONDED).when(new ReassignTicketCommand(new TicketId("t1"), "agro-b", MANAGER))
                .expectEvents(new TicketAssignedEvent("t1", "c-farm", "agro-b", "agro-a", 2, false, "reassigned by manager",
                        RESOLUTION_DUE, "manager"));
    }

    @Test
    void reassignmentIsForManagersToKnownExpertsOfUnresolvedTickets() {
        fixture.given(OPENED, ASSIGNED).when(new ReassignTicketCommand(new TicketId("t1"), "agro-b", rep("rep-a")))
                .expectException(rejectedWith(ErrorCode.NOT_ALLOWED)).expectNoEvents();
        fixture.given(OPENED, ASSIGNED).when(new ReassignTicketCommand(new TicketId("t1"), "nobody", MANAGER))
                .expectException(rejectedWith(ErrorCode.EXPERT_NOT_FOUND)).expectNoEvents();
        fixture.given(OPENED, ASSIGNED, RESPONDED, RESOLVED)
                .when(new ReassignTicketCommand(new TicketId("t1"), "agro-b", MANAGER))
                .expectException(rejectedWith(ErrorCode.TICKET_OUT_OF_ORDER)).expectNoEvents();
    }

    @Test
    void aMissedDeadlineEscalatesOnce() {
        EscalateTicketCommand escalate = new EscalateTicketCommand(new TicketId("t1"), ServiceDeadline.FIRST_RESPONSE,
                FIRST_DUE, 0);
        TicketEscalatedEvent escalated = new TicketEscalatedEvent("t1", "c-farm", ServiceDeadline.FIRST_RESPONSE, FIRST_DUE,
                "agro-a", 0);
        fixture.given(OPENED, ASSIGNED).when(escalate).expectEvents(escalated).expectResultMessagePayload(true);
        fixture.given(OPENED, ASSIGNED, escalated).when(escalate).expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void aMetDeadlineDoesNotEscalate() {
        fixture.given(OPENED, ASSIGNED, RESPONDED)
                .when(new EscalateTicketCommand(new TicketId("t1"), ServiceDeadline.FIRST_RESPONSE, FIRST_DUE, 0))
                .expectNoEvents().expectResultMessagePayload(false);
        fixture.given(OPENED, ASSIGNED, RESPONDED, RESOLVED)
                .when(new EscalateTicketCommand(new TicketId("t1"), ServiceDeadline.RESOLUTION, RESOLUTION_DUE, 0))
                .expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void theResolutionDeadlineOfAnEarlierRoundNoLongerEscalatesAReopenedTicket() {
        TicketReopenedEvent reopened = new TicketReopenedEvent("t1", "c-farm", "agro-a", "又黄了",
                NOW.plus(Duration.ofDays(2)), 1, "rep-a");
        fixture.given(OPENED, ASSIGNED, RESPONDED, RESOLVED, reopened)
                .when(new EscalateTicketCommand(new TicketId("t1"), ServiceDeadline.RESOLUTION, RESOLUTION_DUE, 0))
                .expectNoEvents();
        fixture.given(OPENED, ASSIGNED, RESPONDED, RESOLVED, reopened)
                .when(new EscalateTicketCommand(new TicketId("t1"), ServiceDeadline.RESOLUTION, NOW.plus(Duration.ofDays(2)), 1))
                .expectEvents(new TicketEscalatedEvent("t1", "c-farm", ServiceDeadline.RESOLUTION,
                        NOW.plus(Duration.ofDays(2)), "agro-a", 1));
    }
}
