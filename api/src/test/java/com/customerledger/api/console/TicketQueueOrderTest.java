package com.customerledger.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.events.ticket.TicketKind;
import com.customerledger.events.ticket.TicketSeverity;
import com.customerledger.query.ticket.DeadlineView;
import com.customerledger.query.ticket.TicketView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The experts' queue order on its own (the shared ledger of the page tests has no overdue ticket, its service policy
 * being days long): overdue first, then the deadline a ticket works against (the first response until it is met,
 * then the resolution), soonest first; tickets without deadlines last.
 */
class TicketQueueOrderTest {

    private static final Instant NOW = Instant.parse("2026-12-03T04:00:00Z");

    private static DeadlineView pending(Instant due) {
        return new DeadlineView(due, null, "PENDING", null, due.isBefore(NOW));
    }

    private static DeadlineView met(Instant due) {
        return new DeadlineView(due, due.minusSeconds(60), "MET", null, false);
    }

    private static final DeadlineView NONE = new DeadlineView(null, null, "NONE", null, false);

    private static TicketView ticket(String id, DeadlineView firstResponse, DeadlineView resolution) {
        return new TicketView(id, "c-1", TicketKind.AGRONOMY, TicketSeverity.NORMAL, "subject", "description", null, null,
                "ASSIGNED", "agro-a", null, "rep-a", NOW.minusSeconds(86_400), 1, firstResponse, resolution, List.of(),
                null, null, null, 0, List.of(), NOW);
    }

    @Test
    void overdueTicketsComeFirstThenTheNextDeadline() {
        List<TicketConsoleController.QueuedTicket> queue = new ArrayList<>(List.of(
                TicketConsoleController.QueuedTicket.of(ticket("no-policy", NONE, NONE)),
                // answered: works against its resolution, in 5 hours
                TicketConsoleController.QueuedTicket.of(ticket("answered", met(NOW.minusSeconds(3600)),
                        pending(NOW.plusSeconds(5 * 3600)))),
                // not answered: its first response is due in 2 hours (its resolution in 2 days does not count yet)
                TicketConsoleController.QueuedTicket.of(ticket("unanswered", pending(NOW.plusSeconds(2 * 3600)),
                        pending(NOW.plusSeconds(2 * 86_400)))),
                // the first response was due an hour ago
                TicketConsoleController.QueuedTicket.of(ticket("late", pending(NOW.minusSeconds(3600)),
                        pending(NOW.plusSeconds(86_400)))),
                // answered, and its resolution is overdue by a minute
                TicketConsoleController.QueuedTicket.of(ticket("late-resolution", met(NOW.minusSeconds(7200)),
                        pending(NOW.minusSeconds(60))))));
        queue.sort(TicketConsoleController.BY_DEADLINE);
        assertThat(queue).extracting(queued -> queued.ticket().ticketId())
                .containsExactly("late", "late-resolution", "unanswered", "answered", "no-policy");
        assertThat(queue.get(0).deadline()).isEqualTo("FIRST_RESPONSE");
        assertThat(queue.get(1).deadline()).isEqualTo("RESOLUTION");
        assertThat(queue.get(1).overdue()).isTrue();
        assertThat(queue.get(4).dueAt()).isNull();
    }
}
