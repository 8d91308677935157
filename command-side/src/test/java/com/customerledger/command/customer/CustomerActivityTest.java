package com.customerledger.command.customer;

import static com.customerledger.command.Actors.MANAGER;
import static com.customerledger.command.Actors.rep;
import static com.customerledger.command.Rejections.rejectedWith;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.LookupTables;
import com.customerledger.events.CollaboratorAddedEvent;
import com.customerledger.events.CollaboratorRole;
import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerRegisteredEvent;
import com.customerledger.events.CustomerTransferredEvent;
import com.customerledger.events.CustomerType;
import com.customerledger.events.DealRecordedEvent;
import com.customerledger.events.GeoPoint;
import com.customerledger.events.Region;
import com.customerledger.events.TransferReason;
import com.customerledger.events.VisitChannel;
import com.customerledger.events.VisitRecordedEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Visits and deals on a customer: who may record them, idempotent ids, and who a deal is credited to. */
class CustomerActivityTest {

    private static final String ID = "c-act";
    private static final CustomerProfile PROFILE = new CustomerProfile("勤走动养殖场", CustomerType.FARM,
            new Region("山东省", "潍坊市", "寿光市"), null, null, null, List.of(), null, List.of(), List.of(), List.of(), null);

    private AggregateTestFixture<Customer> fixture;
    private LookupTables lookups;
    private Instant now;

    @BeforeEach
    void setUp() {
        lookups = new LookupTables().withRep("rep-a", 10).withRep("rep-b", 10);
        fixture = new AggregateTestFixture<>(Customer.class);
        now = fixture.currentTime().truncatedTo(ChronoUnit.MILLIS);
        lookups.serve(fixture);
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
    }

    private CustomerRegisteredEvent ownedByRepA(Instant since) {
        return CustomerRegisteredEvent.byPerson(ID, PROFILE, "rep-a", since, "manager");
    }

    private RecordVisitCommand visit(String visitId, String byRep, Instant visitedAt, Instant followUp) {
        return new RecordVisitCommand(new CustomerId(ID), visitId, visitedAt, VisitChannel.ON_SITE, "聊了饲料换季", "要样品",
                followUp, new GeoPoint(36.88, 118.79), rep(byRep));
    }

    @Test
    void ownerRecordsAVisit() {
        Instant visitedAt = now.minus(Duration.ofHours(2));
        fixture.given(ownedByRepA(now.minus(Duration.ofDays(5))))
                .when(visit("v1", "rep-a", visitedAt, now.plus(Duration.ofDays(7))))
                .expectEvents(new VisitRecordedEvent(ID, "v1", "rep-a", visitedAt, VisitChannel.ON_SITE, "聊了饲料换季", "要样品",
                        now.plus(Duration.ofDays(7)), new GeoPoint(36.88, 118.79), "rep-a"));
    }

    @Test
    void editorMayRecordButViewerAndManagerMayNot() {
        fixture.given(ownedByRepA(now.minus(Duration.ofDays(5))),
                        new CollaboratorAddedEvent(ID, "rep-b", CollaboratorRole.EDITOR, "rep-a"))
                .when(visit("v1", "rep-b", now, null))
                .expectEvents(new VisitRecordedEvent(ID, "v1", "rep-b", now, VisitChannel.ON_SITE, "聊了饲料换季", "要样品", null,
                        new GeoPoint(36.88, 118.79), "rep-b"));
        fixture.given(ownedByRepA(now.minus(Duration.ofDays(5))),
                        new CollaboratorAddedEvent(ID, "rep-b", CollaboratorRole.VIEWER, "rep-a"))
                .when(visit("v1", "rep-b", now, null))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
        fixture.given(ownedByRepA(now.minus(Duration.ofDays(5))))
                .when(new RecordVisitCommand(new CustomerId(ID), "v1", now, VisitChannel.PHONE, "x", null, null, null, MANAGER))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
    }

    @Test
    void visitsCannotLieInTheFutureOrFollowUpBeforeThemselves() {
        fixture.given(ownedByRepA(now.minus(Duration.ofDays(5))))
                .when(visit("v1", "rep-a", now.plusSeconds(60), null))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.TIME_IN_FUTURE));
        fixture.given(ownedByRepA(now.minus(Duration.ofDays(5))))
                .when(visit("v1", "rep-a", now, now.minusSeconds(60)))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.INVALID_INPUT));
    }

    @Test
    void repeatingAVisitIdAppendsNothingAndOtherDataUnderItIsRefused() {
        VisitRecordedEvent recorded = new VisitRecordedEvent(ID, "v1", "rep-a", now, VisitChannel.ON_SITE, "聊了饲料换季",
                "要样品", null, new GeoPoint(36.88, 118.79), "rep-a");
        fixture.given(ownedByRepA(now.minus(Duration.ofDays(5))), recorded)
                .when(visit("v1", "rep-a", now, null))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(ownedByRepA(now.minus(Duration.ofDays(5))), recorded)
                .when(visit("v1", "rep-a", now.minusSeconds(1), null))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.ID_ALREADY_USED));
    }

    @Test
    void aDealIsCreditedToWhoeverOwnedTheCustomerWhenItClosed() {
        Instant registered = now.minus(Duration.ofDays(30));
        Instant transferred = now.minus(Duration.ofDays(10));
        CustomerTransferredEvent toRepB = CustomerTransferredEvent.byPerson(ID, "rep-a", "rep-b", TransferReason.MANUAL,
                transferred, null, "manager", null);
        Instant beforeTransfer = now.minus(Duration.ofDays(15));
        fixture.given(ownedByRepA(registered), toRepB)
                .when(new RecordDealCommand(new CustomerId(ID), "d1", "feed", new BigDecimal("12000.00"),
                        new BigDecimal("1800.00"), beforeTransfer, MANAGER))
                .expectEvents(new DealRecordedEvent(ID, "d1", "feed", new BigDecimal("12000.00"), new BigDecimal("1800.00"),
                        beforeTransfer, "rep-a", "manager"))
                .expectResultMessagePayload("rep-a");
        fixture.given(ownedByRepA(registered), toRepB)
                .when(new RecordDealCommand(new CustomerId(ID), "d2", "feed", BigDecimal.TEN, BigDecimal.ONE,
                        now.minus(Duration.ofDays(1)), rep("rep-b")))
                .expectResultMessagePayload("rep-b");
        fixture.given(ownedByRepA(registered), toRepB)
                .when(new RecordDealCommand(new CustomerId(ID), "d3", "feed", BigDecimal.TEN, BigDecimal.ONE,
                        registered.minus(Duration.ofDays(1)), MANAGER))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.DEAL_BEFORE_REGISTRATION));
        fixture.given(ownedByRepA(registered), toRepB)
                .when(new RecordDealCommand(new CustomerId(ID), "d4", "feed", BigDecimal.TEN, BigDecimal.ONE, now, rep("rep-a")))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
    }
}
