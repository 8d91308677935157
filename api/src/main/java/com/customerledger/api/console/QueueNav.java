package com.customerledger.api.console;

import com.customerledger.command.Actor;

/** Which of the queue pages a user's navigation offers (the pages check again for themselves). */
public final class QueueNav {

    private QueueNav() {
    }

    public static boolean approvals(Actor actor) {
        return !ApprovalConsoleController.queuesOf(actor).isEmpty();
    }

    public static boolean tickets(Actor actor) {
        return TicketConsoleController.opensQueue(actor);
    }
}
