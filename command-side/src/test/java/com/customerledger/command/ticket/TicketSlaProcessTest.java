package com.customerledger.command.ticket;

import com.customerledger.events.ticket.ServiceDeadline;
import com.customerledger.events.ticket.TicketAssignedEvent;
import com.customerledger.events.ticket.TicketKind;
import com.customerledger.events.ticket.TicketOpenedEvent;
import com.customerledger.events.ticket.TicketReopenedEvent;
import com.customerledger.events.ticket.TicketResolvedEvent;
import com.customerledger.events.ticket.TicketRespondedEvent;
import com.customerledger.events.ticket.TicketSeverity;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A ticket's service deadlines as a process: both are scheduled at the opening, a deadline met in time is cancelled,
 * a missed one asks the ticket to escalate, a reopening sets a new resolution deadline.
 */
class TicketSlaProcessTest {

    private static final String ID = "t1";

    private SagaTestFixture<TicketSlaProcess> fixture;
    private Instant start;
    private Instant firstDue;
    private Instant resolutionDue;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(TicketSlaProcess.class);
        start = fixture.currentTime().truncatedTo(ChronoUnit.MILLIS);
        firstDue = start.plus(Duration.ofHours(4));
        resolutionDue = start.plus(Duration.ofDays(1));
    }

    private TicketOpenedEvent opened() {
        return new TicketOpenedEvent(ID, "c-farm", TicketKind.AGRONOMY, TicketSeverity.URGENT, "黄叶", "叶片发黄", "番茄",
                null, "rep-a", firstDue, resolutionDue, 1);
    }

    private TicketAssignedEvent assigned() {
        return new TicketAssignedEvent(ID, "c-farm", "agro-a", null, 1, true, "covers", firstDue, "rep-a");
    }

    private TicketRespondedEvent responded() {
        return new TicketRespondedEvent(ID, "c-farm", "agro-a", "先控水", true, start, "agro-a");
    }

    @Test
    void openingSchedulesBothDeadlines() throws Exception {
        fixture.givenNoPriorActivity()
                .whenAggregate(ID).publishes(opened())
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(firstDue, TicketSlaProcess.FIRST_RESPONSE)
                .expectScheduledDeadlineWithName(resolutionDue, TicketSlaProcess.RESOLUTION)
                .expectNoDispatchedCommands();
    }

    @Test
    void aTicketOpenedWithoutAPolicyHasNoDeadlines() throws Exception {
        fixture.givenNoPriorActivity()
                .whenAggregate(ID).publishes(new TicketOpenedEvent(ID, "c-farm", TicketKind.AGRONOMY, TicketSeverity.LOW,
                        "问", "问", null, null, "rep-a", null, null, 0))
                .expectActiveSagas(1)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aMissedFirstResponseAsksTheTicketToEscalate() throws Exception {
        fixture.givenAggregate(ID).published(opened(), assigned())
                .whenTimeElapses(Duration.ofHours(5))
                .expectTriggeredDeadlinesWithName(TicketSlaProcess.FIRST_RESPONSE)
                .expectDispatchedCommands(new EscalateTicketCommand(new TicketId(ID), ServiceDeadline.FIRST_RESPONSE,
                        firstDue, 0))
                .expectScheduledDeadlineWithName(resolutionDue, TicketSlaProcess.RESOLUTION);
    }

    @Test
    void aFirstResponseInTimeCancelsItsDeadline() throws Exception {
        fixture.givenAggregate(ID).published(opened(), assigned())
                .whenAggregate(ID).publishes(responded())
                .expectNoScheduledDeadlineWithName(firstDue, TicketSlaProcess.FIRST_RESPONSE)
                .expectScheduledDeadlineWithName(resolutionDue, TicketSlaProcess.RESOLUTION);
    }

    @Test
    void aFirstResponseInTimeEscalatesNothingWhenItsTimeComes() throws Exception {
        fixture.givenAggregate(ID).published(opened(), assigned(), responded())
                .whenTimeElapses(Duration.ofHours(5))
                .expectNoDispatchedCommands();
    }

    @Test
    void aResolutionCancelsTheResolutionDeadline() throws Exception {
        fixture.givenAggregate(ID).published(opened(), assigned(), responded())
                .whenAggregate(ID).publishes(new TicketResolvedEvent(ID, "c-farm", "agro-a", "补镁", null, start, "agro-a"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aMissedResolutionAsksTheTicketToEscalate() throws Exception {
        fixture.givenAggregate(ID).published(opened(), assigned(), responded())
                .whenTimeElapses(Duration.ofDays(2))
                .expectTriggeredDeadlinesWithName(TicketSlaProcess.RESOLUTION)
                .expectDispatchedCommands(new EscalateTicketCommand(new TicketId(ID), ServiceDeadline.RESOLUTION,
                        resolutionDue, 0));
    }

    @Test
    void aReopeningSetsANewResolutionDeadlineOfItsRound() throws Exception {
        Instant again = start.plus(Duration.ofDays(3));
        fixture.givenAggregate(ID).published(opened(), assigned(), responded(),
                        new TicketResolvedEvent(ID, "c-farm", "agro-a", "补镁", null, start, "agro-a"))
                .whenAggregate(ID).publishes(new TicketReopenedEvent(ID, "c-farm", "agro-a", "又黄了", again, 1, "rep-a"))
                .expectScheduledDeadlineWithName(again, TicketSlaProcess.RESOLUTION);
    }

    @Test
    void aReopenedTicketsMissedResolutionEscalatesInItsRound() throws Exception {
        Instant again = start.plus(Duration.ofHours(10));
        fixture.givenAggregate(ID).published(opened(), assigned(), responded(),
                        new TicketResolvedEvent(ID, "c-farm", "agro-a", "补镁", null, start, "agro-a"),
                        new TicketReopenedEvent(ID, "c-farm", "agro-a", "又黄了", again, 1, "rep-a"))
                .whenTimeElapses(Duration.ofHours(11))
                .expectDispatchedCommands(new EscalateTicketCommand(new TicketId(ID), ServiceDeadline.RESOLUTION, again, 1));
    }
}
